// File: secure/key.hpp — organisation keys for linkage tokens, sealed values and keyed audit
// chains: symmetric_key (a key id plus 32 secret bytes) and key_ring (the keys an application
// holds; one of them is current and used for everything new, the others only read old values).
//
// Key text format, one key per entry: "mnk1:<key id>:<64 lower-case hex digits>".
// A key file or environment variable holds one or more entries separated by new lines, spaces or
// ';'; '#' starts a comment that runs to the end of the line. The FIRST entry is the current
// key, so rotation means adding the new key at the top and keeping the old ones below it until
// every value has been re-derived or re-sealed. Keys are read from files or the environment,
// never from command-line arguments (other users can read argv through /proc or ps).
// A key id is 1–64 characters from [A-Za-z0-9_-]; it is written into every token, sealed value
// and keyed audit line, so it must not itself be secret.
#ifndef MYNUMBER_SECURE_KEY_HPP
#define MYNUMBER_SECURE_KEY_HPP

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rand.h>

#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "../error.hpp"
#include "../result.hpp"
#include "detail/encoding.hpp"
#include "secret.hpp"

MYNUMBER_BEGIN_NAMESPACE

inline constexpr std::size_t key_id_max_length = 64;
inline constexpr std::string_view key_line_prefix = "mnk1:";
// The environment variable the CLI and key_ring::try_from_env read by default.
inline constexpr const char* default_key_environment_variable = "MYNUMBER_KEYS";

// Checks the key id rule (1–64 of [A-Za-z0-9_-]); errc::key_invalid with the position otherwise.
[[nodiscard]] inline result<void> validate_key_id(std::string_view id) {
  if (id.empty()) return error_info{errc::key_invalid, no_position, -1, "key id is empty"};
  if (id.size() > key_id_max_length)
    return error_info{errc::key_invalid, no_position, -1, "key id longer than 64 characters"};
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return error_info{errc::key_invalid, i, -1, "key id may only hold A-Z a-z 0-9 _ -"};
  }
  return {};
}

class symmetric_key {
 public:
  static constexpr std::size_t size = 32;  // AES-256 and HMAC-SHA256 keys

  // A key from its id and exactly 32 bytes of material; errc::key_invalid otherwise.
  [[nodiscard]] static result<symmetric_key> try_make(std::string_view id, secret material) {
    if (auto v = validate_key_id(id); !v) return v.error();
    if (material.size() != size) {
      return error_info{errc::key_invalid, no_position, -1, "key material must be exactly 32 bytes"};
    }
    return symmetric_key(std::string(id), std::move(material));
  }
  [[nodiscard]] static symmetric_key make(std::string_view id, secret material) {
    return try_make(id, std::move(material)).value();
  }

  // A fresh random key from OpenSSL's private DRBG (RAND_priv_bytes).
  [[nodiscard]] static result<symmetric_key> try_generate(std::string_view id) {
    unsigned char bytes[size];
    if (RAND_priv_bytes(bytes, static_cast<int>(size)) != 1) {
      OPENSSL_cleanse(bytes, size);
      ERR_clear_error();
      return error_info{errc::crypto_error, no_position, -1, "RAND_priv_bytes failed"};
    }
    secret material(bytes, size);
    OPENSSL_cleanse(bytes, size);
    return try_make(id, std::move(material));
  }
  [[nodiscard]] static symmetric_key generate(std::string_view id) { return try_generate(id).value(); }

  // Parses one "mnk1:<id>:<hex>" entry. Errors never quote the hex digits.
  [[nodiscard]] static result<symmetric_key> try_parse_entry(std::string_view entry) {
    if (entry.substr(0, key_line_prefix.size()) != key_line_prefix) {
      return error_info{errc::key_invalid, 0, -1, "key entry does not start with \"mnk1:\""};
    }
    entry.remove_prefix(key_line_prefix.size());
    const std::size_t colon = entry.find(':');
    if (colon == std::string_view::npos) {
      return error_info{errc::key_invalid, no_position, -1, "key entry has no ':' after the key id"};
    }
    const std::string_view id = entry.substr(0, colon);
    if (auto v = validate_key_id(id); !v) return v.error();
    const std::string_view hex = entry.substr(colon + 1);
    if (hex.size() != 2 * size) {
      return error_info{errc::key_invalid, no_position, -1, "key material must be 64 lower-case hex digits"};
    }
    auto raw = detail::from_hex(hex);
    if (!raw) return error_info{errc::key_invalid, no_position, -1, "key material must be 64 lower-case hex digits"};
    secret material(raw->data(), raw->size());
    OPENSSL_cleanse(raw->data(), raw->size());
    return try_make(id, std::move(material));
  }

  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  // The key bytes. Only the crypto code of this module should need them.
  [[nodiscard]] const secret& material() const noexcept { return material_; }

  // The "mnk1:<id>:<hex>" entry, for writing a key file. Reveals the key: the caller must wipe
  // the result (secret::take) after writing it.
  [[nodiscard]] std::string export_entry() const {
    std::string out(key_line_prefix);
    out += id_;
    out.push_back(':');
    out += detail::to_hex(material_.data(), material_.size());
    return out;
  }

  [[nodiscard]] symmetric_key clone() const { return symmetric_key(id_, material_.clone()); }

  // Prints the key id only.
  friend std::ostream& operator<<(std::ostream& os, const symmetric_key& k) { return os << "key " << k.id_; }

 private:
  symmetric_key(std::string id, secret material) : id_(std::move(id)), material_(std::move(material)) {}
  std::string id_;
  secret material_;
};

class key_ring {
 public:
  key_ring() = default;
  key_ring(key_ring&&) noexcept = default;
  key_ring& operator=(key_ring&&) noexcept = default;
  key_ring(const key_ring&) = delete;
  key_ring& operator=(const key_ring&) = delete;

  [[nodiscard]] key_ring clone() const {
    key_ring out;
    for (const auto& k : keys_) out.keys_.push_back(k.clone());
    out.current_ = current_;
    return out;
  }

  // Adds a key; the first key added becomes current. errc::key_invalid on a duplicate id.
  [[nodiscard]] result<void> try_add(symmetric_key key) {
    if (find(key.id()) != nullptr) {
      return error_info{errc::key_invalid, no_position, -1, "duplicate key id " + key.id()};
    }
    keys_.push_back(std::move(key));
    return {};
  }
  void add(symmetric_key key) { try_add(std::move(key)).value(); }

  // Makes the key with this id current; errc::key_unknown if the ring does not hold it.
  [[nodiscard]] result<void> try_set_current(std::string_view id) {
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i].id() == id) {
        current_ = i;
        return {};
      }
    }
    return error_info{errc::key_unknown, no_position, -1, "no key with id " + std::string(id)};
  }
  void set_current(std::string_view id) { try_set_current(id).value(); }

  [[nodiscard]] bool empty() const noexcept { return keys_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return keys_.size(); }

  // The key with this id, or nullptr.
  [[nodiscard]] const symmetric_key* find(std::string_view id) const noexcept {
    for (const auto& k : keys_)
      if (k.id() == id) return &k;
    return nullptr;
  }
  // The key with this id; errc::key_unknown otherwise.
  [[nodiscard]] result<const symmetric_key*> try_get(std::string_view id) const {
    if (const symmetric_key* k = find(id)) return k;
    return error_info{errc::key_unknown, no_position, -1, "no key with id " + std::string(id)};
  }
  // The key used for new tokens, seals and audit lines; errc::key_unknown if the ring is empty.
  [[nodiscard]] result<const symmetric_key*> try_current() const {
    if (keys_.empty()) return error_info{errc::key_unknown, no_position, -1, "the key ring is empty"};
    return &keys_[current_];
  }
  [[nodiscard]] const symmetric_key& current() const { return *try_current().value(); }

  // The key ids, current first.
  [[nodiscard]] std::vector<std::string> ids() const {
    std::vector<std::string> out;
    if (!keys_.empty()) out.push_back(keys_[current_].id());
    for (std::size_t i = 0; i < keys_.size(); ++i)
      if (i != current_) out.push_back(keys_[i].id());
    return out;
  }

  // Parses key entries (format above). errc::key_invalid names the entry's line; an empty text
  // is errc::key_invalid too, since a ring without keys can do nothing.
  [[nodiscard]] static result<key_ring> try_parse(std::string_view text) {
    key_ring ring;
    std::size_t line_no = 1;
    std::size_t i = 0;
    while (i < text.size()) {
      const char c = text[i];
      if (c == '\n') {
        ++line_no;
        ++i;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == ';') {
        ++i;
        continue;
      }
      if (c == '#') {
        while (i < text.size() && text[i] != '\n') ++i;
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && text[end] != '\n' && text[end] != ' ' && text[end] != '\t' && text[end] != '\r' &&
             text[end] != ';' && text[end] != '#')
        ++end;
      auto key = symmetric_key::try_parse_entry(text.substr(i, end - i));
      if (!key) {
        error_info e = key.error();
        e.position = line_no;
        e.detail = "line " + std::to_string(line_no) + ": " + e.detail;
        return e;
      }
      if (auto added = ring.try_add(std::move(*key)); !added) {
        error_info e = added.error();
        e.position = line_no;
        return e;
      }
      i = end;
    }
    if (ring.empty()) return error_info{errc::key_invalid, no_position, -1, "no key entries found"};
    return ring;
  }

  // Reads a key file. Refuses a file that other users may read (chmod 600 it), since the keys
  // protect every sealed number. errc::io if unreadable. The file content is wiped after parsing.
  [[nodiscard]] static result<key_ring> try_load_file(const std::filesystem::path& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::is_regular_file(status)) {
      return error_info{errc::io, no_position, -1, "cannot read key file " + path.string()};
    }
    if ((status.permissions() & std::filesystem::perms::others_read) != std::filesystem::perms::none) {
      return error_info{errc::key_invalid, no_position, -1,
                        "key file " + path.string() + " is readable by other users (chmod 600 it)"};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return error_info{errc::io, no_position, -1, "cannot read key file " + path.string()};
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const secret held = secret::take(content);
    auto ring = try_parse(held.view());
    if (!ring) {
      error_info e = ring.error();
      e.detail = path.string() + ": " + e.detail;
      return e;
    }
    return ring;
  }
  [[nodiscard]] static key_ring load_file(const std::filesystem::path& path) { return try_load_file(path).value(); }

  // Reads key entries from an environment variable (default MYNUMBER_KEYS).
  [[nodiscard]] static result<key_ring> try_from_env(const char* name = default_key_environment_variable) {
    const char* value = std::getenv(name);
    if (value == nullptr) {
      return error_info{errc::key_invalid, no_position, -1,
                        std::string("environment variable ") + name + " is not set"};
    }
    auto ring = try_parse(value);
    if (!ring) {
      error_info e = ring.error();
      e.detail = std::string(name) + ": " + e.detail;
      return e;
    }
    return ring;
  }
  [[nodiscard]] static key_ring from_env(const char* name = default_key_environment_variable) {
    return try_from_env(name).value();
  }

 private:
  std::vector<symmetric_key> keys_;
  std::size_t current_ = 0;
};

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_SECURE_KEY_HPP
