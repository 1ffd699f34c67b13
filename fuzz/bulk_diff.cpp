// Fuzz target: differential test of the bulk validators (bulk.hpp). Every SIMD level this CPU
// supports must give the scalar reference's status bytes and counts, for both number kinds, as
// newline-separated text and as fixed-stride records.
//
// Input layout: byte 0 chooses the stride of the strided run (0–20) and the output size (full or
// cut short); the remaining bytes are the buffer. libFuzzer hands over an exact-size allocation,
// so AddressSanitizer catches any read past its end.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include <mynumber/bulk.hpp>

namespace {
constexpr mynumber::simd_level levels[] = {mynumber::simd_level::sse41, mynumber::simd_level::avx2,
                                           mynumber::simd_level::neon};

bool same(const mynumber::bulk_counts& a, const mynumber::bulk_counts& b) {
  return a.records == b.records && a.valid == b.valid && a.invalid == b.invalid;
}

template <class Run>
void compare(std::size_t out_size, Run run) {
  std::vector<std::uint8_t> expected(out_size + 1, 0xEE);
  const mynumber::bulk_counts reference = run(mynumber::simd_level::scalar, expected.data());
  if (reference.records != reference.valid + reference.invalid) std::abort();
  for (std::size_t i = 0; i < out_size && i < reference.records; ++i)
    if (expected[i] == 0xEE || expected[i] > 99) std::abort();  // a numbers-range errc or 0
  for (const mynumber::simd_level level : levels) {
    if (!mynumber::simd_level_supported(level)) continue;
    std::vector<std::uint8_t> actual(out_size + 1, 0xEE);
    if (!same(run(level, actual.data()), reference) || actual != expected) std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned control = data[0];
  const char* const bytes = reinterpret_cast<const char*>(data + 1);
  const std::size_t length = size - 1;
  const std::size_t stride = control % 21;
  const bool cut_short = (control & 0x80u) != 0;
  for (const mynumber::number_kind kind : {mynumber::number_kind::individual, mynumber::number_kind::corporate}) {
    const std::size_t line_records = length + 1;  // an upper bound on the number of lines
    const std::size_t line_out = cut_short ? line_records / 3 : line_records;
    compare(line_out, [&](mynumber::simd_level level, std::uint8_t* out) {
      return mynumber::validate_lines_with(level, std::string_view(bytes, length), kind, out, line_out);
    });
    if (stride == 0) continue;
    const std::size_t count = length / stride;
    const std::size_t strided_out = cut_short ? count / 3 : count;
    compare(strided_out, [&](mynumber::simd_level level, std::uint8_t* out) {
      return mynumber::validate_strided_with(level, bytes, count, stride, kind, out, strided_out);
    });
  }
  return 0;
}
