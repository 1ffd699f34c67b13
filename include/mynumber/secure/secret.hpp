// File: secure/secret.hpp — basic_secret / secret: bytes that must not linger or leak — an
// Individual Number taken out of its value type, a card PIN, a password, key material.
//
// Contract:
//   * the bytes live in one heap block that is overwritten with OPENSSL_cleanse before it is
//     freed: on destruction, on clear(), and when move assignment replaces them;
//   * a move hands the block itself to the new owner (no second copy is ever made) and leaves
//     the source empty;
//   * there is no copy constructor: a second copy is made only by an explicit clone();
//   * operator== runs in constant time for secrets of equal length (CRYPTO_memcmp); the length
//     itself is not hidden;
//   * operator<< prints "[secret]" and nothing else, whatever the content; view() is the one
//     way to the bytes (keep calls to it visible in review).
// What this type cannot promise (see docs/security.md): copies the caller made before handing
// the bytes over, copies made by the OS (swap, core dumps, hibernation), and, in Python, the
// immutable str/bytes objects the interpreter keeps until garbage collection.
#ifndef MYNUMBER_SECURE_SECRET_HPP
#define MYNUMBER_SECURE_SECRET_HPP

#include <openssl/crypto.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../individual_number.hpp"
#include "../result.hpp"

MYNUMBER_BEGIN_NAMESPACE

// The fixed text every stream output of a secret produces.
inline constexpr std::string_view secret_redaction = "[secret]";

// `Allocator` allocates unsigned char and must be stateless (tests use a recording allocator to
// observe that every block is zero when it is returned).
template <class Allocator = std::allocator<unsigned char>>
class basic_secret {
  using traits = std::allocator_traits<Allocator>;
  static_assert(std::is_same_v<typename traits::value_type, unsigned char>, "allocate unsigned char");
  static_assert(traits::is_always_equal::value, "the allocator must be stateless");

 public:
  using allocator_type = Allocator;

  basic_secret() noexcept = default;

  // Copies `size` bytes from `data` (the caller still owns and should wipe its copy).
  basic_secret(const void* data, std::size_t size) { assign(data, size); }
  // Copies the bytes of `text`.
  explicit basic_secret(std::string_view text) { assign(text.data(), text.size()); }

  // Takes the content of `text` and wipes `text` (all of its capacity) and clears it.
  [[nodiscard]] static basic_secret take(std::string& text) {
    basic_secret s(text.data(), text.size());
    text.resize(text.capacity());  // within capacity: no reallocation, so no copy is left behind
    if (!text.empty()) OPENSSL_cleanse(&text[0], text.size());
    text.clear();
    return s;
  }

  basic_secret(const basic_secret&) = delete;
  basic_secret& operator=(const basic_secret&) = delete;

  basic_secret(basic_secret&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  basic_secret& operator=(basic_secret&& other) noexcept {
    if (this != &other) {
      release();
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  ~basic_secret() { release(); }

  // An independent copy. Explicit so that every copy of a secret is visible in the code.
  [[nodiscard]] basic_secret clone() const { return basic_secret(data_, size_); }

  // Wipes and frees the bytes; the secret becomes empty.
  void clear() noexcept { release(); }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

  // The bytes, valid until this secret is cleared, moved from or destroyed.
  [[nodiscard]] const unsigned char* data() const noexcept { return data_; }
  // The bytes as text. Named like individual_number::reveal() for the same reason: grep for it.
  [[nodiscard]] std::string_view view() const noexcept {
    return size_ == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data_), size_);
  }

  // Constant time in the content for equal lengths; different lengths compare unequal at once.
  [[nodiscard]] bool equals(const void* data, std::size_t size) const noexcept {
    if (size != size_) return false;
    if (size == 0) return true;
    return CRYPTO_memcmp(data_, data, size) == 0;
  }
  friend bool operator==(const basic_secret& a, const basic_secret& b) noexcept { return a.equals(b.data_, b.size_); }
  friend bool operator!=(const basic_secret& a, const basic_secret& b) noexcept { return !(a == b); }

  // Always the fixed redaction, never the content or its length.
  friend std::ostream& operator<<(std::ostream& os, const basic_secret&) { return os << secret_redaction; }

 private:
  void assign(const void* data, std::size_t size) {
    if (size == 0) return;
    Allocator alloc;
    data_ = traits::allocate(alloc, size);
    std::memcpy(data_, data, size);
    size_ = size;
  }
  void release() noexcept {
    if (data_ == nullptr) return;
    OPENSSL_cleanse(data_, size_);
    Allocator alloc;
    traits::deallocate(alloc, data_, size_);
    data_ = nullptr;
    size_ = 0;
  }

  unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
};

using secret = basic_secret<>;

// "[secret]": the string form of a secret, for code that builds messages with to_string.
template <class Allocator>
[[nodiscard]] std::string to_string(const basic_secret<Allocator>&) {
  return std::string(secret_redaction);
}

// The 12 digits of `number` as a secret. The temporary string from reveal() is wiped before it is
// released, so the digits exist only in `number` and in the result.
[[nodiscard]] inline secret reveal_into_secret(const individual_number& number) {
  std::string digits = number.reveal();
  return secret::take(digits);
}

// Parses a secret that holds an Individual Number (strict: 12 ASCII digits, valid check digit).
// Errors are those of individual_number::try_parse; they never contain the digits.
[[nodiscard]] inline result<individual_number> try_individual_number_from_secret(const secret& digits) {
  return individual_number::try_parse(digits.view());
}
[[nodiscard]] inline individual_number individual_number_from_secret(const secret& digits) {
  return try_individual_number_from_secret(digits).value();
}

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_SECURE_SECRET_HPP
