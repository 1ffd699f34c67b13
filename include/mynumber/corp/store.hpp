// File: corp/store.hpp — an offline mirror of the NTA corporate-number data in one SQLite file.
// Import a full snapshot (全件データ), then apply daily diffs (差分データ) in date order:
//   - correct=1 (訂正) replaces that corporation's whole history with the rows of the diff, since a
//     correction re-sends every history row (corporate_data.md §1.6–§1.7);
//   - process=99 (削除) deletes the corporation;
//   - a row with latest=0 (過去情報) is kept as history and never becomes the current row;
//   - each file is applied once: its content hash is recorded, and giving it again is a no-op;
//   - a diff older than the store's data date is refused (errc::diff_order).
// Queries: by number (current row, or the history), by name key (see name_key.hpp), by prefecture
// / city, kind, open or closed. The schema is documented in docs/corporate-data.md so the file
// can also be queried with plain SQL.
//
// A store object is used by one thread at a time (open one per thread; SQLite's file locking
// serialises writers across them).
#ifndef MYNUMBER_CORP_STORE_HPP
#define MYNUMBER_CORP_STORE_HPP

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "detail/sqlite.hpp"
#include "name_key.hpp"
#include "reader.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {

inline constexpr int store_schema_version = 1;

// A row of the store: the record plus whether it is the corporation's current row.
struct stored_record {
  record rec;
  bool current = false;
};

enum class status_filter : std::uint8_t { any, open, closed };  // closed = 登記記録の閉鎖等 has a date
enum class match_mode : std::uint8_t { prefix, exact, partial };

// Filters shared by the queries. Zero / empty means "no filter".
struct query_options {
  std::uint8_t prefecture_code = 0;
  std::string city_code;  // 3 digits; only with prefecture_code
  corp::kind kind = corp::kind::none;
  status_filter status = status_filter::any;
  bool include_hihyoji = false;  // 検索対象除外 rows are left out unless asked for
  std::size_t limit = 100;
  std::size_t offset = 0;
};

// What an import or diff did.
struct apply_report {
  std::string file;
  bool already_applied = false;         // same content applied before: nothing was changed
  std::optional<civil_date> data_date;  // latest update date in the file; blank when no rows
  read_stats stats;                     // rows read / good / bad
  std::vector<bad_row> bad_rows;        // up to reader_options::max_kept_bad_rows
  std::uint64_t inserted = 0;           // rows written
  std::uint64_t deleted = 0;            // corporations removed by process=99
  std::uint64_t corrected = 0;          // corporations whose history a correction replaced
  std::uint64_t duplicates = 0;         // rows already in the store (same event)
};

struct store_stats {
  std::uint64_t corporations = 0;  // current rows
  std::uint64_t rows = 0;          // all rows, history included
  std::uint64_t closed = 0;
  std::uint64_t files = 0;              // files applied since the last snapshot
  std::optional<civil_date> data_date;  // blank until something was imported
};

// Called during long imports with (rows read so far, bytes read so far).
using progress_callback = std::function<void(std::uint64_t rows, std::uint64_t bytes)>;

namespace detail {
// A 64-bit content hash over a byte stream (not cryptographic: it identifies files already applied).
class stream_hash {
 public:
  void update(const char* p, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i) {
      h_ ^= static_cast<unsigned char>(p[i]);
      h_ *= 0x100000001B3ull;
    }
    bytes_ += n;
  }
  [[nodiscard]] std::uint64_t value() const noexcept { return h_ ^ bytes_; }

 private:
  std::uint64_t h_ = 0xCBF29CE484222325ull;
  std::uint64_t bytes_ = 0;
};

// Passes bytes through and hashes them.
class hashing_source final : public byte_source {
 public:
  hashing_source(std::unique_ptr<byte_source> inner, stream_hash& hash) : inner_(std::move(inner)), hash_(hash) {}
  [[nodiscard]] result<std::size_t> read(char* buffer, std::size_t size) override {
    auto got = inner_->read(buffer, size);
    if (got) hash_.update(buffer, *got);
    return got;
  }
  [[nodiscard]] const std::string& name() const noexcept override { return inner_->name(); }

 private:
  std::unique_ptr<byte_source> inner_;
  stream_hash& hash_;
};

inline constexpr const char* schema_sql = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS applied_files (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('snapshot', 'diff')),
  name TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  data_date TEXT,
  rows_read INTEGER NOT NULL,
  rows_good INTEGER NOT NULL,
  rows_bad INTEGER NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS records (
  id INTEGER PRIMARY KEY,
  corporate_number INTEGER NOT NULL,
  current INTEGER NOT NULL,
  sequence_number INTEGER,
  process INTEGER NOT NULL,
  correct INTEGER,
  update_date TEXT NOT NULL,
  change_date TEXT,
  name TEXT,
  name_image_id TEXT,
  kind INTEGER,
  prefecture_name TEXT,
  city_name TEXT,
  street_number TEXT,
  address_image_id TEXT,
  prefecture_code INTEGER,
  city_code TEXT,
  post_code TEXT,
  address_outside TEXT,
  address_outside_image_id TEXT,
  close_date TEXT,
  close_cause INTEGER,
  successor_corporate_number TEXT,
  change_cause TEXT,
  assignment_date TEXT,
  latest INTEGER,
  en_name TEXT,
  en_prefecture_name TEXT,
  en_city_name TEXT,
  en_address_outside TEXT,
  furigana TEXT,
  hihyoji INTEGER,
  source_columns INTEGER NOT NULL,
  source_file INTEGER REFERENCES applied_files(id),
  name_key TEXT NOT NULL,
  core_key TEXT NOT NULL,
  kana_key TEXT NOT NULL,
  legal_form_position INTEGER NOT NULL
);
CREATE VIEW IF NOT EXISTS corporations AS SELECT * FROM records WHERE current = 1;
)sql";

inline constexpr const char* index_sql = R"sql(
CREATE INDEX IF NOT EXISTS records_number ON records (corporate_number, current);
CREATE INDEX IF NOT EXISTS records_core_key ON records (core_key, corporate_number) WHERE current = 1;
CREATE INDEX IF NOT EXISTS records_kana_key ON records (kana_key, corporate_number) WHERE current = 1 AND kana_key <> '';
CREATE INDEX IF NOT EXISTS records_location ON records (prefecture_code, city_code) WHERE current = 1;
)sql";

inline constexpr const char* drop_index_sql = R"sql(
DROP INDEX IF EXISTS records_number;
DROP INDEX IF EXISTS records_core_key;
DROP INDEX IF EXISTS records_kana_key;
DROP INDEX IF EXISTS records_location;
)sql";

// The record columns, in `record` order; used for both INSERT and SELECT.
inline constexpr const char* record_columns =
    "corporate_number, sequence_number, process, correct, update_date, change_date, name, name_image_id, kind, "
    "prefecture_name, city_name, street_number, address_image_id, prefecture_code, city_code, post_code, "
    "address_outside, address_outside_image_id, close_date, close_cause, successor_corporate_number, change_cause, "
    "assignment_date, latest, en_name, en_prefecture_name, en_city_name, en_address_outside, furigana, hihyoji, "
    "source_columns";
inline constexpr int record_column_count = 31;

inline void bind_flag(statement& s, int i, flag f) {
  if (f == flag::blank) s.bind_null(i);
  else s.bind(i, f == flag::yes ? 1 : 0);
}
inline void bind_date(statement& s, int i, civil_date d) { s.bind(i, d.to_string()); }
inline void bind_date(statement& s, int i, const std::optional<civil_date>& d) {
  if (d) bind_date(s, i, *d);
  else s.bind_null(i);
}
inline void bind_code(statement& s, int i, int v) {
  if (v == 0) s.bind_null(i);
  else s.bind(i, v);
}
inline std::int64_t number_value(std::string_view digits) {
  std::int64_t v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}
inline std::string number_text(std::int64_t v) {
  std::string s(13, '0');
  for (int i = 12; i >= 0; --i, v /= 10) s[static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
  return s;
}

// Binds the 31 record columns at 1..31 (text without copies: `r` must outlive the step).
template <class Text>
void bind_record(statement& s, const basic_record<Text>& r) {
  s.bind(1, number_value(r.corporate_number));
  s.bind(2, static_cast<std::int64_t>(r.sequence_number));
  s.bind(3, static_cast<int>(r.process));
  bind_flag(s, 4, r.correct);
  bind_date(s, 5, r.update_date);
  bind_date(s, 6, r.change_date);
  s.bind_text_or_null(7, r.name);
  s.bind_text_or_null(8, r.name_image_id);
  bind_code(s, 9, static_cast<int>(r.kind));
  s.bind_text_or_null(10, r.prefecture_name);
  s.bind_text_or_null(11, r.city_name);
  s.bind_text_or_null(12, r.street_number);
  s.bind_text_or_null(13, r.address_image_id);
  bind_code(s, 14, r.prefecture_code);
  s.bind_text_or_null(15, r.city_code);
  s.bind_text_or_null(16, r.post_code);
  s.bind_text_or_null(17, r.address_outside);
  s.bind_text_or_null(18, r.address_outside_image_id);
  bind_date(s, 19, r.close_date);
  bind_code(s, 20, static_cast<int>(r.close_cause));
  s.bind_text_or_null(21, r.successor_corporate_number);
  s.bind_text_or_null(22, r.change_cause);
  bind_date(s, 23, r.assignment_date);
  bind_flag(s, 24, r.latest);
  s.bind_text_or_null(25, r.en_name);
  s.bind_text_or_null(26, r.en_prefecture_name);
  s.bind_text_or_null(27, r.en_city_name);
  s.bind_text_or_null(28, r.en_address_outside);
  s.bind_text_or_null(29, r.furigana);
  bind_flag(s, 30, r.hihyoji);
  s.bind(31, static_cast<int>(r.source_columns));
}

// Reads the 31 record columns starting at column `at`.
inline record read_record(const statement& s, int at) {
  record r;
  const auto text = [&](int i) { return std::string(s.text(at + i)); };
  const auto fl = [&](int i) { return s.is_null(at + i) ? flag::blank : s.int64(at + i) != 0 ? flag::yes : flag::no; };
  const auto dt = [&](int i) {
    std::optional<civil_date> d;
    civil_date value;
    if (!s.is_null(at + i) && parse_date(s.text(at + i), value)) d = value;
    return d;
  };
  r.corporate_number = number_text(s.int64(at));
  r.sequence_number = static_cast<std::uint64_t>(s.int64(at + 1));
  r.process = static_cast<corp::process>(s.int64(at + 2));
  r.correct = fl(3);
  r.update_date = dt(4).value_or(civil_date{});  // NOT NULL, always written by bind_date
  r.change_date = dt(5);
  r.name = text(6);
  r.name_image_id = text(7);
  r.kind = static_cast<corp::kind>(s.int64(at + 8));
  r.prefecture_name = text(9);
  r.city_name = text(10);
  r.street_number = text(11);
  r.address_image_id = text(12);
  r.prefecture_code = static_cast<std::uint8_t>(s.int64(at + 13));
  r.city_code = text(14);
  r.post_code = text(15);
  r.address_outside = text(16);
  r.address_outside_image_id = text(17);
  r.close_date = dt(18);
  r.close_cause = static_cast<corp::close_cause>(s.int64(at + 19));
  r.successor_corporate_number = text(20);
  r.change_cause = text(21);
  r.assignment_date = dt(22);
  r.latest = fl(23);
  r.en_name = text(24);
  r.en_prefecture_name = text(25);
  r.en_city_name = text(26);
  r.en_address_outside = text(27);
  r.furigana = text(28);
  r.hihyoji = fl(29);
  r.source_columns = static_cast<std::uint8_t>(s.int64(at + 30));
  return r;
}

inline std::string hex64(std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = digits[v & 15];
  return s;
}
}  // namespace detail

class store {
 public:
  // Opens (or creates) a store file and its schema. errc::database on failure, including a file
  // made by a newer schema version.
  [[nodiscard]] static result<store> try_open(const std::string& path) {
    sqlite3* raw = nullptr;
    // NOMUTEX: a store object is used by one thread at a time (see the class comment), so SQLite's
    // per-call connection mutex is pure cost (measurable on a bulk import).
    const int rc =
        sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    detail::unique_db db(raw);
    if (rc != SQLITE_OK) return detail::db_error(raw, "open " + path);
    sqlite3_busy_timeout(raw, 5000);
    if (auto ok = detail::exec(raw, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"); !ok) return ok.error();
    if (auto ok = detail::exec(raw, detail::schema_sql); !ok) return ok.error();
    if (auto ok = detail::exec(raw, detail::index_sql); !ok) return ok.error();
    store s(std::move(db));
    auto version = s.meta("schema_version");
    if (!version) return version.error();
    if (version->empty()) {
      if (auto ok = s.set_meta("schema_version", std::to_string(store_schema_version)); !ok) return ok.error();
    } else if (*version != std::to_string(store_schema_version)) {
      return error_info{errc::database, no_position, -1, path + ": schema version " + *version + " is not supported"};
    }
    return s;
  }
  [[nodiscard]] static store open(const std::string& path) { return try_open(path).value(); }

  // The raw handle, for SQL of your own (the store keeps ownership).
  [[nodiscard]] sqlite3* handle() const noexcept { return db_.get(); }

  // Replaces the whole store with a full snapshot (a CSV or the NTA .zip). Deletion rows, if any,
  // are skipped; a number that appears twice keeps its last row as current. Bad rows are reported.
  [[nodiscard]] result<apply_report> try_import_snapshot(const std::string& path, reader_options options = {},
                                                         const progress_callback& progress = {}) {
    auto sources = bulk_reader::try_open_sources(path);
    if (!sources) return sources.error();
    return import_snapshot(std::move(*sources), path, std::move(options), progress);
  }
  // The same from a stream (e.g. stdin).
  [[nodiscard]] result<apply_report> try_import_snapshot(std::istream& in, const std::string& name,
                                                         reader_options options = {},
                                                         const progress_callback& progress = {}) {
    std::vector<std::unique_ptr<byte_source>> sources;
    sources.push_back(std::make_unique<istream_source>(in, name));
    return import_snapshot(std::move(sources), name, std::move(options), progress);
  }

  // Applies one daily diff (CSV or .zip). Giving the same content again changes nothing
  // (already_applied). errc::diff_order if it is older than the store's data date.
  [[nodiscard]] result<apply_report> try_apply_diff(const std::string& path, reader_options options = {}) {
    auto sources = bulk_reader::try_open_sources(path);
    if (!sources) return sources.error();
    return apply_diff(std::move(*sources), path, std::move(options));
  }
  [[nodiscard]] result<apply_report> try_apply_diff(std::istream& in, const std::string& name,
                                                    reader_options options = {}) {
    std::vector<std::unique_ptr<byte_source>> sources;
    sources.push_back(std::make_unique<istream_source>(in, name));
    return apply_diff(std::move(sources), name, std::move(options));
  }

  // Applies several diffs in date order (their data dates, whatever order they are given in).
  [[nodiscard]] result<std::vector<apply_report>> try_apply_diffs(const std::vector<std::string>& paths,
                                                                  const reader_options& options = {}) {
    std::vector<std::pair<std::optional<civil_date>, std::string>> dated;
    for (const std::string& p : paths) {
      auto reader = bulk_reader::try_open(p, quiet(options));
      if (!reader) return reader.error();
      std::optional<civil_date> latest;  // blank sorts first
      record r;
      for (;;) {
        auto more = reader->try_next(r);
        if (!more) return more.error();
        if (!*more) break;
        if (r.update_date > latest) latest = r.update_date;
      }
      dated.emplace_back(latest, p);
    }
    std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<apply_report> reports;
    for (const auto& d : dated) {
      auto rep = try_apply_diff(d.second, options);
      if (!rep) return rep.error();
      reports.push_back(std::move(*rep));
    }
    return reports;
  }

  // The current row of a corporation, or nothing. errc from the number's validation for a bad number.
  [[nodiscard]] result<std::optional<stored_record>> try_lookup(std::string_view number) {
    if (const validation v = mynumber::corporate_number::traits::validate(number); !v) return v.to_error();
    if (!lookup_.prepared()) {
      auto st = detail::statement::prepare(db_.get(),
                                           std::string("SELECT ") + detail::record_columns +
                                               ", current FROM records WHERE corporate_number = ? AND current = 1");
      if (!st) return st.error();
      lookup_ = std::move(*st);
    }
    lookup_.reset();
    lookup_.bind(1, detail::number_value(number));
    auto row = lookup_.step();
    if (!row) return row.error();
    if (!*row) return std::optional<stored_record>{};
    stored_record out{detail::read_record(lookup_, 0), true};
    lookup_.reset();
    return std::optional<stored_record>(std::move(out));
  }
  [[nodiscard]] std::optional<stored_record> lookup(std::string_view number) { return try_lookup(number).value(); }

  // Every row of a corporation: the current one first, then the past ones, newest first.
  [[nodiscard]] result<std::vector<stored_record>> try_history(std::string_view number) {
    if (const validation v = mynumber::corporate_number::traits::validate(number); !v) return v.to_error();
    auto st = detail::statement::prepare(
        db_.get(),
        std::string("SELECT ") + detail::record_columns +
            ", current FROM records WHERE corporate_number = ? ORDER BY current DESC, update_date DESC, id DESC");
    if (!st) return st.error();
    st->bind(1, detail::number_value(number));
    return collect(*st);
  }

  // Current rows whose name key matches `query` (folded like the stored names; legal-form words are
  // ignored). A kana-only query also matches フリガナ. Sorted by name key, then number.
  [[nodiscard]] result<std::vector<stored_record>> try_search_name(std::string_view query,
                                                                   match_mode mode = match_mode::prefix,
                                                                   const query_options& filter = {}) {
    const name_keys keys = make_name_keys(query);
    if (keys.core.empty()) return error_info{errc::invalid_argument, no_position, -1, "the name query is empty"};
    // One indexed query per key column (an OR across the two would scan the table), merged here.
    std::vector<std::pair<std::string, stored_record>> hits;
    const std::size_t want = filter.offset + filter.limit;
    const auto run = [&](const char* column) -> result<void> {
      std::string sql =
          std::string("SELECT ") + detail::record_columns + ", current, core_key FROM records WHERE current = 1 AND ";
      const std::string col(column);
      // The kana index is partial (kana_key <> ''): say so, or SQLite will not use it.
      if (col == "kana_key") sql += "kana_key <> '' AND ";
      if (mode == match_mode::prefix) sql += col + " >= ?1 AND " + col + " < ?2";
      else if (mode == match_mode::exact) sql += col + " = ?1";
      else sql += "instr(" + col + ", ?1) > 0";
      append_filters(sql, filter, 3);
      sql += " ORDER BY " + col + ", corporate_number LIMIT ?" + std::to_string(next_param_) + " OFFSET ?" +
             std::to_string(next_param_ + 1);
      auto st = detail::statement::prepare(db_.get(), sql);
      if (!st) return st.error();
      st->bind(1, keys.core);
      if (mode == match_mode::prefix) st->bind(2, keys.core + "\xFF");
      query_options first_pages = filter;
      first_pages.limit = want;
      first_pages.offset = 0;
      bind_filters(*st, first_pages, 3);
      for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        hits.emplace_back(std::string(st->text(detail::record_column_count + 1)),
                          stored_record{detail::read_record(*st, 0), st->int64(detail::record_column_count) != 0});
      }
      return {};
    };
    if (auto ok = run("core_key"); !ok) return ok.error();
    if (is_kana_only(keys.key)) {
      if (auto ok = run("kana_key"); !ok) return ok.error();
      std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return a.second.rec.corporate_number < b.second.rec.corporate_number;
      });
      hits.erase(std::unique(hits.begin(), hits.end(),
                             [](const auto& a, const auto& b) {
                               return a.second.rec.corporate_number == b.second.rec.corporate_number;
                             }),
                 hits.end());
    }
    std::vector<stored_record> out;
    for (std::size_t i = filter.offset; i < hits.size() && out.size() < filter.limit; ++i)
      out.push_back(std::move(hits[i].second));
    return out;
  }

  // Current rows by location, kind and status only, in number order.
  [[nodiscard]] result<std::vector<stored_record>> try_find(const query_options& filter) {
    std::string sql = std::string("SELECT ") + detail::record_columns + ", current FROM records WHERE current = 1";
    append_filters(sql, filter, 1);
    sql += " ORDER BY corporate_number LIMIT ?" + std::to_string(next_param_) + " OFFSET ?" +
           std::to_string(next_param_ + 1);
    auto st = detail::statement::prepare(db_.get(), sql);
    if (!st) return st.error();
    bind_filters(*st, filter, 1);
    return collect(*st);
  }

  [[nodiscard]] result<store_stats> try_stats() {
    store_stats s;
    auto st = detail::statement::prepare(
        db_.get(),
        "SELECT (SELECT count(*) FROM records WHERE current = 1), (SELECT count(*) FROM records), "
        "(SELECT count(*) FROM records WHERE current = 1 AND close_date IS NOT NULL), (SELECT count(*) FROM "
        "applied_files)");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    s.corporations = static_cast<std::uint64_t>(st->int64(0));
    s.rows = static_cast<std::uint64_t>(st->int64(1));
    s.closed = static_cast<std::uint64_t>(st->int64(2));
    s.files = static_cast<std::uint64_t>(st->int64(3));
    auto d = meta("data_date");
    if (!d) return d.error();
    if (civil_date value; !d->empty() && parse_date(*d, value)) s.data_date = value;
    return s;
  }

 private:
  explicit store(detail::unique_db db) : db_(std::move(db)) {}

  static reader_options quiet(const reader_options& o) {
    reader_options q;
    q.encoding = o.encoding;
    q.max_kept_bad_rows = 0;
    return q;
  }

  [[nodiscard]] result<std::string> meta(const std::string& key) {
    auto st = detail::statement::prepare(db_.get(), "SELECT value FROM meta WHERE key = ?");
    if (!st) return st.error();
    st->bind(1, key);
    auto row = st->step();
    if (!row) return row.error();
    return *row ? std::string(st->text(0)) : std::string();
  }
  [[nodiscard]] result<void> set_meta(const std::string& key, const std::string& value) {
    auto st = detail::statement::prepare(db_.get(), "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    if (!st) return st.error();
    st->bind(1, key);
    st->bind(2, value);
    return st->run();
  }
  [[nodiscard]] result<bool> already_applied(const std::string& hash) {
    auto st = detail::statement::prepare(db_.get(), "SELECT 1 FROM applied_files WHERE content_hash = ?");
    if (!st) return st.error();
    st->bind(1, hash);
    return st->step();
  }
  [[nodiscard]] result<std::int64_t> record_file(const char* kind, const std::string& name, const std::string& hash,
                                                 const apply_report& rep) {
    auto st = detail::statement::prepare(db_.get(),
                                         "INSERT INTO applied_files (kind, name, content_hash, data_date, rows_read, "
                                         "rows_good, rows_bad) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!st) return st.error();
    st->bind(1, std::string_view(kind));
    st->bind(2, name);
    st->bind(3, hash);
    detail::bind_date(*st, 4, rep.data_date);
    st->bind(5, static_cast<std::int64_t>(rep.stats.rows));
    st->bind(6, static_cast<std::int64_t>(rep.stats.good));
    st->bind(7, static_cast<std::int64_t>(rep.stats.bad));
    if (auto ok = st->run(); !ok) return ok.error();
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_.get()));
  }

  // RAII transaction: rolls back unless committed.
  class transaction {
   public:
    explicit transaction(sqlite3* db) : db_(db) {}
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;
    ~transaction() {
      if (open_) (void)detail::exec(db_, "ROLLBACK");
    }
    [[nodiscard]] result<void> begin() {
      auto ok = detail::exec(db_, "BEGIN IMMEDIATE");
      open_ = ok.has_value();
      return ok;
    }
    [[nodiscard]] result<void> commit() {
      auto ok = detail::exec(db_, "COMMIT");
      if (ok) open_ = false;
      return ok;
    }

   private:
    sqlite3* db_;
    bool open_ = false;
  };

  [[nodiscard]] result<detail::statement> insert_statement() {
    std::string sql = std::string("INSERT INTO records (") + detail::record_columns +
                      ", current, source_file, name_key, core_key, kana_key, legal_form_position) VALUES (";
    for (int i = 1; i <= detail::record_column_count + 6; ++i) sql += i == 1 ? "?" : ", ?";
    sql += ")";
    return detail::statement::prepare(db_.get(), sql);
  }
  template <class Text>
  [[nodiscard]] result<std::int64_t> insert(detail::statement& st, const basic_record<Text>& r, bool current,
                                            std::int64_t file) {
    // Everything bound here outlives the step below, so text is bound without copies. The keys are
    // make_name_keys(r.name) and kana_key(r.furigana), folded into buffers reused across rows.
    fold_name_into(r.name, name_key_buffer_);
    const legal_form_match form = find_legal_form(name_key_buffer_);
    kana_key_buffer_.clear();
    std::string_view kana = kana_key_buffer_;  // '' (not NULL) when there is no フリガナ
    if (!r.furigana.empty()) {
      fold_name_into(r.furigana, kana_key_buffer_);
      kana = core_of(kana_key_buffer_, find_legal_form(kana_key_buffer_));
    }
    detail::bind_record(st, r);
    st.bind(32, current ? 1 : 0);
    if (file > 0) st.bind(33, file);
    else st.bind_null(33);
    st.bind_static(34, name_key_buffer_);
    st.bind_static(35, core_of(name_key_buffer_, form));
    st.bind_static(36, kana);
    st.bind(37, static_cast<int>(form.position));
    if (auto ok = st.run(); !ok) return ok.error();
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_.get()));
  }

  [[nodiscard]] result<apply_report> import_snapshot(std::vector<std::unique_ptr<byte_source>> sources,
                                                     const std::string& name, reader_options options,
                                                     const progress_callback& progress) {
    detail::stream_hash hash;
    for (auto& s : sources) s = std::make_unique<detail::hashing_source>(std::move(s), hash);
    bulk_reader reader(std::move(sources), std::move(options));
    apply_report rep;
    rep.file = name;
    // Bulk-load settings: no fsync until the end, a 128 MiB page cache while rows go in, and no
    // per-row foreign-key probe (every row points at the file row this import writes itself; the
    // pragma only takes effect outside a transaction, hence here). Index builds sort through
    // temporary files with helper threads (see below).
    const std::string sorter_threads = std::to_string(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
    if (auto ok = detail::exec(db_.get(), ("PRAGMA synchronous = OFF; PRAGMA cache_size = -131072; PRAGMA threads = " +
                                           sorter_threads + "; PRAGMA foreign_keys = OFF;")
                                              .c_str());
        !ok)
      return ok.error();
    // Back to the normal settings however the import ends (after the transaction is over).
    struct restore_settings {
      sqlite3* db;
      ~restore_settings() {
        (void)detail::exec(db,
                           "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000; PRAGMA threads = 0; "
                           "PRAGMA foreign_keys = ON;");
      }
    } restore{db_.get()};
    transaction tx(db_.get());
    if (auto ok = tx.begin(); !ok) return ok.error();
    if (auto ok = detail::exec(db_.get(), detail::drop_index_sql); !ok) return ok.error();
    if (auto ok = detail::exec(db_.get(), "DELETE FROM records; DELETE FROM applied_files;"); !ok) return ok.error();
    // The file row first (its counts and hash are filled in at the end), so rows can point to it.
    auto file = record_file("snapshot", name, "pending", rep);
    if (!file) return file.error();
    auto st = insert_statement();
    if (!st) return st.error();
    record_view r;                              // bound straight from the reader's buffer; valid until the next row
    std::vector<std::int64_t> current_numbers;  // to find a number given twice without a query
    for (;;) {
      auto more = reader.try_next(r);
      if (!more) return more.error();
      if (!*more) break;
      if (r.update_date > rep.data_date) rep.data_date = r.update_date;
      if (r.is_deleted()) continue;
      const bool current = r.latest != flag::no;
      auto id = insert(*st, r, current, *file);
      if (!id) return id.error();
      if (current) current_numbers.push_back(detail::number_value(r.corporate_number));
      ++rep.inserted;
      if (progress && (rep.inserted & 0xFFFF) == 0) progress(reader.stats().rows, reader.stats().bytes);
    }
    if (progress) progress(reader.stats().rows, reader.stats().bytes);
    rep.stats = reader.stats();
    rep.bad_rows = reader.bad_rows();
    // Index builds: SQLite's sorter is fastest here with a small page cache (many short sorted runs
    // in temporary files, merged by the helper threads): measured at national scale, 2-2.5x faster
    // than one big in-memory sort, and peak memory falls too. Needs temporary disk space of about
    // the size of the index being built (SQLITE_TMPDIR, else TMPDIR, /var/tmp, /tmp).
    if (auto ok = detail::exec(db_.get(), "PRAGMA cache_size = -8192;"); !ok) return ok.error();
    if (auto ok = detail::exec(db_.get(), "CREATE INDEX records_number ON records (corporate_number, current);"); !ok)
      return ok.error();
    // A number given twice keeps its last row as current (the store keeps one current row each).
    // The query runs only when the numbers seen say it has work to do.
    std::sort(current_numbers.begin(), current_numbers.end());
    const bool repeated = std::adjacent_find(current_numbers.begin(), current_numbers.end()) != current_numbers.end();
    current_numbers = {};
    if (repeated) {
      if (auto ok = detail::exec(db_.get(),
                                 "UPDATE records SET current = 0 WHERE id IN (SELECT r.id FROM records r JOIN ("
                                 "SELECT corporate_number, max(id) AS keep FROM records WHERE current = 1 "
                                 "GROUP BY corporate_number HAVING count(*) > 1) d USING (corporate_number) "
                                 "WHERE r.current = 1 AND r.id <> d.keep);");
          !ok)
        return ok.error();
    }
    if (auto ok = detail::exec(db_.get(), detail::index_sql); !ok) return ok.error();
    {
      auto up = detail::statement::prepare(db_.get(),
                                           "UPDATE applied_files SET content_hash = ?, data_date = ?, rows_read = ?, "
                                           "rows_good = ?, rows_bad = ? WHERE id = ?");
      if (!up) return up.error();
      up->bind(1, detail::hex64(hash.value()));
      detail::bind_date(*up, 2, rep.data_date);
      up->bind(3, static_cast<std::int64_t>(rep.stats.rows));
      up->bind(4, static_cast<std::int64_t>(rep.stats.good));
      up->bind(5, static_cast<std::int64_t>(rep.stats.bad));
      up->bind(6, *file);
      if (auto ok = up->run(); !ok) return ok.error();
    }
    if (auto ok = set_meta("data_date", corp::to_string(rep.data_date)); !ok) return ok.error();
    if (auto ok = tx.commit(); !ok) return ok.error();
    if (auto ok = detail::exec(db_.get(), "PRAGMA analysis_limit = 1000; ANALYZE;"); !ok) return ok.error();
    return rep;
  }

  [[nodiscard]] result<apply_report> apply_diff(std::vector<std::unique_ptr<byte_source>> sources,
                                                const std::string& name, reader_options options) {
    detail::stream_hash hash;
    for (auto& s : sources) s = std::make_unique<detail::hashing_source>(std::move(s), hash);
    bulk_reader reader(std::move(sources), std::move(options));
    apply_report rep;
    rep.file = name;
    std::vector<record> rows;
    record r;
    for (;;) {
      auto more = reader.try_next(r);
      if (!more) return more.error();
      if (!*more) break;
      if (r.update_date > rep.data_date) rep.data_date = r.update_date;
      rows.push_back(r);
    }
    rep.stats = reader.stats();
    rep.bad_rows = reader.bad_rows();
    const std::string content = detail::hex64(hash.value());
    auto seen = already_applied(content);
    if (!seen) return seen.error();
    if (*seen) {
      rep.already_applied = true;
      return rep;
    }
    auto current_date = meta("data_date");
    if (!current_date) return current_date.error();
    if (!rows.empty() && !current_date->empty() && corp::to_string(rep.data_date) < *current_date)
      return error_info{errc::diff_order, no_position, -1,
                        name + ": diff dated " + corp::to_string(rep.data_date) + " is older than the store (" +
                            *current_date + "); apply diffs in date order"};
    // Per corporation, in (update date, sequence) order.
    std::stable_sort(rows.begin(), rows.end(), [](const record& a, const record& b) {
      if (a.corporate_number != b.corporate_number) return a.corporate_number < b.corporate_number;
      if (a.update_date != b.update_date) return a.update_date < b.update_date;
      return a.sequence_number < b.sequence_number;
    });
    transaction tx(db_.get());
    if (auto ok = tx.begin(); !ok) return ok.error();
    auto file = record_file("diff", name, content, rep);
    if (!file) return file.error();
    auto ins = insert_statement();
    if (!ins) return ins.error();
    auto del = detail::statement::prepare(db_.get(), "DELETE FROM records WHERE corporate_number = ?");
    auto dup =
        detail::statement::prepare(db_.get(),
                                   "SELECT 1 FROM records WHERE corporate_number = ? AND update_date = ? AND "
                                   "process = ? AND coalesce(change_date, '') = ? AND coalesce(correct, -1) = ?");
    auto cur = detail::statement::prepare(
        db_.get(), "SELECT id, update_date FROM records WHERE corporate_number = ? AND current = 1");
    auto demote = detail::statement::prepare(db_.get(), "UPDATE records SET current = 0 WHERE id = ?");
    auto promote = detail::statement::prepare(db_.get(), "UPDATE records SET current = 1 WHERE id = ?");
    for (auto* s : {&del, &dup, &cur, &demote, &promote})
      if (!*s) return s->error();
    for (std::size_t g = 0; g < rows.size();) {
      std::size_t end = g;
      while (end < rows.size() && rows[end].corporate_number == rows[g].corporate_number) ++end;
      const std::int64_t number = detail::number_value(rows[g].corporate_number);
      std::size_t first = g;
      for (std::size_t k = g; k < end; ++k)
        if (rows[k].is_deleted()) first = k + 1;
      if (first != g) {  // 削除: the corporation goes, with its history
        del->bind(1, number);
        if (auto ok = del->run(); !ok) return ok.error();
        ++rep.deleted;
      }
      bool correction = false;
      for (std::size_t k = first; k < end; ++k) correction |= rows[k].correct == flag::yes;
      if (correction) {  // 訂正: the diff holds the whole corrected history
        del->bind(1, number);
        if (auto ok = del->run(); !ok) return ok.error();
        ++rep.corrected;
        std::int64_t newest = -1;
        for (std::size_t k = first; k < end; ++k) {
          auto id = insert(*ins, rows[k], false, *file);
          if (!id) return id.error();
          ++rep.inserted;
          if (rows[k].latest != flag::no) newest = *id;
        }
        if (newest >= 0) {
          promote->bind(1, newest);
          if (auto ok = promote->run(); !ok) return ok.error();
        }
        g = end;
        continue;
      }
      for (std::size_t k = first; k < end; ++k) {
        const record& row = rows[k];
        dup->bind(1, number);
        dup->bind(2, row.update_date.to_string());
        dup->bind(3, static_cast<int>(row.process));
        dup->bind(4, corp::to_string(row.change_date));
        dup->bind(5, row.correct == flag::blank ? -1 : row.correct == flag::yes ? 1 : 0);
        auto found = dup->step();
        dup->reset();
        if (!found) return found.error();
        if (*found) {
          ++rep.duplicates;
          continue;
        }
        cur->bind(1, number);
        auto has_current = cur->step();
        if (!has_current) return has_current.error();
        std::int64_t current_id = -1;
        std::string current_update;
        if (*has_current) {
          current_id = cur->int64(0);
          current_update = std::string(cur->text(1));
        }
        cur->reset();
        const bool becomes_current =
            row.latest != flag::no && (current_id < 0 || row.update_date.to_string() >= current_update);
        if (becomes_current && current_id >= 0) {
          demote->bind(1, current_id);
          if (auto ok = demote->run(); !ok) return ok.error();
        }
        auto id = insert(*ins, row, becomes_current, *file);
        if (!id) return id.error();
        ++rep.inserted;
      }
      g = end;
    }
    if (!rows.empty() && (current_date->empty() || corp::to_string(rep.data_date) > *current_date))
      if (auto ok = set_meta("data_date", corp::to_string(rep.data_date)); !ok) return ok.error();
    if (auto ok = tx.commit(); !ok) return ok.error();
    return rep;
  }

  void append_filters(std::string& sql, const query_options& f, int first_param) {
    int p = first_param;
    if (f.prefecture_code != 0) sql += " AND prefecture_code = ?" + std::to_string(p++);
    if (f.prefecture_code != 0 && !f.city_code.empty()) sql += " AND city_code = ?" + std::to_string(p++);
    if (f.kind != corp::kind::none) sql += " AND kind = ?" + std::to_string(p++);
    if (f.status == status_filter::open) sql += " AND close_date IS NULL";
    if (f.status == status_filter::closed) sql += " AND close_date IS NOT NULL";
    if (!f.include_hihyoji) sql += " AND coalesce(hihyoji, 0) = 0";
    next_param_ = p;
  }
  void bind_filters(detail::statement& st, const query_options& f, int first_param) const {
    int p = first_param;
    if (f.prefecture_code != 0) st.bind(p++, static_cast<int>(f.prefecture_code));
    if (f.prefecture_code != 0 && !f.city_code.empty()) st.bind(p++, f.city_code);
    if (f.kind != corp::kind::none) st.bind(p++, static_cast<int>(f.kind));
    st.bind(p++, static_cast<std::int64_t>(f.limit));
    st.bind(p, static_cast<std::int64_t>(f.offset));
  }
  [[nodiscard]] static result<std::vector<stored_record>> collect(detail::statement& st) {
    std::vector<stored_record> out;
    for (;;) {
      auto row = st.step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back(stored_record{detail::read_record(st, 0), st.int64(detail::record_column_count) != 0});
    }
    return out;
  }

  detail::unique_db db_;
  detail::statement lookup_;
  int next_param_ = 1;
  std::string name_key_buffer_, kana_key_buffer_;  // insert()'s folded keys, reused across rows
};

}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_STORE_HPP
