// Tests of secure/secret.hpp: wiping is observed through a recording allocator that checks, at
// deallocation, that every byte of the block it handed out is zero.
#include <doctest/doctest.h>

#include <mynumber/secure/secret.hpp>

#include <cstddef>
#include <cstring>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace mynumber;

namespace {

// Global record of what the recording allocator saw (tests run single-threaded).
struct allocation_log {
  std::size_t allocations = 0;
  std::size_t deallocations = 0;
  std::size_t dirty_deallocations = 0;  // blocks returned with a non-zero byte
  std::size_t bytes_checked = 0;
  void reset() { *this = allocation_log{}; }
};
allocation_log g_log;

struct recording_allocator {
  using value_type = unsigned char;
  using is_always_equal = std::true_type;
  recording_allocator() = default;
  unsigned char* allocate(std::size_t n) {
    ++g_log.allocations;
    return static_cast<unsigned char*>(::operator new(n));
  }
  void deallocate(unsigned char* p, std::size_t n) noexcept {
    ++g_log.deallocations;
    bool dirty = false;
    for (std::size_t i = 0; i < n; ++i) dirty = dirty || p[i] != 0;
    g_log.bytes_checked += n;
    if (dirty) ++g_log.dirty_deallocations;
    ::operator delete(p);
  }
};

using recorded_secret = basic_secret<recording_allocator>;
constexpr const char* pin = "4913";
}  // namespace

TEST_CASE("a secret is wiped before its memory is returned") {
  g_log.reset();
  {
    recorded_secret s{std::string_view("correct horse battery staple")};
    CHECK(s.view() == "correct horse battery staple");
    CHECK(g_log.allocations == 1);
  }
  CHECK(g_log.deallocations == 1);
  CHECK(g_log.bytes_checked == 28);
  CHECK(g_log.dirty_deallocations == 0);
}

TEST_CASE("clear() wipes and empties") {
  g_log.reset();
  recorded_secret s{std::string_view(pin)};
  s.clear();
  CHECK(s.empty());
  CHECK(s.view().empty());
  CHECK(g_log.deallocations == 1);
  CHECK(g_log.dirty_deallocations == 0);
}

TEST_CASE("a move hands over the block and leaves nothing behind") {
  g_log.reset();
  recorded_secret a{std::string_view(pin)};
  const unsigned char* block = a.data();
  recorded_secret b(std::move(a));
  CHECK(b.data() == block);  // the same block: no second copy was made
  CHECK(a.empty());          // NOLINT(bugprone-use-after-move): the contract says empty
  CHECK(a.data() == nullptr);
  CHECK(b.view() == pin);
  CHECK(g_log.allocations == 1);

  // Move assignment wipes the bytes it replaces.
  recorded_secret c{std::string_view("old password")};
  c = std::move(b);
  CHECK(c.view() == pin);
  CHECK(g_log.deallocations == 1);
  CHECK(g_log.bytes_checked == 12);
  CHECK(g_log.dirty_deallocations == 0);
}

TEST_CASE("after a move the old storage holds no digits of the secret") {
  // Inspect the storage directly: with the default allocator the source object's fields are
  // zeroed and the only copy of the bytes is the one the destination owns.
  secret a(std::string_view("123456789018"));
  secret b(std::move(a));
  unsigned char raw[sizeof(secret)];
  std::memcpy(raw, static_cast<const void*>(&a), sizeof raw);
  for (const unsigned char byte : raw) CHECK(byte == 0);  // null pointer and zero size
  CHECK(b.view() == "123456789018");
}

TEST_CASE("clone is the only copy and is independent") {
  g_log.reset();
  recorded_secret a{std::string_view(pin)};
  {
    recorded_secret b = a.clone();
    CHECK(b == a);
    CHECK(b.data() != a.data());
  }
  CHECK(a.view() == pin);
  CHECK(g_log.allocations == 2);
  CHECK(g_log.dirty_deallocations == 0);
  static_assert(!std::is_copy_constructible_v<secret>, "no implicit copies");
  static_assert(!std::is_copy_assignable_v<secret>, "no implicit copies");
  static_assert(std::is_nothrow_move_constructible_v<secret>);
}

TEST_CASE("comparison: content, length, empty") {
  CHECK(secret(std::string_view("1234")) == secret(std::string_view("1234")));
  CHECK(secret(std::string_view("1234")) != secret(std::string_view("1235")));
  CHECK(secret(std::string_view("1234")) != secret(std::string_view("12345")));
  CHECK(secret() == secret());
  CHECK(secret() != secret(std::string_view("0")));
  const secret s(std::string_view("abc"));
  CHECK(s.equals("abc", 3));
  CHECK_FALSE(s.equals("abd", 3));
}

TEST_CASE("streams print a fixed redaction, never the content or its length") {
  std::ostringstream a, b;
  a << secret(std::string_view("123456789018"));
  b << secret(std::string_view("x"));
  CHECK(a.str() == "[secret]");
  CHECK(b.str() == "[secret]");
  CHECK(to_string(secret(std::string_view("123456789018"))) == "[secret]");
}

TEST_CASE("take() copies a string into a secret and wipes the string") {
  std::string text = "a long password that does not fit the small-string buffer";
  const std::size_t length = text.size();
  const char* buffer = text.data();
  const secret s = secret::take(text);
  CHECK(s.size() == length);
  CHECK(text.empty());
  CHECK(text.data() == buffer);  // no reallocation: the wiped buffer is the original one
  for (std::size_t i = 0; i < length; ++i) CHECK(buffer[i] == '\0');
}

TEST_CASE("Individual Number interop") {
  const auto number = individual_number::parse("123456789018");
  const secret digits = reveal_into_secret(number);
  CHECK(digits.view() == "123456789018");
  CHECK(individual_number_from_secret(digits) == number);
  const auto bad = try_individual_number_from_secret(secret(std::string_view("123456789012")));
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == errc::check_digit_mismatch);
  CHECK(bad.error().message().find("123456789012") == std::string::npos);
}
