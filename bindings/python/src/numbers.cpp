// File: numbers.cpp — the number part of mynumber._core: IndividualNumber / CorporateNumber,
// python-stdnum style functions per kind, T-number / ISO 6523 / Peppol conversions, seeded
// generation, and the bulk validators behind mynumber.validate_many and the CLI.
#include <pybind11/numpy.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "mynumber/mynumber.hpp"
#include "py_common.hpp"

namespace mynumber::python {
namespace {

using codes_array = py::array_t<std::uint16_t>;

// kind argument of the bulk functions: 0 individual, 1 corporate, 2 auto (by digit count).
constexpr int kind_auto = 2;

void check_bulk_kind(int kind) {
  if (kind < 0 || kind > kind_auto) throw error(errc::invalid_argument, "kind must be 0, 1 or 2 (auto)");
}

// ---- scalar fast path ------------------------------------------------------------------------

template <number_kind Kind>
[[nodiscard]] bool lenient_ok(std::string_view s) noexcept {
  std::array<char, kind_traits<Kind>::length> digits{};
  std::size_t count = 0;
  const validation chars = detail::normalize_into(s, digits.data(), nullptr, digits.size(), count);
  const bool ok = chars.ok() && count == digits.size() && kind_traits<Kind>::validate({digits.data(), digits.size()});
  detail::secure_wipe(digits.data(), digits.size());
  return ok;
}

// is_valid_<kind>(number) as a plain CPython METH_O function: no pybind11 dispatch, no object or
// exception is created for an invalid number. ASCII digits take the strict check only; anything
// else (spaces, dashes, full-width digits) goes through lenient normalisation.
template <number_kind Kind>
PyObject* is_valid_fast(PyObject* /*self*/, PyObject* arg) noexcept {
  std::string_view s;
  if (PyUnicode_Check(arg) && PyUnicode_IS_COMPACT_ASCII(arg)) {
    s = std::string_view(static_cast<const char*>(PyUnicode_DATA(arg)),
                         static_cast<std::size_t>(PyUnicode_GET_LENGTH(arg)));
  } else if (PyUnicode_Check(arg)) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(arg, &size);
    if (data == nullptr) {  // lone surrogates: not a number
      PyErr_Clear();
      Py_RETURN_FALSE;
    }
    s = std::string_view(data, static_cast<std::size_t>(size));
  } else if (PyBytes_Check(arg)) {
    s = std::string_view(PyBytes_AS_STRING(arg), static_cast<std::size_t>(PyBytes_GET_SIZE(arg)));
  } else {
    PyErr_Format(PyExc_TypeError, "expected str or bytes, not %.100s", Py_TYPE(arg)->tp_name);
    return nullptr;
  }
  const validation v = kind_traits<Kind>::validate(s);
  if (v.ok()) Py_RETURN_TRUE;
  if (v.code == errc::invalid_character && lenient_ok<Kind>(s)) Py_RETURN_TRUE;
  Py_RETURN_FALSE;
}

PyMethodDef is_valid_individual_def{"is_valid_individual",
                                    reinterpret_cast<PyCFunction>(&is_valid_fast<number_kind::individual>), METH_O,
                                    "is_valid_individual(number, /)\n--\n\n"
                                    "True if `number` (str or bytes) is a valid Individual Number; spaces, dashes "
                                    "and full-width digits are accepted. Raises TypeError for other types."};
PyMethodDef is_valid_corporate_def{"is_valid_corporate",
                                   reinterpret_cast<PyCFunction>(&is_valid_fast<number_kind::corporate>), METH_O,
                                   "is_valid_corporate(number, /)\n--\n\n"
                                   "True if `number` (str or bytes) is a valid Corporate Number; spaces, dashes and "
                                   "full-width digits are accepted. Raises TypeError for other types."};

// ---- per-record check used by every bulk path ------------------------------------------------

[[nodiscard]] std::uint16_t check_one(std::string_view s, int kind, bool lenient) noexcept {
  const auto strict_kind = [&](std::size_t length) {
    if (kind != kind_auto) return static_cast<number_kind>(kind);
    return length == corporate_number_length ? number_kind::corporate : number_kind::individual;
  };
  const validation strict = validate(strict_kind(s.size()), s);
  if (!lenient || strict.code != errc::invalid_character) return static_cast<std::uint16_t>(strict.code);
  char digits[corporate_number_length + 1];
  std::size_t count = 0;
  const validation chars = detail::normalize_into(s, digits, nullptr, sizeof digits, count);
  if (!chars) return static_cast<std::uint16_t>(chars.code);
  if (count == 0) return static_cast<std::uint16_t>(errc::empty);
  const number_kind k = strict_kind(count);
  const std::size_t length = k == number_kind::individual ? individual_number_length : corporate_number_length;
  std::uint16_t code;
  if (count < length) code = static_cast<std::uint16_t>(errc::too_short);
  else if (count > length) code = static_cast<std::uint16_t>(errc::too_long);
  else code = static_cast<std::uint16_t>(validate(k, std::string_view(digits, length)).code);
  detail::secure_wipe(digits, sizeof digits);
  return code;
}

[[nodiscard]] std::string_view trim_padding(const char* rec, std::size_t len) noexcept {
  while (len != 0 && (rec[len - 1] == ' ' || rec[len - 1] == '\0')) --len;
  return {rec, len};
}

void widen(const std::vector<std::uint8_t>& in, std::uint16_t* out) noexcept {
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = in[i];
}

// A list, tuple, numpy object array or any sequence of str / bytes. Items that are neither give
// invalid_argument (900); a str with lone surrogates gives invalid_utf8.
codes_array validate_sequence(py::handle values, int kind, bool lenient) {
  check_bulk_kind(kind);
  // A tuple copy pins every item, so another thread cannot free them while the GIL is released.
  py::object items = py::reinterpret_steal<py::object>(PySequence_Tuple(values.ptr()));
  if (!items) throw py::error_already_set();
  const auto n = static_cast<std::size_t>(PyTuple_GET_SIZE(items.ptr()));
  codes_array out(static_cast<py::ssize_t>(n));
  std::uint16_t* codes = out.mutable_data();
  std::vector<std::string_view> views(n);
  constexpr std::uint16_t pending = 0xFFFF;
  for (std::size_t i = 0; i < n; ++i) {
    PyObject* item = PyTuple_GET_ITEM(items.ptr(), static_cast<Py_ssize_t>(i));
    codes[i] = pending;
    if (PyUnicode_Check(item)) {
      if (PyUnicode_IS_COMPACT_ASCII(item)) {
        views[i] = std::string_view(static_cast<const char*>(PyUnicode_DATA(item)),
                                    static_cast<std::size_t>(PyUnicode_GET_LENGTH(item)));
      } else {
        Py_ssize_t size = 0;
        const char* data = PyUnicode_AsUTF8AndSize(item, &size);
        if (data == nullptr) {
          PyErr_Clear();
          codes[i] = static_cast<std::uint16_t>(errc::invalid_utf8);
        } else {
          views[i] = std::string_view(data, static_cast<std::size_t>(size));
        }
      }
    } else if (PyBytes_Check(item)) {
      views[i] = std::string_view(PyBytes_AS_STRING(item), static_cast<std::size_t>(PyBytes_GET_SIZE(item)));
    } else {
      codes[i] = static_cast<std::uint16_t>(errc::invalid_argument);
    }
  }
  {
    py::gil_scoped_release release;
    for (std::size_t i = 0; i < n; ++i)
      if (codes[i] == pending) codes[i] = check_one(views[i], kind, lenient);
  }
  return out;
}

void strided_codes(const char* data, std::size_t count, std::size_t stride, bool ucs4, int kind, bool lenient,
                   std::uint16_t* codes);

// Fixed-width records: numpy 'S<n>' (bytes, stride n) or 'U<n>' (UCS-4, stride 4n), C-contiguous.
codes_array validate_strided_records(py::buffer buffer, std::size_t count, std::size_t stride, bool ucs4, int kind,
                                     bool lenient) {
  check_bulk_kind(kind);
  const py::buffer_info info = buffer.request();
  const std::size_t bytes = static_cast<std::size_t>(info.size) * static_cast<std::size_t>(info.itemsize);
  if (stride == 0 ? count != 0 : bytes / stride < count || (ucs4 && stride % 4 != 0))
    throw error(errc::invalid_argument, "buffer smaller than count * stride, or bad stride");
  const char* data = static_cast<const char*>(info.ptr);
  codes_array out(static_cast<py::ssize_t>(count));
  std::uint16_t* codes = out.mutable_data();
  py::gil_scoped_release release;
  strided_codes(data, count, stride, ucs4, kind, lenient, codes);
  return out;
}

void strided_codes(const char* data, std::size_t count, std::size_t stride, bool ucs4, int kind, bool lenient,
                   std::uint16_t* codes) {
  if (!ucs4) {
    if (!lenient && kind != kind_auto) {
      std::vector<std::uint8_t> status(count);
      (void)validate_strided(data, count, stride, static_cast<number_kind>(kind), status.data(), count);
      widen(status, codes);
      return;
    }
    for (std::size_t r = 0; r < count; ++r)
      codes[r] = check_one(trim_padding(data + r * stride, stride), kind, lenient);
    return;
  }
  // UCS-4 records. An all-ASCII record (the normal case) is narrowed into a stack buffer; in strict
  // mode any other code point becomes 0xFF, which fails as invalid_character at the same index.
  // Only lenient records with non-ASCII characters are encoded to UTF-8 in full.
  std::string utf8;
  char narrow[256];
  const std::size_t chars = stride / 4;
  for (std::size_t r = 0; r < count; ++r) {
    const char* rec = data + r * stride;
    std::size_t len = chars;
    const auto at = [&](std::size_t k) {
      std::uint32_t cp;
      std::memcpy(&cp, rec + 4 * k, 4);
      return cp;
    };
    while (len != 0 && at(len - 1) == 0) --len;
    bool ascii = true;
    if (len <= sizeof narrow) {
      for (std::size_t k = 0; k < len; ++k) {
        const std::uint32_t cp = at(k);
        ascii = ascii && cp < 0x80;
        narrow[k] = cp < 0x80 ? static_cast<char>(cp) : static_cast<char>(0xFF);
      }
      if (ascii || !lenient) {
        codes[r] = check_one(trim_padding(narrow, len), kind, lenient);
        continue;
      }
    }
    utf8.clear();
    for (std::size_t k = 0; k < len; ++k) {
      const std::uint32_t cp = at(k);
      if (cp < 0x80) {
        utf8.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        utf8.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        utf8.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else if (cp < 0x10000) {
        utf8.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        utf8.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        utf8.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else if (cp < 0x110000) {
        utf8.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        utf8.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        utf8.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        utf8.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        utf8.push_back(static_cast<char>(0xFF));
      }
    }
    codes[r] = check_one(trim_padding(utf8.data(), utf8.size()), kind, lenient);
  }
  detail::secure_wipe(narrow, sizeof narrow);
  detail::secure_wipe(utf8.data(), utf8.size());
}

// An Arrow string / large_string array given by its buffers (zero copy). Null slots give
// invalid_argument (900).
codes_array validate_arrow(py::buffer offsets, py::buffer data, py::object validity, std::size_t offset,
                           std::size_t length, bool large, int kind, bool lenient) {
  check_bulk_kind(kind);
  const py::buffer_info off = offsets.request();
  const std::size_t width = large ? 8 : 4;
  const std::size_t off_bytes = static_cast<std::size_t>(off.size) * static_cast<std::size_t>(off.itemsize);
  if (off_bytes / width < offset + length + 1) throw error(errc::invalid_argument, "offsets buffer too small");
  py::buffer_info bits;
  const std::uint8_t* valid = nullptr;
  if (!validity.is_none()) {
    bits = py::reinterpret_borrow<py::buffer>(validity).request();
    const std::size_t bit_bytes = static_cast<std::size_t>(bits.size) * static_cast<std::size_t>(bits.itemsize);
    if (bit_bytes * 8 < offset + length) throw error(errc::invalid_argument, "validity bitmap too small");
    valid = static_cast<const std::uint8_t*>(bits.ptr);
  }
  const py::buffer_info chars = data.request();
  const std::size_t data_bytes = static_cast<std::size_t>(chars.size) * static_cast<std::size_t>(chars.itemsize);
  const char* base = static_cast<const char*>(chars.ptr);
  const char* off_ptr = static_cast<const char*>(off.ptr);
  codes_array out(static_cast<py::ssize_t>(length));
  std::uint16_t* codes = out.mutable_data();
  py::gil_scoped_release release;
  const auto offset_at = [&](std::size_t i) -> std::uint64_t {
    if (large) {
      std::int64_t v;
      std::memcpy(&v, off_ptr + 8 * i, 8);
      return v < 0 ? UINT64_MAX : static_cast<std::uint64_t>(v);
    }
    std::int32_t v;
    std::memcpy(&v, off_ptr + 4 * i, 4);
    return v < 0 ? UINT64_MAX : static_cast<std::uint64_t>(v);
  };
  for (std::size_t i = 0; i < length; ++i) {
    const std::size_t slot = offset + i;
    if (valid != nullptr && ((valid[slot / 8] >> (slot % 8)) & 1) == 0) {
      codes[i] = static_cast<std::uint16_t>(errc::invalid_argument);
      continue;
    }
    const std::uint64_t begin = offset_at(slot);
    const std::uint64_t end = offset_at(slot + 1);
    if (begin > end || end > data_bytes) {
      codes[i] = static_cast<std::uint16_t>(errc::invalid_argument);
      continue;
    }
    codes[i] = check_one(std::string_view(base + begin, static_cast<std::size_t>(end - begin)), kind, lenient);
  }
  return out;  // moved out (no reference-count change); `release` re-takes the GIL before `out` dies
}

// Newline-separated records (bulk.hpp rules) from any bytes-like buffer: the CLI's hot path.
codes_array validate_lines_buffer(py::buffer buffer, int kind, bool lenient) {
  check_bulk_kind(kind);
  const py::buffer_info info = buffer.request();
  const std::size_t size = static_cast<std::size_t>(info.size) * static_cast<std::size_t>(info.itemsize);
  const std::string_view text(static_cast<const char*>(info.ptr), size);
  std::size_t records = 0;
  {
    py::gil_scoped_release release;
    for (const char c : text) records += c == '\n';
    if (!text.empty() && text.back() != '\n') ++records;
  }
  codes_array out(static_cast<py::ssize_t>(records));
  std::uint16_t* codes = out.mutable_data();
  py::gil_scoped_release release;
  if (!lenient && kind != kind_auto) {
    std::vector<std::uint8_t> status(records);
    (void)validate_lines(text, static_cast<number_kind>(kind), status.data(), records);
    widen(status, codes);
    return out;  // moved out (no reference-count change); `release` re-takes the GIL first
  }
  std::size_t r = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t eol = text.find('\n', at);
    if (eol == std::string_view::npos) eol = text.size();
    std::size_t len = eol - at;
    if (len != 0 && text[at + len - 1] == '\r') --len;
    codes[r++] = check_one(text.substr(at, len), kind, lenient);
    at = eol + 1;
  }
  return out;
}

// ---- streaming line validator (the CLI's `validate -f FILE` / stdin path) -----------------------

// The final status of each record of `text` (bulk.hpp line rules) that is not valid, and of the
// valid ones too if report_valid, passed to sink(index, begin, length, code) with begin/length
// the record's bytes without "\r\n". The SIMD kernel runs the
// strict check once over the whole buffer; a record whose strict status is valid (0) or
// check_digit_mismatch (5) is exactly `length` ASCII digits, on which strict, lenient and auto
// agree, so only the other records are re-checked with check_one (the per-record reference).
// `status` is caller-owned scratch reused across calls. Returns the number of records. Call
// without the GIL.
template <class Sink>
std::size_t each_line_code(std::string_view text, int kind, bool lenient, bool report_valid,
                           std::vector<std::uint8_t>& status, Sink&& sink) {
  const number_kind simd_kind = kind == kind_auto ? number_kind::individual : static_cast<number_kind>(kind);
  const std::size_t digits = simd_kind == number_kind::individual ? individual_number_length : corporate_number_length;
  if (status.size() < text.size() + 1) status.resize(text.size() + 1);  // at most one record per byte
  const bulk_counts counts = validate_lines(text, simd_kind, status.data(), status.size());
  if (counts.valid == counts.records && !report_valid) return counts.records;  // nothing to look at
  std::size_t at = 0;
  for (std::size_t r = 0; r < counts.records; ++r) {
    const std::uint8_t strict = status[r];
    if (strict == 0 || strict == static_cast<std::uint8_t>(errc::check_digit_mismatch)) {
      if (strict != 0 || report_valid) sink(r, at, digits, static_cast<std::uint16_t>(strict));
      at += digits;
      if (at < text.size() && text[at] == '\r') ++at;
      ++at;  // the newline (or one past the end of a final record without one)
      continue;
    }
    std::size_t eol = text.find('\n', at);
    if (eol == std::string_view::npos) eol = text.size();
    std::size_t len = eol - at;
    if (len != 0 && text[at + len - 1] == '\r') --len;
    const std::uint16_t code = check_one(text.substr(at, len), kind, lenient);
    if (code != 0 || report_valid) sink(r, at, len, code);
    at = eol + 1;
  }
  return counts.records;
}

// Reads newline-separated records from a file descriptor (GIL released) or a binary file object
// with readinto() through one reused buffer, and validates them chunk by chunk. A record split
// across two reads is carried to the front of the buffer; a record longer than the buffer is
// reported as too_long without its text and skipped up to its newline.
class line_stream {
 public:
  line_stream(py::object source, int kind, bool lenient, bool report_all, std::size_t buffer_size)
      : kind_(kind), lenient_(lenient), report_all_(report_all) {
    check_bulk_kind(kind);
    if (buffer_size < 64) throw error(errc::invalid_argument, "buffer_size must be at least 64 bytes");
    if (py::isinstance<py::int_>(source)) {
      fd_ = source.cast<int>();
      if (fd_ < 0) throw error(errc::invalid_argument, "file descriptor must not be negative");
    } else if (py::hasattr(source, "readinto")) {
      readinto_ = source.attr("readinto");
    } else {
      throw py::type_error("source must be a file descriptor or a binary file object with readinto()");
    }
    buffer_.resize(buffer_size);
  }
  line_stream(const line_stream&) = delete;
  line_stream& operator=(const line_stream&) = delete;
  line_stream(line_stream&&) = default;
  line_stream& operator=(line_stream&&) = default;
  ~line_stream() { detail::secure_wipe(buffer_.data(), buffer_.size()); }

  // The next chunk: (bytes read so far, valid, invalid, reports) with reports a list of
  // (line number, code, raw line bytes or None if too long) for each invalid record, and each
  // valid one too with report_all. Blank records (code 1, empty) are neither counted nor
  // reported. None at the end of the input.
  py::object next() {
    struct report {
      std::size_t line, begin, length;
      std::uint16_t code;
    };
    std::vector<report> reports;
    std::size_t valid = 0;
    std::size_t invalid = 0;
    for (;;) {
      const std::size_t end = eof_ ? filled_ : fill();
      if (end == 0) break;  // only at the end of the input
      const std::string_view data(buffer_.data(), end);
      if (skipping_) {  // inside an overlong record: drop everything up to its newline
        const std::size_t nl = data.find('\n');
        if (nl == std::string_view::npos) {
          filled_ = 0;
          continue;
        }
        std::memmove(buffer_.data(), buffer_.data() + nl + 1, end - nl - 1);
        filled_ = end - nl - 1;
        skipping_ = false;
        continue;
      }
      std::size_t cut = data.rfind('\n');
      if (eof_) {
        cut = end;  // the final record needs no newline
      } else if (cut == std::string_view::npos) {
        // The buffer is full and holds no newline: one record longer than the buffer.
        reports.push_back({line_, 0, 0, static_cast<std::uint16_t>(errc::too_long)});
        ++invalid;
        ++line_;
        filled_ = 0;
        skipping_ = true;
        break;
      } else {
        cut += 1;
      }
      std::size_t records = 0;
      {
        py::gil_scoped_release release;
        std::size_t blank = 0;
        std::size_t chunk_invalid = 0;
        records = each_line_code(data.substr(0, cut), kind_, lenient_, report_all_, status_,
                                 [&](std::size_t r, std::size_t begin, std::size_t length, std::uint16_t code) {
                                   if (code == static_cast<std::uint16_t>(errc::empty)) {
                                     ++blank;
                                     return;
                                   }
                                   chunk_invalid += code != 0;
                                   reports.push_back({line_ + r, begin, length, code});
                                 });
        valid += records - blank - chunk_invalid;
        invalid += chunk_invalid;
      }
      line_ += records;
      py::list out(reports.size());
      for (std::size_t i = 0; i < reports.size(); ++i) {
        const report& rep = reports[i];
        out[i] = py::make_tuple(rep.line, rep.code, py::bytes(buffer_.data() + rep.begin, rep.length));
      }
      std::memmove(buffer_.data(), buffer_.data() + cut, end - cut);
      filled_ = end - cut;
      return py::make_tuple(done_, valid, invalid, out);
    }
    if (reports.empty()) return py::none();
    py::list out;
    for (const report& rep : reports) out.append(py::make_tuple(rep.line, rep.code, py::none()));
    return py::make_tuple(done_, valid, invalid, out);
  }

 private:
  // Reads until the buffer is full or the input ends; returns the bytes held. Sets eof_.
  std::size_t fill() {
    while (filled_ < buffer_.size()) {
      const std::size_t space = buffer_.size() - filled_;
      char* at = buffer_.data() + filled_;
      std::size_t got = 0;
      if (fd_ >= 0) {
        ssize_t n;
        {
          py::gil_scoped_release release;
          n = ::read(fd_, at, space);
        }
        if (n < 0) {
          if (errno == EINTR) {
            if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            continue;
          }
          PyErr_SetFromErrno(PyExc_OSError);
          throw py::error_already_set();
        }
        got = static_cast<std::size_t>(n);
      } else {
        const py::object n = readinto_(py::memoryview::from_memory(at, static_cast<py::ssize_t>(space)));
        got = n.is_none() ? 0 : n.cast<std::size_t>();
        if (got > space) throw error(errc::invalid_argument, "readinto() returned more bytes than asked for");
      }
      if (got == 0) {
        eof_ = true;
        break;
      }
      filled_ += got;
      done_ += got;
    }
    return filled_;
  }

  int fd_ = -1;
  py::object readinto_;
  int kind_;
  bool lenient_;
  bool report_all_;
  std::vector<char> buffer_;
  std::vector<std::uint8_t> status_;
  std::size_t filled_ = 0;
  std::size_t done_ = 0;
  std::size_t line_ = 1;
  bool eof_ = false;
  bool skipping_ = false;
};

// ---- one record explained without raising (the CLI's per-record output) ------------------------

// The digits of a valid number, else the InvalidNumberError that validating it raises, returned
// instead of raised: raising and catching costs more than the CLI spends on the rest of a printed
// line. Lenient unless `strict`; a strict failure keeps the lenient error when both found the same
// fault (it has the position and the expected digit).
template <number_kind Kind>
[[nodiscard]] py::object digits_or_error(std::string_view in, bool strict) {
  const result<basic_number<Kind>> lenient = basic_number<Kind>::try_parse_lenient(in);
  if (strict) {
    const auto code = static_cast<errc>(check_one(in, static_cast<int>(Kind), false));
    const bool same_fault = !lenient && lenient.error().code == code;
    if (code != errc::ok && !same_fault)
      return make_exception(error_info{code}, std::string(describe(code)) + " (strict mode: ASCII digits only)");
  }
  if (!lenient) return make_exception(lenient.error(), lenient.error().message());
  return py::str(lenient->reveal());
}

// _check_number(number, kind, strict) -> (kind name, digits or InvalidNumberError). kind 2 (auto)
// is corporate when lenient normalisation gives 13 digits, else individual. Raises only for a
// value that is not str or bytes.
[[nodiscard]] py::tuple check_number(py::handle text, int kind, bool strict) {
  check_bulk_kind(kind);
  std::string_view in;
  if (!text_arg_nothrow(text.ptr(), in)) {
    py::error_already_set raised;  // takes the error indicator
    if (!raised.matches(exception_type(errc::invalid_utf8))) throw raised;
    return py::make_tuple(to_string(kind == kind_auto ? number_kind::individual : static_cast<number_kind>(kind)),
                          raised.value());
  }
  if (kind == kind_auto) {
    result<std::string> digits = try_normalize_digits(in);
    kind = static_cast<int>(digits && digits->size() == corporate_number_length ? number_kind::corporate
                                                                                : number_kind::individual);
    if (digits) detail::secure_wipe(digits->data(), digits->size());
  }
  if (kind == static_cast<int>(number_kind::individual))
    return py::make_tuple(to_string(number_kind::individual), digits_or_error<number_kind::individual>(in, strict));
  return py::make_tuple(to_string(number_kind::corporate), digits_or_error<number_kind::corporate>(in, strict));
}

// ---- number classes ----------------------------------------------------------------------------

template <number_kind Kind>
[[nodiscard]] basic_number<Kind> parse_arg(py::handle text) {
  return basic_number<Kind>::try_parse_lenient(text_arg(text)).value();
}

template <number_kind Kind>
[[nodiscard]] char separator_arg(const std::optional<std::string>& separator) {
  if (!separator) return kind_traits<Kind>::default_separator;
  if (separator->empty()) return '\0';
  if (separator->size() != 1) throw error(errc::invalid_argument, "separator must be one ASCII character or ''");
  return (*separator)[0];
}

[[nodiscard]] mask_policy policy_arg(int visible_digits, const std::string& mask_char) {
  mask_policy policy;
  if (visible_digits >= 0) policy.visible_digits = static_cast<std::size_t>(visible_digits);
  if (mask_char.size() != 1) throw error(errc::invalid_argument, "mask_char must be one ASCII character");
  policy.mask_char = mask_char[0];
  return policy;
}

[[nodiscard]] std::uint64_t seed_arg(const std::optional<std::uint64_t>& seed) {
  if (seed) return *seed;
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

template <number_kind Kind>
py::class_<basic_number<Kind>> bind_kind(py::module_& m, const char* class_name, const char* suffix,
                                         const char* class_doc) {
  using number = basic_number<Kind>;
  const std::string sfx(suffix);
  const auto name = [&](const char* base) { return std::string(base) + "_" + sfx; };

  py::class_<number> cls(m, class_name, class_doc);
  cls.def(py::init([](py::handle text) { return parse_arg<Kind>(text); }), py::arg("number"),
          "Parses leniently (full-width digits, spaces, dashes); raises InvalidNumberError.")
      .def_static(
          "from_base", [](py::handle base) { return number::try_from_base(text_arg(base)).value(); }, py::arg("base"),
          "The number whose base digits are `base` (check digit computed).")
      .def("reveal", &number::reveal, "The full digits. Keep calls to this visible in code review.")
      .def_property_readonly("check_digit", &number::check_digit)
      .def(
          "format",
          [](const number& n, bool reveal, std::optional<std::string> separator) {
            const char sep = separator_arg<Kind>(separator);
            return reveal ? n.reveal_formatted(sep) : n.format({}, sep);
          },
          py::kw_only(), py::arg("reveal") = false, py::arg("separator") = py::none(),
          "Grouped display form, masked unless reveal=True. separator='' removes the separators.")
      .def(
          "masked",
          [](const number& n, int visible_digits, const std::string& mask_char) {
            return n.masked(policy_arg(visible_digits, mask_char));
          },
          py::kw_only(), py::arg("visible_digits") = -1, py::arg("mask_char") = "*",
          "Masked digits without grouping (default: last 4 visible).")
      .def("__str__", [](const number& n) { return n.masked(); })
      .def("__repr__", [class_name](const number& n) { return std::string(class_name) + "('" + n.masked() + "')"; })
      .def("__format__",
           [](const number& n, py::str spec) {
             return py::module_::import("builtins").attr("format")(py::str(n.masked()), spec);
           })
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(py::self < py::self)
      .def(py::self <= py::self)
      .def(py::self > py::self)
      .def(py::self >= py::self)
      .def("__hash__", [](const number& n) { return static_cast<py::ssize_t>(n.hash()); })
      .def("__copy__", [](const number& n) { return n; })
      .def(
          "__deepcopy__", [](const number& n, py::handle) { return n; }, py::arg("memo"));

  m.def(
      name("validate").c_str(), [](py::handle text) { return parse_arg<Kind>(text).reveal(); }, py::arg("number"),
      "Validates leniently and returns the compact digits; raises InvalidNumberError.");
  m.def(
      name("parse").c_str(), [](py::handle text) { return parse_arg<Kind>(text); }, py::arg("number"),
      "Validates leniently and returns the number object.");
  m.def(
      name("format").c_str(),
      [](py::handle text, bool reveal, std::optional<std::string> separator) {
        const number n = parse_arg<Kind>(text);
        const char sep = separator_arg<Kind>(separator);
        return reveal ? n.reveal_formatted(sep) : n.format({}, sep);
      },
      py::arg("number"), py::kw_only(), py::arg("reveal") = false, py::arg("separator") = py::none(),
      "Validates, then returns the grouped form, masked unless reveal=True.");
  m.def(
      name("calc_check_digit").c_str(),
      [](py::handle base) {
        const std::string_view in = text_arg(base);
        if (const validation shape = detail::check_digit_string(in, kind_traits<Kind>::length - 1); !shape)
          throw error(shape.to_error());
        return std::string(1, static_cast<char>('0' + kind_traits<Kind>::check_digit(in)));
      },
      py::arg("base"), "The check digit (as a one-character str) of the base digits.");
  m.def(
      name("generate").c_str(),
      [](std::size_t count, std::optional<std::uint64_t> seed, std::optional<int> check_digit) {
        std::mt19937_64 engine(seed_arg(seed));
        const generate_options options{check_digit.value_or(-1)};
        py::list out(static_cast<py::ssize_t>(count));
        for (std::size_t i = 0; i < count; ++i) out[i] = generate<Kind>(engine, options).reveal();
        return out;
      },
      py::arg("count"), py::kw_only(), py::arg("seed") = py::none(), py::arg("check_digit") = py::none(),
      "`count` valid numbers from std::mt19937_64(seed): the same seed gives the same numbers in C, C++, Go and "
      "Rust. They may belong to real people or corporations.");
  return cls;
}

}  // namespace

void register_numbers(py::module_& m) {
  bind_kind<number_kind::individual>(m, "IndividualNumber", "individual",
                                     "An Individual Number (個人番号). str(), repr() and format() are masked; reveal() "
                                     "gives the digits. Refuses to be pickled.")
      // An Individual Number never leaves the process by pickling; say so instead of a generic error.
      .def("__reduce__", [](const individual_number&) -> py::object {
        throw py::type_error(
            "IndividualNumber refuses to be pickled (it is 特定個人情報); pickle number.reveal() explicitly if you "
            "must");
      });
  bind_kind<number_kind::corporate>(
      m, "CorporateNumber", "corporate",
      "A Corporate Number (法人番号). str(), repr() and format() are masked like "
      "IndividualNumber; reveal() gives the digits. Pickles (corporate numbers are public).")
      .def(py::pickle([](const corporate_number& n) { return py::make_tuple(n.reveal()); },
                      [](const py::tuple& state) {
                        if (state.size() != 1) throw error(errc::invalid_argument, "bad CorporateNumber state");
                        return corporate_number::try_parse(text_arg(state[0])).value();
                      }))
      .def_property_readonly("base_number", [](const corporate_number& n) { return base_number(n); })
      .def_property_readonly(
          "base_kind", [](const corporate_number& n) { return std::string(to_string(classify(n).kind)); },
          "What the base number encodes, e.g. 'registered', 'national_administrative', 'local_government'.")
      .def(
          "to_invoice", [](const corporate_number& n) { return invoice_number::from_corporate(n).to_string(); },
          "The T-number 'T' + 13 digits of this corporation.");

  m.add_object("is_valid_individual", py::reinterpret_steal<py::object>(PyCFunction_NewEx(
                                          &is_valid_individual_def, nullptr, m.attr("__name__").ptr())));
  m.add_object("is_valid_corporate", py::reinterpret_steal<py::object>(PyCFunction_NewEx(
                                         &is_valid_corporate_def, nullptr, m.attr("__name__").ptr())));

  m.def(
      "compact", [](py::handle text) { return try_normalize_digits(text_arg(text)).value(); }, py::arg("number"),
      "Lenient normalisation to ASCII digits (no length or check-digit test); raises InvalidNumberError for other "
      "characters.");
  m.def(
      "mask_text",
      [](py::handle text, int visible_digits, const std::string& mask_char) {
        const std::string masked = mask_digits(text_arg(text), policy_arg(visible_digits, mask_char));
        // mask.hpp counts bytes: in non-ASCII text (full-width digits) the visible tail can start
        // inside a UTF-8 sequence, which is shown as U+FFFD rather than raising UnicodeDecodeError.
        PyObject* str = PyUnicode_DecodeUTF8(masked.data(), static_cast<Py_ssize_t>(masked.size()), "replace");
        if (str == nullptr) throw py::error_already_set();
        return py::reinterpret_steal<py::str>(str);
      },
      py::arg("text"), py::kw_only(), py::arg("visible_digits") = -1, py::arg("mask_char") = "*",
      "Masks any text by mask.hpp's rule (all but the last 4 characters hidden), for displaying input that "
      "did not validate.");

  // T-number, ISO 6523, Peppol.
  const auto parse_invoice = [](py::handle text, bool lenient) {
    const std::string_view in = text_arg(text);
    return (lenient ? invoice_number::try_parse_lenient(in) : invoice_number::try_parse(in)).value();
  };
  m.def(
      "invoice_validate", [parse_invoice](py::handle n, bool lenient) { return parse_invoice(n, lenient).to_string(); },
      py::arg("number"), py::kw_only(), py::arg("lenient") = true,
      "Validates a T-number (適格請求書発行事業者登録番号) and returns 'T' + 13 digits.");
  m.def(
      "invoice_from_corporate",
      [](py::handle n) { return invoice_number::from_corporate(parse_arg<number_kind::corporate>(n)).to_string(); },
      py::arg("number"), "'T' + the corporate number.");
  m.def(
      "invoice_to_corporate",
      [parse_invoice](py::handle n) { return parse_invoice(n, true).digits_as_corporate_number().reveal(); },
      py::arg("number"), "The 13 digits of a T-number.");
  const auto party = [](py::handle text) {
    const std::string_view in = text_arg(text);
    auto invoice = invoice_number::try_parse_lenient(in);
    if (invoice) return party_identifier(*invoice);
    if (invoice.error().code != errc::missing_prefix) throw error(invoice.error());
    return party_identifier(corporate_number::try_parse_lenient(in).value());
  };
  m.def(
      "to_iso6523", [party](py::handle n) { return party(n).to_iso6523(); }, py::arg("number"),
      "ISO 6523 identifier: corporate number -> '0188:…', T-number -> '0221:T…'.");
  m.def(
      "to_peppol", [party](py::handle n) { return party(n).to_peppol_participant(); }, py::arg("number"),
      "Peppol participant id 'iso6523-actorid-upis::0188:…' / '…::0221:T…'.");
  const auto split = [](const party_identifier& id) {
    if (const auto* c = id.if_corporate()) return py::make_tuple(188, c->reveal());
    return py::make_tuple(221, id.if_invoice()->to_string());
  };
  m.def(
      "parse_iso6523", [split](py::handle id) { return split(try_parse_iso6523(text_arg(id)).value()); },
      py::arg("identifier"), "(188, corporate number) or (221, T-number) from an ISO 6523 identifier.");
  m.def(
      "parse_peppol", [split](py::handle id) { return split(try_parse_peppol_participant(text_arg(id)).value()); },
      py::arg("identifier"), "(188, corporate number) or (221, T-number) from a Peppol participant id.");

  // Bulk validation (status codes; 0 = valid). mynumber.validate_many chooses among these.
  m.def("_validate_sequence", &validate_sequence, py::arg("values"), py::arg("kind"), py::arg("lenient"));
  m.def("_validate_strided", &validate_strided_records, py::arg("buffer"), py::arg("count"), py::arg("stride"),
        py::arg("ucs4"), py::arg("kind"), py::arg("lenient"));
  m.def("_validate_arrow", &validate_arrow, py::arg("offsets"), py::arg("data"), py::arg("validity"), py::arg("offset"),
        py::arg("length"), py::arg("large"), py::arg("kind"), py::arg("lenient"));
  py::class_<line_stream>(m, "_LineStream",
                          "Streams newline-separated records from a file descriptor or a binary file object "
                          "through one reused buffer (the CLI's validate -f FILE / stdin path).")
      .def(py::init<py::object, int, bool, bool, std::size_t>(), py::arg("source"), py::kw_only(), py::arg("kind") = 0,
           py::arg("lenient") = false, py::arg("report_all") = false, py::arg("buffer_size") = std::size_t{1} << 20)
      .def("next", &line_stream::next,
           "(bytes read, valid, invalid, [(line, code, raw bytes or None)]) for the next chunk, or None at the "
           "end. Blank records are skipped; valid records are reported only with report_all.");
  m.def("_check_number", &check_number, py::arg("number"), py::arg("kind"), py::arg("strict"),
        "(kind name, digits or InvalidNumberError not raised) for one record: the CLI's per-record check.");
  m.def("validate_lines", &validate_lines_buffer, py::arg("buffer"), py::kw_only(), py::arg("kind") = 0,
        py::arg("lenient") = false,
        "Status codes (uint16, 0 = valid) of the newline-separated records in a bytes-like buffer. kind: 0 "
        "individual, 1 corporate, 2 auto (by digit count).");
}

}  // namespace mynumber::python
