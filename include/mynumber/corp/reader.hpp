// File: corp/reader.hpp — the streaming reader for NTA corporate-number CSV files.
// Reads the bulk files (全件 / 差分, no header) and Web-API CSV responses (one header line
// `lastUpdateDate,count,divideNumber,divideSize` first) from a file, a .zip, a std::istream or
// memory, in constant memory (one buffer, reused strings). Encoding (UTF-8 with or without BOM, or
// CP932) is detected from the bytes; CRLF and LF both end a row; quoted fields may hold commas,
// doubled quotes and newlines (RFC 4180). Rows with 23, 28, 29 or 30 columns are accepted
// (corporate_data.md §1.4–§1.5).
//
// A row that breaks a rule is a *bad row*: it is counted, reported (file, line, row, reason) and
// skipped; reading goes on with the next line, so good rows are never lost. At the end,
// stats().rows == stats().good + stats().bad. Only I/O and archive failures stop a read.
#ifndef MYNUMBER_CORP_READER_HPP
#define MYNUMBER_CORP_READER_HPP

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/csv_simd.hpp"
#include "detail/fields.hpp"
#include "encoding.hpp"
#include "record.hpp"
#include "source.hpp"
#include "zip.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {

namespace detail {
// Bytes that end an unquoted CSV field (or are illegal in one: the quote).
[[nodiscard]] constexpr std::array<bool, 256> csv_delimiters() noexcept {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(',')] = true;
  t[static_cast<unsigned char>('\r')] = true;
  t[static_cast<unsigned char>('\n')] = true;
  t[static_cast<unsigned char>('"')] = true;
  return t;
}
}  // namespace detail

// A row that was rejected. `line` is the 1-based physical line where the row starts; `row` counts
// rows (records) in the file, 1-based, so a row holding a quoted newline spans two lines.
struct bad_row {
  std::string file;
  std::uint64_t line = 0;
  std::uint64_t row = 0;
  errc code = errc::csv_malformed;
  std::string reason;

  // "file:line: reason"
  [[nodiscard]] std::string message() const { return file + ":" + std::to_string(line) + ": " + reason; }
};

// The header line of a Web-API CSV response (and the leading elements of its XML).
struct api_header {
  civil_date last_update_date;
  std::uint64_t count = 0;          // records matching the request in total
  std::uint64_t divide_number = 0;  // this page (1-based)
  std::uint64_t divide_size = 0;    // number of pages
};

struct read_stats {
  std::uint64_t rows = 0;  // rows seen (good + bad); blank lines and API header lines are not rows
  std::uint64_t good = 0;
  std::uint64_t bad = 0;
  std::uint64_t bytes = 0;                          // bytes consumed (after decompression)
  std::uint64_t files = 0;                          // sources finished
  text_encoding encoding = text_encoding::unknown;  // of the current / last file
};

struct reader_options {
  // Force an encoding; unknown = detect per file.
  text_encoding encoding = text_encoding::unknown;
  // Read buffer; must be at least twice max_record_bytes (it is raised to that if smaller).
  std::size_t buffer_size = std::size_t{1} << 20;
  // A row longer than this is reported as bad (usually a quote that never closes).
  std::size_t max_record_bytes = 64 * 1024;
  // Bad rows kept in bad_rows(); every bad row is counted and passed to on_bad_row regardless.
  std::size_t max_kept_bad_rows = 1000;
  std::function<void(const bad_row&)> on_bad_row;
  // Accept a Web-API header line as the first line of each file.
  bool accept_api_header = true;
  // Use the vectorised row splitter and UTF-8 check (detail/csv_simd.hpp) where the CPU has them.
  // Off: the general parser only. Results are the same either way; the switch exists for
  // differential tests and for measuring what the vector path gains.
  bool vectorized = true;
};

class bulk_reader {
 public:
  explicit bulk_reader(std::vector<std::unique_ptr<byte_source>> sources, reader_options options = {})
      : sources_(std::move(sources)), options_(std::move(options)) {
    if (options_.max_record_bytes < 1024) options_.max_record_bytes = 1024;
    if (options_.buffer_size < 2 * options_.max_record_bytes) options_.buffer_size = 2 * options_.max_record_bytes;
    // The slack past buffer_size keeps the 64-byte block loads of the fast splitter inside the
    // allocation; no data is ever read into it.
    buffer_.resize(options_.buffer_size + 64);
    start_file();
  }
  explicit bulk_reader(std::unique_ptr<byte_source> source, reader_options options = {})
      : bulk_reader(one(std::move(source)), std::move(options)) {}

  // Opens a CSV file, or a .zip (recognised by its signature, not its name) whose .csv entries are
  // read one after another; other entries (the .asc signature) are skipped.
  [[nodiscard]] static result<bulk_reader> try_open(const std::string& path, reader_options options = {}) {
    auto sources = try_open_sources(path);
    if (!sources) return sources.error();
    return bulk_reader(std::move(*sources), std::move(options));
  }
  [[nodiscard]] static bulk_reader open(const std::string& path, reader_options options = {}) {
    return try_open(path, std::move(options)).value();
  }
  // Reads from a stream the caller keeps alive (std::cin for stdin). A zip on a stream is refused
  // as a bad first row would be pointless: errc::archive from the first try_next.
  [[nodiscard]] static bulk_reader from_stream(std::istream& in, std::string name = "<stdin>",
                                               reader_options options = {}) {
    return bulk_reader(std::make_unique<istream_source>(in, std::move(name)), std::move(options));
  }

  // The sources behind a path: one file, or the .csv entries of a zip.
  [[nodiscard]] static result<std::vector<std::unique_ptr<byte_source>>> try_open_sources(const std::string& path) {
    char magic[4] = {0, 0, 0, 0};
    {
      auto f = detail::open_file(path);
      if (!f) return f.error();
      if (std::fread(magic, 1, 4, f->get()) != 4) magic[0] = 0;
    }
    std::vector<std::unique_ptr<byte_source>> sources;
    if (std::memcmp(magic, "PK\x03\x04", 4) == 0 || std::memcmp(magic, "PK\x05\x06", 4) == 0) {
      auto entries = try_list_zip(path);
      if (!entries) return entries.error();
      for (zip_entry& e : *entries)
        if (is_csv_entry(e.name)) sources.push_back(std::make_unique<zip_entry_source>(path, std::move(e)));
      if (sources.empty()) return error_info{errc::archive, no_position, -1, path + ": no .csv entry in the zip"};
      return sources;
    }
    auto file = file_source::open(path);
    if (!file) return file.error();
    sources.push_back(std::move(*file));
    return sources;
  }

  // Reads the next good row into `out`. Returns false at the end of the last source. Bad rows are
  // reported and skipped. Errors only for I/O or archive failures, after which the reader is
  // finished. The record_view form copies nothing: its text stays valid until the next call. The
  // record form copies into `out`'s strings, reusing their storage (keep one record across calls).
  [[nodiscard]] result<bool> try_next(record& out) {
    auto more = try_next(view_);
    if (more && *more) out.assign(view_);
    return more;
  }
  [[nodiscard]] bool next(record& out) { return try_next(out).value(); }
  [[nodiscard]] result<bool> try_next(record_view& out) {
    for (;;) {
      if (failed_) return failure_;
      if (current_ >= sources_.size()) return false;
      if (!skip_to_newline_ && pos_ < end_) {
        const row_status status = parse_row();
        if (status == row_status::complete) {
          if (build(out)) return true;
          continue;
        }
        if (status == row_status::skipped) continue;
        if (status == row_status::malformed) {
          report(row_line_, errc::csv_malformed, std::move(reason_));
          resync();
          continue;
        }
        // need_more: fall through to refill (a row longer than the limit is malformed instead).
        if (end_ - pos_ >= options_.max_record_bytes) {
          report(
              line_, errc::csv_malformed,
              "row longer than " + std::to_string(options_.max_record_bytes) + " bytes (unterminated quoted field?)");
          resync();
          continue;
        }
      }
      if (skip_to_newline_) {
        resync();
        if (skip_to_newline_ && eof_) {
          pos_ = end_;
          skip_to_newline_ = false;
        }
        if (!skip_to_newline_) continue;
      }
      if (eof_) {
        if (pos_ < end_) continue;  // parse_row treats the buffer end as the end of the row now
        finish_file();
        continue;
      }
      if (auto filled = fill(); !filled) {
        failed_ = true;
        failure_ = filled.error();
        return failure_;
      }
    }
  }
  [[nodiscard]] bool next(record_view& out) { return try_next(out).value(); }

  [[nodiscard]] const read_stats& stats() const noexcept { return stats_; }
  [[nodiscard]] const std::vector<bad_row>& bad_rows() const noexcept { return bad_rows_; }
  // Name and start line of the row last returned.
  [[nodiscard]] const std::string& file_name() const noexcept { return file_name_; }
  [[nodiscard]] std::uint64_t line() const noexcept { return row_line_; }
  // The Web-API header line of the file being read (or the last one read), if it had one.
  [[nodiscard]] const std::optional<api_header>& header() const noexcept { return header_; }

 private:
  enum class row_status { complete, need_more, malformed, skipped };
  static constexpr std::size_t max_fields = 32;

  static std::vector<std::unique_ptr<byte_source>> one(std::unique_ptr<byte_source> s) {
    std::vector<std::unique_ptr<byte_source>> v;
    v.push_back(std::move(s));
    return v;
  }

  void start_file() {
    pos_ = end_ = 0;
    eof_ = false;
    line_ = 1;
    row_in_file_ = 0;
    first_row_ = true;
    skip_to_newline_ = false;
    bom_checked_ = false;
    encoding_ = options_.encoding;
    if (current_ < sources_.size()) file_name_ = sources_[current_]->name();
  }
  void finish_file() {
    ++stats_.files;
    sources_[current_].reset();  // release the handle now
    ++current_;
    start_file();
  }

  [[nodiscard]] result<void> fill() {
    if (pos_ != 0) {
      std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
      end_ -= pos_;
      pos_ = 0;
    }
    while (end_ < options_.buffer_size) {
      auto got = sources_[current_]->read(buffer_.data() + end_, options_.buffer_size - end_);
      if (!got) return got.error();
      if (*got == 0) {
        eof_ = true;
        break;
      }
      end_ += *got;
      stats_.bytes += *got;
    }
    if (!bom_checked_ && (end_ >= 3 || eof_)) {
      bom_checked_ = true;
      if (end_ >= 2 && std::memcmp(buffer_.data(), "PK", 2) == 0 &&
          (std::memcmp(buffer_.data(), "PK\x03\x04", std::min<std::size_t>(end_, 4)) == 0)) {
        return error_info{errc::archive, no_position, -1,
                          file_name_ + ": a zip archive needs a seekable file (pass its path)"};
      }
      if (std::string_view(buffer_.data(), end_).substr(0, 3) == utf8_bom) {
        pos_ = 3;
        if (encoding_ == text_encoding::unknown) encoding_ = text_encoding::utf8;
      }
    }
    if (encoding_ == text_encoding::unknown)
      encoding_ = detect_encoding(std::string_view(buffer_.data() + pos_, end_ - pos_), eof_);
    stats_.encoding = encoding_;
    return {};
  }

  // Splits one row starting at pos_ into fields_: the vectorised splitter for rows of the plain
  // shape, else the general parser below (see detail/csv_simd.hpp).
  row_status parse_row() {
    detail::csv_split split;
    const char* const begin = buffer_.data() + pos_;
    // In a UTF-8 file (or one that is ASCII so far) the fused kernel checks the bytes too.
    const detail::split_plain_row_fn splitter = split_plain_utf8_row_ != nullptr && encoding_ != text_encoding::cp932
                                                    ? split_plain_utf8_row_
                                                    : split_plain_row_;
    if (options_.vectorized && splitter(begin, buffer_.data() + end_, fields_.data(), max_fields, split)) {
      utf8_checked_ = splitter == split_plain_utf8_row_;
      row_line_ = line_;
      ++line_;
      pos_ = static_cast<std::size_t>(split.next - buffer_.data());
      row_begin_ = begin;
      row_end_ = split.row_end;
      field_count_ = split.fields;
      escaped_ = 0;
      return row_status::complete;
    }
    return parse_row_general();
  }

  // Splits one row starting at pos_ into fields_ (bit i of escaped_: field i still holds doubled
  // quotes). At end of input the buffer end closes the row.
  row_status parse_row_general() {
    const char* const begin = buffer_.data() + pos_;
    const char* const end = buffer_.data() + end_;
    const char* p = begin;
    std::size_t n = 0;
    std::uint64_t newlines_inside = 0;
    std::uint32_t escaped = 0;
    for (;;) {
      std::string_view field(p, 0);
      bool field_escaped = false;
      const char* after = nullptr;  // the delimiter position
      if (p < end && *p == '"') {
        const char* q = p + 1;
        for (;;) {
          const void* hit = std::memchr(q, '"', static_cast<std::size_t>(end - q));
          if (hit == nullptr) {
            if (!eof_) return row_status::need_more;
            reason_ = "unterminated quoted field in column " + std::to_string(n + 1);
            row_line_ = line_;
            return row_status::malformed;
          }
          const char* h = static_cast<const char*>(hit);
          if (h + 1 == end && !eof_) return row_status::need_more;
          if (h + 1 < end && h[1] == '"') {
            field_escaped = true;
            q = h + 2;
            continue;
          }
          field = std::string_view(p + 1, static_cast<std::size_t>(h - p - 1));
          after = h + 1;
          break;
        }
        for (const char* s = field.data(); s < field.data() + field.size();) {
          const void* nl = std::memchr(s, '\n', static_cast<std::size_t>(field.data() + field.size() - s));
          if (nl == nullptr) break;
          ++newlines_inside;
          s = static_cast<const char*>(nl) + 1;
        }
        if (after < end && *after != ',' && *after != '\r' && *after != '\n') {
          reason_ = "text after the closing quote in column " + std::to_string(n + 1);
          row_line_ = line_;
          return row_status::malformed;
        }
      } else {
        const char* q = p;
        while (q < end && !delimiter_[static_cast<unsigned char>(*q)]) ++q;
        if (q == end && !eof_) return row_status::need_more;
        if (q < end && *q == '"') {
          reason_ = "quote inside an unquoted field in column " + std::to_string(n + 1);
          row_line_ = line_;
          return row_status::malformed;
        }
        field = std::string_view(p, static_cast<std::size_t>(q - p));
        after = q;
      }
      if (n < max_fields) {
        fields_[n] = field;
        if (field_escaped) escaped |= std::uint32_t{1} << n;
      }
      ++n;
      if (after < end && *after == ',') {
        p = after + 1;
        if (p == end && !eof_) return row_status::need_more;
        continue;
      }
      // End of row: CRLF, LF, a lone CR, or the end of the input.
      const char* next = after;
      if (after < end) {
        if (*after == '\r') {
          if (after + 1 == end && !eof_) return row_status::need_more;
          next = after + 1 < end && after[1] == '\n' ? after + 2 : after + 1;
        } else {
          next = after + 1;
        }
      }
      row_line_ = line_;
      line_ += 1 + newlines_inside;
      pos_ = static_cast<std::size_t>(next - buffer_.data());
      row_begin_ = begin;
      row_end_ = after;
      field_count_ = n;
      escaped_ = escaped;
      utf8_checked_ = false;
      if (n == 1 && fields_[0].empty() && begin[0] != '"') return row_status::skipped;  // blank line
      return row_status::complete;
    }
  }

  // Skips to just after the first newline from pos_ (the row that failed loses only its own line).
  void resync() {
    const char* const begin = buffer_.data() + pos_;
    const void* nl = std::memchr(begin, '\n', end_ - pos_);
    if (nl == nullptr) {
      pos_ = end_;
      skip_to_newline_ = !eof_;
      return;
    }
    pos_ = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data()) + 1;
    ++line_;
    skip_to_newline_ = false;
  }

  void report(std::uint64_t line, errc code, std::string reason) {
    if (!skip_to_newline_) {
      ++row_in_file_;
      ++stats_.rows;
    }
    ++stats_.bad;
    bad_row row{file_name_, line, row_in_file_, code, std::move(reason)};
    if (options_.on_bad_row) options_.on_bad_row(row);
    if (bad_rows_.size() < options_.max_kept_bad_rows) bad_rows_.push_back(std::move(row));
  }

  // Decodes the spans of the parsed row and fills `out`; false (after reporting) for a bad row.
  bool build(record_view& out) {
    const std::size_t n = field_count_;
    const bool header_candidate = first_row_;
    first_row_ = false;
    if (header_candidate) header_.reset();
    if (header_candidate && options_.accept_api_header && n == 4 && read_header()) return false;
    ++row_in_file_;
    ++stats_.rows;
    if (n > max_fields || !is_layout_width(n)) {
      report_counted(errc::csv_malformed, std::to_string(n) + " columns; expected 30 (or 23, 28, 29 in older layouts)");
      return false;
    }
    const std::string_view raw(row_begin_, static_cast<std::size_t>(row_end_ - row_begin_));
    const bool cp932 = encoding_ == text_encoding::cp932;
    if (!cp932 && !utf8_checked_ &&
        !(options_.vectorized ? is_valid_utf8(raw) : valid_utf8_prefix(raw) == raw.size())) {
      const std::size_t good = valid_utf8_prefix(raw);
      report_counted(errc::encoding, "invalid UTF-8 in column " + std::to_string(column_at(raw.data() + good) + 1));
      return false;
    }
    // Doubled quotes are collapsed into per-column strings (only the general parser leaves them).
    for (std::uint32_t rest = escaped_; rest != 0; rest &= rest - 1) {
      const unsigned i = detail::lowest_bit(rest);
      const std::string_view text = fields_[i];
      std::string& tmp = unescaped_[i];
      tmp.clear();
      for (std::size_t k = 0; k < text.size(); ++k) {
        tmp.push_back(text[k]);
        if (text[k] == '"') ++k;  // the second quote of a doubled pair
      }
      fields_[i] = tmp;
    }
    // CP932 text is decoded into one buffer sized for the worst case up front, so the views into
    // it stay put while later columns are decoded. ASCII reads the same in both encodings: no copy.
    if (cp932) {
      decoded_.resize(cp932_decoded_capacity(raw.size()));
      char* decoded = &decoded_[0];
      for (std::size_t i = 0; i < n; ++i) {
        const std::string_view text = fields_[i];
        if (is_ascii(text)) continue;
        std::size_t written = 0;
        if (cp932_decode(text.data(), text.size(), decoded, written) != std::string_view::npos) {
          report_counted(errc::encoding, "invalid CP932 byte sequence in column " + std::to_string(i + 1));
          return false;
        }
        fields_[i] = std::string_view(decoded, written);
        decoded += written;
      }
    }
    if (error_info e; !detail::fill_record(fields_.data(), n, out, e)) {
      report_counted(e.code, std::move(e.detail));
      return false;
    }
    ++stats_.good;
    return true;
  }
  void report_counted(errc code, std::string reason) {
    ++stats_.bad;
    bad_row row{file_name_, row_line_, row_in_file_, code, std::move(reason)};
    if (options_.on_bad_row) options_.on_bad_row(row);
    if (bad_rows_.size() < options_.max_kept_bad_rows) bad_rows_.push_back(std::move(row));
  }
  [[nodiscard]] std::size_t column_at(const char* p) const noexcept {
    std::size_t col = 0;
    for (std::size_t i = 0; i < field_count_ && i < max_fields; ++i)
      if (fields_[i].data() <= p) col = i;
    return col;
  }
  bool read_header() {
    api_header h;
    const std::string_view d = fields_[0];
    if (!parse_date(d, h.last_update_date)) return false;
    std::uint64_t* slots[3] = {&h.count, &h.divide_number, &h.divide_size};
    for (std::size_t i = 1; i < 4; ++i) {
      const std::string_view s = fields_[i];
      if (s.empty() || s.size() > 19 || !detail::all_digits(s)) return false;
      *slots[i - 1] = 0;
      for (char c : s) *slots[i - 1] = *slots[i - 1] * 10 + static_cast<std::uint64_t>(c - '0');
    }
    header_ = h;
    return true;
  }

  static constexpr std::array<bool, 256> delimiter_ = detail::csv_delimiters();

  std::vector<std::unique_ptr<byte_source>> sources_;
  reader_options options_;
  std::size_t current_ = 0;
  std::vector<char> buffer_;
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  bool bom_checked_ = false;
  bool skip_to_newline_ = false;
  bool first_row_ = true;
  bool failed_ = false;
  error_info failure_{};
  text_encoding encoding_ = text_encoding::unknown;
  std::string file_name_;
  std::uint64_t line_ = 1, row_line_ = 0, row_in_file_ = 0;
  std::array<std::string_view, max_fields> fields_{};  // the split row; decoded text once built
  std::uint32_t escaped_ = 0;
  std::array<std::string, max_fields> unescaped_{};
  std::string decoded_;  // the UTF-8 of a CP932 row
  record_view view_;     // behind try_next(record&)
  detail::split_plain_row_fn split_plain_row_ = detail::best_split_plain_row();
  detail::split_plain_row_fn split_plain_utf8_row_ = detail::best_split_plain_utf8_row();  // may be null
  bool utf8_checked_ = false;  // the row in fields_ came from the fused kernel: known valid UTF-8
  std::size_t field_count_ = 0;
  const char* row_begin_ = nullptr;
  const char* row_end_ = nullptr;
  std::string reason_;
  read_stats stats_{};
  std::vector<bad_row> bad_rows_;
  std::optional<api_header> header_;
};

}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_READER_HPP
