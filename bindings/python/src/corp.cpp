// File: corp.cpp — the corporate-data part of mynumber._core (docs/corporate-data.md): a record
// iterator over NTA bulk files, a columnar reader (one Python list per column, built here so a
// DataFrame or Arrow table needs no Python loop per row), and the SQLite store. Records are dicts
// keyed by the C++ field names (corporate_number, process, …); codes are zero-padded strings
// ("01", "301"), dates are datetime.date, blank columns are None. Errors arrive as
// CorporateDataError (codes 400–499) or the range of the code.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <datetime.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mynumber/corp.hpp"
#include "py_common.hpp"

namespace mynumber::python {
namespace {

namespace corp = mynumber::corp;

// The column names, in record order (the keys of record dicts and of read_columns()).
constexpr const char* column_names[] = {"sequence_number",
                                        "corporate_number",
                                        "process",
                                        "correct",
                                        "update_date",
                                        "change_date",
                                        "name",
                                        "name_image_id",
                                        "kind",
                                        "prefecture_name",
                                        "city_name",
                                        "street_number",
                                        "address_image_id",
                                        "prefecture_code",
                                        "city_code",
                                        "post_code",
                                        "address_outside",
                                        "address_outside_image_id",
                                        "close_date",
                                        "close_cause",
                                        "successor_corporate_number",
                                        "change_cause",
                                        "assignment_date",
                                        "latest",
                                        "en_name",
                                        "en_prefecture_name",
                                        "en_city_name",
                                        "en_address_outside",
                                        "furigana",
                                        "hihyoji"};
constexpr std::size_t column_count = sizeof(column_names) / sizeof(column_names[0]);

py::object text(const std::string& s) {
  if (s.empty()) return py::none();
  return py::reinterpret_steal<py::object>(PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "strict"));
}
py::object code(int v, int width) {
  if (v == 0) return py::none();
  std::string s = std::to_string(v);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return py::str(s);
}
py::object flag_value(corp::flag f) {
  if (f == corp::flag::blank) return py::none();
  return py::int_(f == corp::flag::yes ? 1 : 0);
}
py::object date_value(mynumber::civil_date d) {
  return py::reinterpret_steal<py::object>(PyDate_FromDate(d.year(), d.month(), d.day()));
}
py::object date_value(const std::optional<mynumber::civil_date>& d) {
  if (!d) return py::none();
  return date_value(*d);
}

// The 30 values of a record, in column order.
void values(const corp::record& r, py::object (&out)[column_count]) {
  out[0] = py::int_(r.sequence_number);
  out[1] = py::str(r.corporate_number);
  out[2] = code(static_cast<int>(r.process), 2);
  out[3] = flag_value(r.correct);
  out[4] = date_value(r.update_date);
  out[5] = date_value(r.change_date);
  out[6] = text(r.name);
  out[7] = text(r.name_image_id);
  out[8] = code(static_cast<int>(r.kind), 3);
  out[9] = text(r.prefecture_name);
  out[10] = text(r.city_name);
  out[11] = text(r.street_number);
  out[12] = text(r.address_image_id);
  out[13] = code(r.prefecture_code, 2);
  out[14] = text(r.city_code);
  out[15] = text(r.post_code);
  out[16] = text(r.address_outside);
  out[17] = text(r.address_outside_image_id);
  out[18] = date_value(r.close_date);
  out[19] = code(static_cast<int>(r.close_cause), 2);
  out[20] = text(r.successor_corporate_number);
  out[21] = text(r.change_cause);
  out[22] = date_value(r.assignment_date);
  out[23] = flag_value(r.latest);
  out[24] = text(r.en_name);
  out[25] = text(r.en_prefecture_name);
  out[26] = text(r.en_city_name);
  out[27] = text(r.en_address_outside);
  out[28] = text(r.furigana);
  out[29] = flag_value(r.hihyoji);
}

py::dict record_dict(const corp::record& r) {
  py::object v[column_count];
  values(r, v);
  py::dict d;
  for (std::size_t i = 0; i < column_count; ++i) d[column_names[i]] = v[i];
  return d;
}
py::dict stored_dict(const corp::stored_record& r) {
  py::dict d = record_dict(r.rec);
  d["current"] = py::bool_(r.current);
  return d;
}
// A list of each item converted by `convert`.
template <class Item, class Convert>
py::list list_of(const std::vector<Item>& items, Convert convert) {
  py::list out;
  for (const auto& item : items) out.append(convert(item));
  return out;
}
py::list stored_list(const std::vector<corp::stored_record>& rows) { return list_of(rows, stored_dict); }
py::dict bad_row_dict(const corp::bad_row& b) {
  py::dict d;
  d["file"] = b.file;
  d["line"] = b.line;
  d["row"] = b.row;
  d["code"] = static_cast<int>(b.code);
  d["reason_name"] = reason_name(b.code);
  d["reason"] = b.reason;
  return d;
}
py::list bad_rows_list(const std::vector<corp::bad_row>& rows) { return list_of(rows, bad_row_dict); }
py::dict stats_dict(const corp::read_stats& s) {
  py::dict d;
  d["rows"] = s.rows;
  d["good"] = s.good;
  d["bad"] = s.bad;
  d["bytes"] = s.bytes;
  d["encoding"] = std::string(corp::to_string(s.encoding));
  return d;
}
py::dict report_dict(const corp::apply_report& r) {
  py::dict d;
  d["file"] = r.file;
  d["already_applied"] = r.already_applied;
  d["data_date"] = date_value(r.data_date);
  d["stats"] = stats_dict(r.stats);
  d["inserted"] = r.inserted;
  d["deleted"] = r.deleted;
  d["corrected"] = r.corrected;
  d["duplicates"] = r.duplicates;
  d["bad_rows"] = bad_rows_list(r.bad_rows);
  return d;
}

// A Python-callable progress function, called with the GIL held.
corp::progress_callback progress_of(const py::object& fn) {
  if (fn.is_none()) return {};
  return [fn](std::uint64_t rows, std::uint64_t bytes) {
    py::gil_scoped_acquire locked;
    fn(rows, bytes);
  };
}

class reader_handle {
 public:
  explicit reader_handle(const std::string& path) : reader_(corp::bulk_reader::try_open(path).value()) {}
  explicit reader_handle(std::string bytes, int)
      : bytes_(std::make_unique<std::string>(std::move(bytes))),
        reader_(std::make_unique<corp::memory_source>(*bytes_, "<bytes>")) {}

  py::dict next() {
    bool more = false;
    {
      py::gil_scoped_release unlocked;
      more = reader_.try_next(record_).value();
    }
    if (!more) throw py::stop_iteration();
    return record_dict(record_);
  }
  // Reads up to `limit` good records (all when limit is None) into one list per column.
  py::dict columns(std::optional<std::size_t> limit) {
    py::list cols[column_count];
    py::object v[column_count];
    std::size_t n = 0;
    while (!limit || n < *limit) {
      bool more = false;
      {
        py::gil_scoped_release unlocked;
        more = reader_.try_next(record_).value();
      }
      if (!more) break;
      values(record_, v);
      for (std::size_t i = 0; i < column_count; ++i) cols[i].append(v[i]);
      ++n;
    }
    py::dict out;
    for (std::size_t i = 0; i < column_count; ++i) out[column_names[i]] = cols[i];
    return out;
  }
  // Reads to the end without building records (validation only); returns the good-row count.
  std::uint64_t drain() {
    std::uint64_t n = 0;
    py::gil_scoped_release unlocked;
    while (reader_.try_next(record_).value()) ++n;
    return n;
  }
  [[nodiscard]] py::dict stats() const { return stats_dict(reader_.stats()); }
  [[nodiscard]] py::list bad_rows() const { return bad_rows_list(reader_.bad_rows()); }

 private:
  std::unique_ptr<std::string> bytes_;
  corp::bulk_reader reader_;
  corp::record record_;
};

corp::query_options filters(std::uint8_t prefecture, const std::string& city, int kind, const std::string& status,
                            bool include_hihyoji, std::size_t limit, std::size_t offset) {
  corp::query_options o;
  if (prefecture > 47) throw mynumber::error(errc::invalid_argument, "prefecture code must be 1-47");
  o.prefecture_code = prefecture;
  o.city_code = city;
  if (kind != 0 && !corp::is_known(static_cast<corp::kind>(kind)))
    throw mynumber::error(errc::invalid_argument, "unknown 法人種別 code");
  o.kind = static_cast<corp::kind>(kind);
  if (status == "any") o.status = corp::status_filter::any;
  else if (status == "open") o.status = corp::status_filter::open;
  else if (status == "closed") o.status = corp::status_filter::closed;
  else throw mynumber::error(errc::invalid_argument, "status must be 'any', 'open' or 'closed'");
  o.include_hihyoji = include_hihyoji;
  o.limit = limit;
  o.offset = offset;
  return o;
}

}  // namespace

void register_corp(py::module_& m) {
  PyDateTime_IMPORT;
  m.attr("CORP_COLUMNS") = py::tuple(py::cast(std::vector<std::string>(column_names, column_names + column_count)));

  py::class_<reader_handle>(m, "CorpReader",
                            "Streams the good records of an NTA bulk CSV or .zip (encoding detected); bad rows are "
                            "counted and kept in bad_rows.")
      .def(py::init<const std::string&>(), py::arg("path"))
      .def_static(
          "from_bytes", [](py::bytes data) { return std::make_unique<reader_handle>(std::string(data), 0); },
          py::arg("data"), "A reader over CSV bytes (e.g. a Web-API CSV response).")
      .def("__iter__", [](reader_handle& self) -> reader_handle& { return self; })
      .def("__next__", &reader_handle::next)
      .def("read_columns", &reader_handle::columns, py::arg("limit") = py::none(),
           "The remaining good records as {column: list}, built without a Python loop per row.")
      .def("drain", &reader_handle::drain, "Reads to the end in C++ (counting, validating); returns the good rows.")
      .def_property_readonly("stats", &reader_handle::stats)
      .def_property_readonly("bad_rows", &reader_handle::bad_rows);

  py::class_<corp::store>(m, "CorpStore", "The SQLite mirror of the NTA data (docs/corporate-data.md).")
      .def(py::init([](const std::string& path) { return corp::store::try_open(path).value(); }), py::arg("path"))
      .def(
          "import_snapshot",
          [](corp::store& s, const std::string& path, py::object progress) {
            auto cb = progress_of(progress);
            corp::apply_report rep;
            {
              py::gil_scoped_release unlocked;
              rep = s.try_import_snapshot(path, {}, cb).value();
            }
            return report_dict(rep);
          },
          py::arg("path"), py::arg("progress") = py::none(),
          "Replaces the store's content with a full snapshot; progress(rows, bytes) is called now and then.")
      .def(
          "apply_diff",
          [](corp::store& s, const std::string& path) {
            corp::apply_report rep;
            {
              py::gil_scoped_release unlocked;
              rep = s.try_apply_diff(path).value();
            }
            return report_dict(rep);
          },
          py::arg("path"))
      .def(
          "apply_diffs",
          [](corp::store& s, const std::vector<std::string>& paths) {
            std::vector<corp::apply_report> reps;
            {
              py::gil_scoped_release unlocked;
              reps = s.try_apply_diffs(paths).value();
            }
            py::list out;
            for (const auto& r : reps) out.append(report_dict(r));
            return out;
          },
          py::arg("paths"), "Applies diffs in date order, whatever order they are given in.")
      .def(
          "lookup",
          [](corp::store& s, py::handle number) -> py::object {
            const std::string n(text_arg(number));
            auto r = s.try_lookup(n).value();
            if (!r) return py::none();
            return stored_dict(*r);
          },
          py::arg("number"))
      .def(
          "history",
          [](corp::store& s, py::handle number) {
            return stored_list(s.try_history(std::string(text_arg(number))).value());
          },
          py::arg("number"))
      .def(
          "search",
          [](corp::store& s, py::handle name, const std::string& mode, std::uint8_t prefecture, const std::string& city,
             int kind, const std::string& status, bool include_hihyoji, std::size_t limit, std::size_t offset) {
            corp::match_mode mm = corp::match_mode::prefix;
            if (mode == "exact") mm = corp::match_mode::exact;
            else if (mode == "partial") mm = corp::match_mode::partial;
            else if (mode != "prefix")
              throw mynumber::error(errc::invalid_argument, "mode must be prefix, exact or partial");
            const std::string q(text_arg(name));
            return stored_list(
                s.try_search_name(q, mm, filters(prefecture, city, kind, status, include_hihyoji, limit, offset))
                    .value());
          },
          py::arg("name"), py::arg("mode") = "prefix", py::arg("prefecture") = 0, py::arg("city") = "",
          py::arg("kind") = 0, py::arg("status") = "any", py::arg("include_hihyoji") = false, py::arg("limit") = 100,
          py::arg("offset") = 0)
      .def(
          "find",
          [](corp::store& s, std::uint8_t prefecture, const std::string& city, int kind, const std::string& status,
             bool include_hihyoji, std::size_t limit, std::size_t offset) {
            return stored_list(
                s.try_find(filters(prefecture, city, kind, status, include_hihyoji, limit, offset)).value());
          },
          py::arg("prefecture") = 0, py::arg("city") = "", py::arg("kind") = 0, py::arg("status") = "any",
          py::arg("include_hihyoji") = false, py::arg("limit") = 100, py::arg("offset") = 0)
      .def("stats", [](corp::store& s) {
        const corp::store_stats st = s.try_stats().value();
        py::dict d;
        d["corporations"] = st.corporations;
        d["rows"] = st.rows;
        d["closed"] = st.closed;
        d["files"] = st.files;
        d["data_date"] = date_value(st.data_date);
        return d;
      });

  m.def(
      "corp_name_keys",
      [](py::handle name) {
        const corp::name_keys k = corp::make_name_keys(std::string(text_arg(name)));
        py::dict d;
        d["key"] = k.key;
        d["core"] = k.core;
        d["position"] = k.position == corp::legal_form_position::prefix   ? "prefix"
                        : k.position == corp::legal_form_position::suffix ? "suffix"
                                                                          : "none";
        d["form"] = k.form;
        return d;
      },
      py::arg("name"), "The search keys of a name: folded key, core key without the legal form, and where it was.");
}

}  // namespace mynumber::python
