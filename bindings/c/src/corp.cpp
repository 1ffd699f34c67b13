// File: corp.cpp — C ABI of the corporate-data module (mynumber_c/corp.h): readers and the
// SQLite store behind opaque handles, records and reports as JSON.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "c_api_common.hpp"
#include "mynumber/corp.hpp"
#include "mynumber_c/corp.h"

namespace mn = mynumber;
namespace corp = mynumber::corp;

struct mn_corp_reader {
  std::string bytes;  // owned copy for readers over memory
  std::optional<corp::bulk_reader> reader;
  std::optional<std::string> pending;  // a record that did not fit the caller's buffer
};

struct mn_corp_store {
  std::optional<corp::store> store;
};

namespace {

[[nodiscard]] int path_arg(const char* path, std::string& out, mn_error* err) {
  if (path == nullptr) return mn::c_api::fail(err, mn::errc::null_pointer);
  out = path;
  return MN_OK;
}

[[nodiscard]] corp::query_options filter_of(const mn_corp_filter* f) {
  corp::query_options o;
  if (f == nullptr) return o;
  o.prefecture_code =
      static_cast<std::uint8_t>(f->prefecture_code > 0 && f->prefecture_code <= 47 ? f->prefecture_code : 0);
  if (f->city_code != nullptr) o.city_code = f->city_code;
  o.kind = static_cast<corp::kind>(f->kind);
  o.status = f->status == MN_CORP_OPEN     ? corp::status_filter::open
             : f->status == MN_CORP_CLOSED ? corp::status_filter::closed
                                           : corp::status_filter::any;
  o.include_hihyoji = f->include_hihyoji != 0;
  if (f->limit != 0) o.limit = f->limit;
  o.offset = f->offset;
  return o;
}

[[nodiscard]] int check_filter(const mn_corp_filter* f, mn_error* err) {
  if (f == nullptr) return MN_OK;
  if (f->prefecture_code < 0 || f->prefecture_code > 47 || f->status < 0 || f->status > 2 ||
      (f->kind != 0 && !corp::is_known(static_cast<corp::kind>(f->kind))))
    return mn::c_api::fail(err, mn::errc::invalid_argument);
  return MN_OK;
}

}  // namespace

extern "C" {

MN_API int mn_corp_reader_open(const char* path, mn_corp_reader** out, mn_error* err) {
  return mn::c_api::guard(err, [&]() -> int {
    if (out == nullptr) return mn::c_api::fail(err, mn::errc::null_pointer);
    *out = nullptr;
    std::string p;
    if (const int s = path_arg(path, p, err); s != MN_OK) return s;
    auto opened = corp::bulk_reader::try_open(p);
    if (!opened) return mn::c_api::fail(err, opened.error());
    auto handle = std::make_unique<mn_corp_reader>();
    handle->reader.emplace(std::move(*opened));
    *out = handle.release();
    return MN_OK;
  });
}

MN_API int mn_corp_reader_open_memory(const char* data, size_t len, mn_corp_reader** out, mn_error* err) {
  return mn::c_api::guard(err, [&]() -> int {
    if (out == nullptr) return mn::c_api::fail(err, mn::errc::null_pointer);
    *out = nullptr;
    std::string_view in;
    if (const int s = mn::c_api::input(data, len, in, err); s != MN_OK) return s;
    auto handle = std::make_unique<mn_corp_reader>();
    handle->bytes.assign(in.data(), in.size());
    handle->reader.emplace(std::make_unique<corp::memory_source>(handle->bytes, "<memory>"));
    *out = handle.release();
    return MN_OK;
  });
}

MN_API void mn_corp_reader_free(mn_corp_reader* reader) { delete reader; }

MN_API int mn_corp_reader_next_json(mn_corp_reader* reader, char* out, size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&]() -> int {
    if (reader == nullptr) return mn::c_api::fail(err, mn::errc::null_pointer);
    if (!reader->pending) {
      corp::record r;
      auto more = reader->reader->try_next(r);
      if (!more) return mn::c_api::fail(err, more.error());
      if (!*more) return mn::c_api::write(std::string_view(), out, out_size, err);
      reader->pending = corp::to_json(r);
    }
    const int n = mn::c_api::write(*reader->pending, out, out_size, err);
    if (n >= 0 && static_cast<std::size_t>(n) < out_size) reader->pending.reset();
    return n;
  });
}

MN_API int mn_corp_reader_stats(const mn_corp_reader* reader, uint64_t* rows, uint64_t* good, uint64_t* bad) {
  if (reader == nullptr) return mn::c_api::status_of(mn::errc::null_pointer);
  const corp::read_stats& s = reader->reader->stats();
  if (rows != nullptr) *rows = s.rows;
  if (good != nullptr) *good = s.good;
  if (bad != nullptr) *bad = s.bad;
  return MN_OK;
}

MN_API int mn_corp_reader_bad_rows_json(const mn_corp_reader* reader, char* out, size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&]() -> int {
    if (reader == nullptr) return mn::c_api::fail(err, mn::errc::null_pointer);
    return mn::c_api::write(corp::to_json(reader->reader->bad_rows()), out, out_size, err);
  });
}

MN_API int mn_corp_store_open(const char* path, mn_corp_store** out, mn_error* err) {
  return mn::c_api::guard(err, [&]() -> int {
    if (out == nullptr) return mn::c_api::fail(err, mn::errc::null_pointer);
    *out = nullptr;
    std::string p;
    if (const int s = path_arg(path, p, err); s != MN_OK) return s;
    auto opened = corp::store::try_open(p);
    if (!opened) return mn::c_api::fail(err, opened.error());
    auto handle = std::make_unique<mn_corp_store>();
    handle->store.emplace(std::move(*opened));
    *out = handle.release();
    return MN_OK;
  });
}

MN_API void mn_corp_store_free(mn_corp_store* store) { delete store; }

MN_API int mn_corp_store_import_snapshot(mn_corp_store* store, const char* path, char* out, size_t out_size,
                                         mn_error* err) {
  return mn::c_api::guard(err, [&]() -> int {
    if (store == nullptr) return mn::c_api::fail(err, mn::errc::null_pointer);
    std::string p;
    if (const int s = path_arg(path, p, err); s != MN_OK) return s;
    auto rep = store->store->try_import_snapshot(p);
    if (!rep) return mn::c_api::fail(err, rep.error());
    return mn::c_api::write(corp::to_json(*rep), out, out_size, err);
  });
}

MN_API int mn_corp_store_apply_diff(mn_corp_store* store, const char* path, char* out, size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&]() -> int {
    if (store == nullptr) return mn::c_api::fail(err, mn::errc::null_pointer);
    std::string p;
    if (const int s = path_arg(path, p, err); s != MN_OK) return s;
    auto rep = store->store->try_apply_diff(p);
    if (!rep) return mn::c_api::fail(err, rep.error());
    return mn::c_api::write(corp::to_json(*rep), out, out_size, err);
  });
}

MN_API int mn_corp_store_lookup_json(mn_corp_store* store, const char* number, size_t len, int history, char* out,
                                     size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&]() -> int {
    if (store == nullptr) return mn::c_api::fail(err, mn::errc::null_pointer);
    std::string_view in;
    if (const int s = mn::c_api::input(number, len, in, err); s != MN_OK) return s;
    std::vector<corp::stored_record> rows;
    if (history != 0) {
      auto h = store->store->try_history(in);
      if (!h) return mn::c_api::fail(err, h.error());
      rows = std::move(*h);
    } else {
      auto one = store->store->try_lookup(in);
      if (!one) return mn::c_api::fail(err, one.error());
      if (*one) rows.push_back(std::move(**one));
    }
    return mn::c_api::write(corp::to_json(rows), out, out_size, err);
  });
}

MN_API int mn_corp_store_search_json(mn_corp_store* store, const char* name, size_t len, int match,
                                     const mn_corp_filter* filter, char* out, size_t out_size, mn_error* err) {
  return mn::c_api::guard(err, [&]() -> int {
    if (store == nullptr) return mn::c_api::fail(err, mn::errc::null_pointer);
    std::string_view in;
    if (const int s = mn::c_api::input(name, len, in, err); s != MN_OK) return s;
    if (match < 0 || match > 2) return mn::c_api::fail(err, mn::errc::invalid_argument);
    if (const int s = check_filter(filter, err); s != MN_OK) return s;
    auto rows = store->store->try_search_name(in, static_cast<corp::match_mode>(match), filter_of(filter));
    if (!rows) return mn::c_api::fail(err, rows.error());
    return mn::c_api::write(corp::to_json(*rows), out, out_size, err);
  });
}

MN_API int mn_corp_store_find_json(mn_corp_store* store, const mn_corp_filter* filter, char* out, size_t out_size,
                                   mn_error* err) {
  return mn::c_api::guard(err, [&]() -> int {
    if (store == nullptr) return mn::c_api::fail(err, mn::errc::null_pointer);
    if (const int s = check_filter(filter, err); s != MN_OK) return s;
    auto rows = store->store->try_find(filter_of(filter));
    if (!rows) return mn::c_api::fail(err, rows.error());
    return mn::c_api::write(corp::to_json(*rows), out, out_size, err);
  });
}

}  // extern "C"
