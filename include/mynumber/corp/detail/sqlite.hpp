// File: corp/detail/sqlite.hpp — RAII around sqlite3* and sqlite3_stmt*, errors as errc::database.
#ifndef MYNUMBER_CORP_DETAIL_SQLITE_HPP
#define MYNUMBER_CORP_DETAIL_SQLITE_HPP

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "../../result.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {
namespace detail {

struct sqlite_closer {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct sqlite_finalizer {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using unique_db = std::unique_ptr<sqlite3, sqlite_closer>;

// errc::database with SQLite's message and what we were doing.
[[nodiscard]] inline error_info db_error(sqlite3* db, std::string_view doing) {
  std::string text(doing);
  text += ": ";
  if (db == nullptr) {
    text += "cannot allocate a database handle";
  } else {
    text += sqlite3_errmsg(db);
    text += " (SQLite code " + std::to_string(sqlite3_extended_errcode(db)) + ")";
  }
  return error_info{errc::database, no_position, -1, std::move(text)};
}

// A prepared statement. Bind indices are 1-based, as in SQLite.
class statement {
 public:
  statement() = default;
  [[nodiscard]] static result<statement> prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
      sqlite3_finalize(raw);
      return db_error(db, "prepare");
    }
    statement s;
    s.db_ = db;
    s.stmt_.reset(raw);
    return s;
  }
  [[nodiscard]] bool prepared() const noexcept { return stmt_ != nullptr; }
  void bind(int i, std::int64_t v) noexcept { sqlite3_bind_int64(stmt_.get(), i, v); }
  void bind(int i, int v) noexcept { sqlite3_bind_int(stmt_.get(), i, v); }
  // SQLite copies the text (safe for temporaries).
  void bind(int i, std::string_view v) noexcept {
    sqlite3_bind_text(stmt_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  // No copy: `v` must stay alive and unchanged until the statement is stepped and reset.
  void bind_static(int i, std::string_view v) noexcept {
    sqlite3_bind_text(stmt_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  // Binds NULL for an empty string; no copy (the bind_static contract).
  void bind_text_or_null(int i, std::string_view v) noexcept {
    if (v.empty()) sqlite3_bind_null(stmt_.get(), i);
    else bind_static(i, v);
  }
  void bind_null(int i) noexcept { sqlite3_bind_null(stmt_.get(), i); }

  // One step: true when a row is available, false when done; errc::database otherwise.
  [[nodiscard]] result<bool> step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return db_error(db_, "step");
  }
  // Runs to completion and resets for reuse.
  [[nodiscard]] result<void> run() {
    auto r = step();
    sqlite3_reset(stmt_.get());
    if (!r) return r.error();
    return {};
  }
  void reset() noexcept {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
  }
  [[nodiscard]] std::int64_t int64(int col) const noexcept { return sqlite3_column_int64(stmt_.get(), col); }
  [[nodiscard]] bool is_null(int col) const noexcept { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }
  [[nodiscard]] std::string_view text(int col) const noexcept {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), col));
    if (p == nullptr) return {};
    return std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col)));
  }

 private:
  sqlite3* db_ = nullptr;
  std::unique_ptr<sqlite3_stmt, sqlite_finalizer> stmt_;
};

// Runs one or more statements without results.
[[nodiscard]] inline result<void> exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = std::string("exec: ") + (message != nullptr ? message : sqlite3_errmsg(db)) + " (SQLite code " +
                       std::to_string(sqlite3_extended_errcode(db)) + ")";
    sqlite3_free(message);
    return error_info{errc::database, no_position, -1, std::move(text)};
  }
  return {};
}

}  // namespace detail
}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_DETAIL_SQLITE_HPP
