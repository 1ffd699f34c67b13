// File: secure/audit.hpp — the audit trail: an append-only, hash-chained JSON Lines log of who
// did what with which record and why, and the deletion certificates (廃棄記録) drawn from it.
//
// Why: the PPC guideline's 安全管理措置 ask a business to record the use and output of
// 特定個人情報ファイル, deletions and disposals, and system access (アクセスログ); the records
// kept to check handling must not themselves contain 特定個人情報. So an entry names the record
// id, never the number (fields that carry a checksum-valid 12-digit Individual Number are
// refused), and deletions are entries of the same log.
//
// Line format, version 1 (one JSON object per line, keys in exactly this order, no spaces):
//   {"v":1,"seq":N,"time":"YYYY-MM-DDTHH:MM:SSZ","actor":"…","action":"reveal|provide|store|delete",
//    "purpose":"…","basis":"<law rule id>"|null,"record":"…","detail":"…"|null,
//    "key":"<key id>"|null,"prev":"<64 hex>","hash":"<64 hex>"}
// body  = the line up to (not including) ',"hash":'  — it contains "prev", which chains entries
// hash  = SHA-256("mynumber/audit/v1" 0x00 || body)              when "key" is null
//       = HMAC-SHA256(key, "mynumber/audit/v1" 0x00 || body)     when "key" names a key
// The first entry has seq 0 and prev = 64 zeros. A line must be exactly the canonical text its
// fields re-serialise to, so any byte edit is either a parse failure, a canonical-form failure or
// a hash mismatch. An unkeyed chain detects edits by anyone who does not rewrite every later line;
// a keyed chain (HMAC) also resists whoever cannot read the key. Truncation of the newest entries
// is only detectable against a head (seq + hash) kept elsewhere: pass it as expected_head.
#ifndef MYNUMBER_SECURE_AUDIT_HPP
#define MYNUMBER_SECURE_AUDIT_HPP

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#define MYNUMBER_SECURE_POSIX_FILES 1
#endif

#include "../detail/utf8.hpp"
#include "../result.hpp"
#include "detail/crypto.hpp"
#include "detail/encoding.hpp"
#include "detail/json.hpp"
#include "detail/screen.hpp"
#include "key.hpp"

MYNUMBER_BEGIN_NAMESPACE

inline constexpr std::uint64_t audit_format_version = 1;
inline constexpr std::size_t audit_field_max_length = 1024;
// prev of the first entry.
inline constexpr std::string_view audit_genesis_hash =
    "0000000000000000000000000000000000000000000000000000000000000000";

enum class audit_action { reveal, provide, store, delete_ };

[[nodiscard]] constexpr std::string_view to_string(audit_action a) noexcept {
  switch (a) {
    case audit_action::reveal: return "reveal";
    case audit_action::provide: return "provide";
    case audit_action::store: return "store";
    case audit_action::delete_: return "delete";
  }
  return "unknown";
}

[[nodiscard]] inline result<audit_action> try_parse_audit_action(std::string_view text) {
  if (text == "reveal") return audit_action::reveal;
  if (text == "provide") return audit_action::provide;
  if (text == "store") return audit_action::store;
  if (text == "delete") return audit_action::delete_;
  return error_info{errc::invalid_argument, no_position, -1, "action must be reveal, provide, store or delete"};
}

// What the caller records. `time` defaults to now; `legal_basis` is a rule id of the law module
// when one applies; `detail` is free text (for delete: the method, e.g. "crypto-erase").
struct audit_event {
  std::string actor;
  audit_action action = audit_action::reveal;
  std::string purpose;
  std::optional<std::string> legal_basis{};
  std::string record_id;
  std::optional<std::string> detail{};
  std::optional<std::chrono::system_clock::time_point> time{};
};

// One verified line of the log.
struct audit_entry {
  std::uint64_t seq = 0;
  std::string time;  // "YYYY-MM-DDTHH:MM:SSZ" (UTC)
  std::string actor;
  audit_action action = audit_action::reveal;
  std::string purpose;
  std::optional<std::string> legal_basis{};
  std::string record_id;
  std::optional<std::string> detail{};
  std::optional<std::string> key_id{};
  std::string prev;
  std::string hash;
};

// Where a chain ends: the number of entries and the hash of the last one (the genesis hash for an
// empty log). Keep a copy elsewhere to detect truncation.
struct audit_head {
  std::uint64_t entries = 0;
  std::string hash = std::string(audit_genesis_hash);
  friend bool operator==(const audit_head& a, const audit_head& b) noexcept {
    return a.entries == b.entries && a.hash == b.hash;
  }
  friend bool operator!=(const audit_head& a, const audit_head& b) noexcept { return !(a == b); }
};

namespace detail {
using namespace std::string_view_literals;
inline constexpr std::string_view audit_hash_label = "mynumber/audit/v1\0"sv;  // NUL included

// UTC "YYYY-MM-DDTHH:MM:SSZ".
[[nodiscard]] inline std::string format_utc(std::chrono::system_clock::time_point tp) {
  const std::time_t t = std::chrono::system_clock::to_time_t(tp);
  std::tm tm{};
#if defined(_WIN32)
  gmtime_s(&tm, &t);
#else
  gmtime_r(&t, &tm);
#endif
  char buffer[32];
  const std::size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buffer, n);
}

[[nodiscard]] constexpr bool is_utc_timestamp(std::string_view t) noexcept {
  if (t.size() != 20) return false;
  constexpr std::string_view shape = "dddd-dd-ddTdd:dd:ddZ";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 'd' ? (t[i] < '0' || t[i] > '9') : t[i] != shape[i]) return false;
  }
  const auto two = [&](std::size_t at) { return (t[at] - '0') * 10 + (t[at + 1] - '0'); };
  return two(5) >= 1 && two(5) <= 12 && two(8) >= 1 && two(8) <= 31 && two(11) <= 23 && two(14) <= 59 && two(17) <= 60;
}

// A text field of an entry: `required` fields are non-empty; all are valid UTF-8, at most 1024
// bytes and hold no Individual Number.
[[nodiscard]] inline result<void> check_audit_field(std::string_view name, std::string_view value, bool required) {
  const auto fail = [&](errc code, std::size_t at, const char* what) {
    return error_info{code, at, -1, "audit field \"" + std::string(name) + "\": " + what};
  };
  if (required && value.empty()) return fail(errc::invalid_argument, no_position, "is empty");
  if (value.size() > audit_field_max_length) return fail(errc::invalid_argument, no_position, "longer than 1024 bytes");
  for (std::size_t i = 0; i < value.size();) {
    const std::size_t at = i;
    if (utf8_next(value, i) == utf8_invalid) return fail(errc::invalid_utf8, at, "invalid UTF-8");
  }
  if (const std::size_t at = find_individual_number(value); at != no_position) {
    return fail(errc::invalid_argument, at, "contains an Individual Number (audit records must not)");
  }
  return {};
}

// The canonical body (everything before ',"hash":') of an entry.
[[nodiscard]] inline std::string audit_body(const audit_entry& e) {
  json_object_writer w;
  w.number("v", audit_format_version)
      .number("seq", e.seq)
      .string("time", e.time)
      .string("actor", e.actor)
      .string("action", to_string(e.action))
      .string("purpose", e.purpose)
      .optional_string("basis", e.legal_basis)
      .string("record", e.record_id)
      .optional_string("detail", e.detail)
      .optional_string("key", e.key_id)
      .string("prev", e.prev);
  std::string text = std::move(w).finish();
  text.pop_back();  // drop '}': the hash member follows
  return text;
}

[[nodiscard]] inline std::string audit_line(const std::string& body, const std::string& hash) {
  std::string line = body;
  line += ",\"hash\":\"";
  line += hash;
  line += "\"}";
  return line;
}

// The hash of a body: SHA-256, or HMAC-SHA256 under `key` for keyed entries.
[[nodiscard]] inline result<std::string> audit_hash(std::string_view body, const symmetric_key* key) {
  result<digest256> d =
      key == nullptr ? sha256({audit_hash_label, body})
                     : hmac_sha256(byte_span(key->material().data(), key->material().size()), {audit_hash_label, body});
  if (!d) return d.error();
  return to_hex(d->data(), d->size());
}

[[nodiscard]] inline bool is_hex64(std::string_view s) noexcept {
  if (s.size() != 64) return false;
  for (const char c : s)
    if (hex_value(c) < 0) return false;
  return true;
}

}  // namespace detail

// Parses one line strictly: the exact key order and types of the format, valid field contents,
// and byte-for-byte canonical form. Does not check the hash or the chain (see
// try_verify_audit_log). Errors are errc::audit_chain_broken with the byte offset when known.
[[nodiscard]] inline result<audit_entry> try_parse_audit_line(std::string_view line) {
  const auto broken = [](std::size_t at, std::string what) {
    return error_info{errc::audit_chain_broken, at, -1, std::move(what)};
  };
  const detail::json_flat_object obj = detail::json_parse_flat_object(line);
  if (!obj.ok()) return broken(obj.error_offset, std::string("not a JSON object: ") + obj.error);
  static constexpr std::string_view keys[] = {"v",     "seq",    "time",   "actor", "action", "purpose",
                                              "basis", "record", "detail", "key",   "prev",   "hash"};
  if (obj.members.size() != std::size(keys)) return broken(no_position, "wrong number of fields");
  using type = detail::json_flat_value::type;
  for (std::size_t i = 0; i < std::size(keys); ++i) {
    if (obj.members[i].first != keys[i])
      return broken(no_position, "field " + std::to_string(i + 1) + " must be \"" + std::string(keys[i]) + "\"");
  }
  const auto& m = obj.members;
  const auto is = [](const detail::json_flat_value& v, type t) { return v.kind == t; };
  const auto opt = [&](const detail::json_flat_value& v) -> std::optional<std::string> {
    if (is(v, type::null)) return std::nullopt;
    return v.text;
  };
  if (!is(m[0].second, type::number) || m[0].second.number != audit_format_version) {
    return error_info{errc::format_version, no_position, -1, "audit line version"};
  }
  if (!is(m[1].second, type::number)) return broken(no_position, "\"seq\" must be an integer");
  for (const std::size_t i : {2u, 3u, 4u, 5u, 7u, 10u, 11u})
    if (!is(m[i].second, type::string)) return broken(no_position, "\"" + std::string(keys[i]) + "\" must be a string");
  for (const std::size_t i : {6u, 8u, 9u})
    if (is(m[i].second, type::number))
      return broken(no_position, "\"" + std::string(keys[i]) + "\" must be a string or null");

  audit_entry e;
  e.seq = m[1].second.number;
  e.time = m[2].second.text;
  e.actor = m[3].second.text;
  auto action = try_parse_audit_action(m[4].second.text);
  if (!action) return broken(no_position, "unknown action");
  e.action = *action;
  e.purpose = m[5].second.text;
  e.legal_basis = opt(m[6].second);
  e.record_id = m[7].second.text;
  e.detail = opt(m[8].second);
  e.key_id = opt(m[9].second);
  e.prev = m[10].second.text;
  e.hash = m[11].second.text;

  if (!detail::is_utc_timestamp(e.time)) return broken(no_position, "\"time\" is not YYYY-MM-DDTHH:MM:SSZ");
  for (const auto& [name, value, required] :
       {std::tuple<std::string_view, const std::string*, bool>{"actor", &e.actor, true},
        {"purpose", &e.purpose, true},
        {"record", &e.record_id, true}}) {
    if (auto c = detail::check_audit_field(name, *value, required); !c) return broken(no_position, c.error().detail);
  }
  if (e.legal_basis) {
    if (auto c = detail::check_audit_field("basis", *e.legal_basis, true); !c)
      return broken(no_position, c.error().detail);
  }
  if (e.detail) {
    if (auto c = detail::check_audit_field("detail", *e.detail, false); !c)
      return broken(no_position, c.error().detail);
  }
  if (e.key_id && !validate_key_id(*e.key_id)) return broken(no_position, "\"key\" is not a valid key id");
  if (!detail::is_hex64(e.prev) || !detail::is_hex64(e.hash))
    return broken(no_position, "\"prev\" and \"hash\" must be 64 lower-case hex digits");
  if (detail::audit_line(detail::audit_body(e), e.hash) != line) return broken(no_position, "not in canonical form");
  return e;
}

// Options of try_verify_audit_log.
struct audit_verify_options {
  // Keys of a keyed log. When set, every entry must be keyed (so a rewritten, unkeyed copy of the
  // log is rejected); when null, a keyed entry fails with errc::key_unknown.
  const key_ring* keys = nullptr;
  // The head recorded elsewhere (after the last append); detects removal of the newest entries.
  std::optional<audit_head> expected_head{};
};

namespace detail {
// Checks one parsed entry against the chain so far; on success advances `head`.
[[nodiscard]] inline result<void> audit_check_link(const audit_entry& e, std::string_view line, std::size_t line_no,
                                                   const audit_verify_options& options, audit_head& head) {
  const auto broken = [&](const std::string& what) {
    return error_info{errc::audit_chain_broken, line_no, -1,
                      "line " + std::to_string(line_no) + " (seq " + std::to_string(e.seq) + "): " + what};
  };
  if (e.seq != head.entries) {
    return broken("sequence number out of order, expected " + std::to_string(head.entries) +
                  " (an entry was removed, inserted or moved)");
  }
  if (e.prev != head.hash) return broken("\"prev\" does not match the hash of the previous entry");
  const symmetric_key* key = nullptr;
  if (e.key_id) {
    if (options.keys == nullptr)
      return error_info{errc::key_unknown, line_no, -1,
                        "line " + std::to_string(line_no) + ": the log is keyed; a key ring is needed to verify it"};
    key = options.keys->find(*e.key_id);
    if (key == nullptr) return broken("names key " + *e.key_id + ", which the key ring does not hold");
  } else if (options.keys != nullptr) {
    return broken("entry is not keyed, but the log is verified as a keyed log");
  }
  const std::string_view body = line.substr(0, line.size() - (std::string_view(",\"hash\":\"\"}").size() + 64));
  auto expected = audit_hash(body, key);
  if (!expected) return expected.error();
  if (CRYPTO_memcmp(expected->data(), e.hash.data(), 64) != 0)
    return broken("hash does not match the entry (it was edited)");
  head.entries = e.seq + 1;
  head.hash = e.hash;
  return {};
}
}  // namespace detail

// Verifies a whole log (the content of the JSONL file). Returns the head on success. On failure
// errc::audit_chain_broken whose position is the 1-based line number of the first bad entry and
// whose detail says what is wrong there. An empty text is an empty, valid log.
[[nodiscard]] inline result<audit_head> try_verify_audit_log(std::string_view text,
                                                             const audit_verify_options& options = {},
                                                             std::vector<audit_entry>* entries = nullptr) {
  audit_head head;
  std::size_t line_no = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    ++line_no;
    const std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) {
      return error_info{errc::audit_chain_broken, line_no, -1,
                        "line " + std::to_string(line_no) + ": incomplete last line (no newline)"};
    }
    const std::string_view line = text.substr(at, end - at);
    auto entry = try_parse_audit_line(line);
    if (!entry) {
      error_info e = entry.error();
      e.detail = "line " + std::to_string(line_no) + ": " + e.detail;
      e.position = line_no;
      if (e.code != errc::format_version) e.code = errc::audit_chain_broken;
      return e;
    }
    if (auto link = detail::audit_check_link(*entry, line, line_no, options, head); !link) return link.error();
    if (entries != nullptr) entries->push_back(std::move(*entry));
    at = end + 1;
  }
  if (options.expected_head && *options.expected_head != head) {
    return error_info{errc::audit_chain_broken, line_no + 1, -1,
                      "the log ends at entry " + std::to_string(head.entries) + " but the recorded head is entry " +
                          std::to_string(options.expected_head->entries) +
                          " (entries removed from the end, or a different log)"};
  }
  return head;
}

// Builds the next line of a chain from `head` (no trailing newline) and advances `head`.
// `key` non-null makes a keyed entry. Errors: errc::invalid_argument / invalid_utf8 for a bad
// field (including one that holds an Individual Number).
[[nodiscard]] inline result<std::string> try_make_audit_line(const audit_event& event, audit_head& head,
                                                             const symmetric_key* key = nullptr) {
  if (auto c = detail::check_audit_field("actor", event.actor, true); !c) return c.error();
  if (auto c = detail::check_audit_field("purpose", event.purpose, true); !c) return c.error();
  if (auto c = detail::check_audit_field("record", event.record_id, true); !c) return c.error();
  if (event.legal_basis)
    if (auto c = detail::check_audit_field("basis", *event.legal_basis, true); !c) return c.error();
  if (event.detail)
    if (auto c = detail::check_audit_field("detail", *event.detail, false); !c) return c.error();
  audit_entry e;
  e.seq = head.entries;
  e.time = detail::format_utc(event.time.value_or(std::chrono::system_clock::now()));
  if (!detail::is_utc_timestamp(e.time))
    return error_info{errc::invalid_argument, no_position, -1, "event time outside years 0000-9999"};
  e.actor = event.actor;
  e.action = event.action;
  e.purpose = event.purpose;
  e.legal_basis = event.legal_basis;
  e.record_id = event.record_id;
  e.detail = event.detail;
  if (key != nullptr) e.key_id = key->id();
  e.prev = head.hash;
  const std::string body = detail::audit_body(e);
  auto hash = detail::audit_hash(body, key);
  if (!hash) return hash.error();
  head.entries = e.seq + 1;
  head.hash = *hash;
  return detail::audit_line(body, *hash);
}

// ---------------------------------------------------------------------------------------------
// Deletion certificates (廃棄記録): the delete entries of a verified log, with the log head they
// were checked against, as JSON.

struct deletion_filter {
  std::optional<std::string> record_id{};  // only this record
  std::optional<std::string> from{};       // time >= from ("YYYY-MM-DDTHH:MM:SSZ", inclusive)
  std::optional<std::string> until{};      // time <  until
};

struct deletion_certificate {
  std::string issued;  // UTC timestamp
  std::string issuer;
  audit_head log_head;
  std::vector<audit_entry> deletions;

  // {"type":"mynumber-deletion-certificate","v":1,"issued":…,"issuer":…,
  //  "log_head":{"entries":N,"hash":…},"deletions":[{"seq":…,"time":…,"actor":…,"record":…,
  //  "purpose":…,"basis":…,"method":…,"hash":…},…]}
  [[nodiscard]] std::string to_json() const {
    std::string list = "[";
    for (std::size_t i = 0; i < deletions.size(); ++i) {
      const audit_entry& d = deletions[i];
      if (i != 0) list.push_back(',');
      detail::json_object_writer w;
      w.number("seq", d.seq)
          .string("time", d.time)
          .string("actor", d.actor)
          .string("record", d.record_id)
          .string("purpose", d.purpose)
          .optional_string("basis", d.legal_basis)
          .optional_string("method", d.detail)
          .string("hash", d.hash);
      list += std::move(w).finish();
    }
    list.push_back(']');
    detail::json_object_writer head;
    head.number("entries", log_head.entries).string("hash", log_head.hash);
    detail::json_object_writer w;
    w.string("type", "mynumber-deletion-certificate")
        .number("v", 1)
        .string("issued", issued)
        .string("issuer", issuer)
        .raw("log_head", std::move(head).finish())
        .raw("deletions", list);
    return std::move(w).finish();
  }
};

// Verifies the log, then collects its delete entries that match `filter`. Fails as
// try_verify_audit_log does: a certificate is never issued from a broken log.
[[nodiscard]] inline result<deletion_certificate> try_make_deletion_certificate(
    std::string_view log_text, std::string_view issuer, const deletion_filter& filter = {},
    const audit_verify_options& options = {},
    std::optional<std::chrono::system_clock::time_point> issued = std::nullopt) {
  if (auto c = detail::check_audit_field("issuer", issuer, true); !c) return c.error();
  std::vector<audit_entry> entries;
  auto head = try_verify_audit_log(log_text, options, &entries);
  if (!head) return head.error();
  deletion_certificate cert;
  cert.issued = detail::format_utc(issued.value_or(std::chrono::system_clock::now()));
  cert.issuer = std::string(issuer);
  cert.log_head = *head;
  for (auto& e : entries) {
    if (e.action != audit_action::delete_) continue;
    if (filter.record_id && e.record_id != *filter.record_id) continue;
    if (filter.from && e.time < *filter.from) continue;
    if (filter.until && !(e.time < *filter.until)) continue;
    cert.deletions.push_back(std::move(e));
  }
  return cert;
}

// ---------------------------------------------------------------------------------------------
// audit_log: a JSON Lines file with an exclusive lock (flock) around each append, so several
// processes may append to one file. POSIX only; elsewhere appending is errc::not_supported.

class audit_log {
 public:
  // A log at `path` (created with mode 0600 on first append). With `keys`, entries are keyed
  // under the ring's current key and verification requires keys; the ring must outlive the log.
  explicit audit_log(std::filesystem::path path, const key_ring* keys = nullptr)
      : path_(std::move(path)), keys_(keys) {}

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

  // Appends one event and returns its line. The last existing line is parsed and its hash
  // re-checked before anything is added, so a damaged tail is reported rather than extended.
  [[nodiscard]] result<std::string> try_append(const audit_event& event) {
#if defined(MYNUMBER_SECURE_POSIX_FILES)
    const symmetric_key* key = nullptr;
    if (keys_ != nullptr) {
      auto k = keys_->try_current();
      if (!k) return k.error();
      key = *k;
    }
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return io_error("cannot open");
    const fd_closer closer{fd};
    if (::flock(fd, LOCK_EX) != 0) return io_error("cannot lock");
    auto head = read_head(fd);
    if (!head) return head.error();
    auto line = try_make_audit_line(event, *head, key);
    if (!line) return line.error();
    const std::string out = *line + "\n";
    std::size_t written = 0;
    while (written < out.size()) {
      const ssize_t n = ::write(fd, out.data() + written, out.size() - written);
      if (n < 0) return io_error("cannot write");
      written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) return io_error("cannot sync");
    return line;
#else
    (void)event;
    return error_info{errc::not_supported, no_position, -1, "audit_log needs POSIX file locking"};
#endif
  }
  std::string append(const audit_event& event) { return try_append(event).value(); }

  // Reads and verifies the whole file (a missing file is an empty log).
  [[nodiscard]] result<audit_head> try_verify(std::optional<audit_head> expected_head = std::nullopt,
                                              std::vector<audit_entry>* entries = nullptr) const {
    auto text = read_all();
    if (!text) return text.error();
    audit_verify_options options;
    options.keys = keys_;
    options.expected_head = std::move(expected_head);
    return try_verify_audit_log(*text, options, entries);
  }
  [[nodiscard]] audit_head verify(std::optional<audit_head> expected_head = std::nullopt) const {
    return try_verify(std::move(expected_head)).value();
  }

  // The whole file as text; a missing file reads as empty.
  [[nodiscard]] result<std::string> read_all() const {
    std::error_code ec;
    if (!std::filesystem::exists(path_, ec)) return std::string();
    std::FILE* f = std::fopen(path_.string().c_str(), "rb");
    if (f == nullptr) return error_info{errc::io, no_position, -1, "cannot read audit log " + path_.string()};
    std::string text;
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) != 0) text.append(buffer, n);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return error_info{errc::io, no_position, -1, "cannot read audit log " + path_.string()};
    return text;
  }

 private:
#if defined(MYNUMBER_SECURE_POSIX_FILES)
  struct fd_closer {
    int fd;
    ~fd_closer() { ::close(fd); }  // also releases the flock
  };

  [[nodiscard]] error_info io_error(const char* what) const {
    return error_info{errc::io, no_position, -1, std::string(what) + " audit log " + path_.string()};
  }

  // The head after the last line of the file; checks that line's form and hash.
  [[nodiscard]] result<audit_head> read_head(int fd) const {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return io_error("cannot stat");
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size == 0) return audit_head{};
    // A line is below 64 KiB: 12 fields of at most 1024 bytes, each byte escaped to at most 6.
    const std::size_t window = size < 131072 ? size : 131072;
    std::string tail(window, '\0');
    std::size_t got = 0;
    while (got < window) {
      const ssize_t n = ::pread(fd, &tail[got], window - got, static_cast<off_t>(size - window + got));
      if (n <= 0) return io_error("cannot read");
      got += static_cast<std::size_t>(n);
    }
    if (tail.back() != '\n')
      return error_info{errc::audit_chain_broken, no_position, -1,
                        "audit log " + path_.string() + " ends with an incomplete line"};
    tail.pop_back();
    const std::size_t start = tail.rfind('\n');
    if (start == std::string::npos && window != size)
      return error_info{errc::audit_chain_broken, no_position, -1, "last line of the audit log is too long"};
    const std::string_view last = std::string_view(tail).substr(start == std::string::npos ? 0 : start + 1);
    auto entry = try_parse_audit_line(last);
    if (!entry) {
      error_info e = entry.error();
      e.detail = "last line of " + path_.string() + ": " + e.detail;
      return e;
    }
    audit_head head;
    head.entries = entry->seq;
    head.hash = entry->prev;
    audit_verify_options options;
    options.keys = keys_;
    if (auto link = detail::audit_check_link(*entry, last, 0, options, head); !link) {
      error_info e = link.error();
      e.detail = "last line of " + path_.string() + ": " + e.detail;
      return e;
    }
    return head;
  }
#endif

  std::filesystem::path path_;
  const key_ring* keys_ = nullptr;
};

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_SECURE_AUDIT_HPP
