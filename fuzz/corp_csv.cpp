// Fuzz target: the NTA bulk-CSV reader (corp/reader.hpp) on arbitrary bytes, with a small buffer so
// refills, long rows and resynchronisation are reached. Properties beyond "no crash": the totals
// reconcile (rows == good + bad), every good row's corporate number passes the check digit, every
// bad row names a line, the Web-API CSV parser agrees with the reader on the good-row count, and
// it is differential: the reader with its vector path (corp/detail/csv_simd.hpp) gives exactly the
// rows and bad rows of the general parser alone; every row splitter agrees with the plain C++ one
// at every row start (the one with the built-in UTF-8 check declines exactly the invalid rows
// besides); the AVX2 UTF-8 check agrees with the scalar decoder.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <mynumber/corp/detail/csv_simd.hpp>
#include <mynumber/corp/reader.hpp>
#include <mynumber/corp/webapi.hpp>

namespace {

using namespace mynumber::corp;

struct outcome {
  std::vector<record> rows;
  std::vector<bad_row> bad;
  read_stats stats;
  bool header = false;  // the first line was a Web-API header
};

outcome read_all(std::string_view bytes, bool vectorized) {
  reader_options options;
  options.max_record_bytes = 1024;
  options.buffer_size = 2048;
  options.vectorized = vectorized;
  std::uint64_t reported = 0;
  options.on_bad_row = [&](const bad_row& b) {
    if (b.line == 0 || b.reason.empty()) std::abort();
    ++reported;
  };
  bulk_reader reader(std::make_unique<memory_source>(bytes, "fuzz"), options);
  outcome out;
  record r;
  for (;;) {
    auto more = reader.try_next(r);
    if (!more || !*more) break;  // an archive error (zip signature on a stream) ends the read
    if (!mynumber::corporate_number::try_parse(r.corporate_number)) std::abort();
    if (!is_valid_utf8(r.name) || !is_valid_utf8(r.change_cause)) std::abort();
    out.rows.push_back(r);
  }
  out.stats = reader.stats();
  out.bad = reader.bad_rows();
  out.header = reader.header().has_value();
  if (out.stats.rows != out.stats.good + out.stats.bad || out.stats.good != out.rows.size() ||
      out.stats.bad != reported)
    std::abort();
  return out;
}

// Whether splitter `b` agrees with splitter `a` on the row at `p`. With `b_checks_utf8`, b must
// also decline the rows a takes whose bytes (up to the LF) are not valid UTF-8.
bool same_split(detail::split_plain_row_fn a, detail::split_plain_row_fn b, const char* p, const char* end,
                bool b_checks_utf8 = false) {
  std::string_view fa[32], fb[32];
  detail::csv_split sa, sb;
  bool ta = a(p, end, fa, 32, sa);
  const bool tb = b(p, end, fb, 32, sb);
  if (ta && b_checks_utf8) {
    const std::string_view row(p, static_cast<std::size_t>(sa.next - p));
    ta = valid_utf8_prefix(row) == row.size();
  }
  if (ta != tb) return false;
  if (!ta) return true;
  if (sa.next != sb.next || sa.row_end != sb.row_end || sa.fields != sb.fields) return false;
  for (std::size_t i = 0; i < sa.fields; ++i)
    if (fa[i] != fb[i]) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const outcome vector_path = read_all(bytes, true);
  const outcome general = read_all(bytes, false);
  if (vector_path.rows != general.rows || vector_path.bad.size() != general.bad.size()) std::abort();
  for (std::size_t i = 0; i < general.bad.size(); ++i)
    if (vector_path.bad[i].line != general.bad[i].line || vector_path.bad[i].reason != general.bad[i].reason)
      std::abort();

  // The splitters at every line start, on a copy with the 64 readable bytes of slack they need.
  std::string padded(bytes);
  padded.append(64, '\n');
  const char* const end = padded.data() + size;
  const detail::split_plain_row_fn best = detail::best_split_plain_row();
  const detail::split_plain_row_fn utf8_checking = detail::best_split_plain_utf8_row();
  for (const char* p = padded.data(); p < end;) {
    if (!same_split(&detail::split_plain_row_scalar, best, p, end)) std::abort();
    if (utf8_checking != nullptr && !same_split(&detail::split_plain_row_scalar, utf8_checking, p, end, true))
      std::abort();
#if defined(MYNUMBER_SIMD_X86)
    if (!same_split(&detail::split_plain_row_scalar, &detail::split_plain_row_sse2, p, end)) std::abort();
#endif
    const void* lf = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (lf == nullptr) break;
    p = static_cast<const char*>(lf) + 1;
  }
#if defined(MYNUMBER_SIMD_X86)
  if (mynumber::detail::cpu_has_avx2() &&
      detail::utf8_valid_avx2(bytes.data(), bytes.size()) != (valid_utf8_prefix(bytes) == bytes.size()))
    std::abort();
#endif

  const auto api = try_parse_api_csv(bytes);
  if (api && vector_path.header && api->records.size() != vector_path.rows.size()) std::abort();
  return 0;
}
