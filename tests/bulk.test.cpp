// Tests for bulk.hpp: the semantics of the scalar reference, and differential tests that run every
// code path this CPU supports (simd_level) over generated sets and require status bytes and counts
// identical to the scalar path.
#include <mynumber/bulk.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <mynumber/generate.hpp>

namespace mn = mynumber;
using mn::number_kind;
using mn::simd_level;

namespace {

constexpr number_kind kinds[] = {number_kind::individual, number_kind::corporate};
constexpr simd_level all_levels[] = {simd_level::scalar, simd_level::sse41, simd_level::avx2, simd_level::neon};
constexpr std::uint8_t guard = 0xEE;  // never a status byte

std::uint8_t code(mn::errc e) { return static_cast<std::uint8_t>(e); }

// Copies `text` into an allocation of exactly its size, so AddressSanitizer catches any read past
// the end of the caller's buffer.
struct exact_buffer {
  explicit exact_buffer(std::string_view text)
      : size(text.size()), bytes(new char[text.size() == 0 ? 1 : text.size()]) {
    if (!text.empty()) text.copy(bytes.get(), text.size());
  }
  [[nodiscard]] std::string_view view() const { return {bytes.get(), size}; }
  std::size_t size;
  std::unique_ptr<char[]> bytes;
};

struct run_result {
  mn::bulk_counts counts;
  std::vector<std::uint8_t> status;  // out_size status bytes plus guard bytes
};

bool same(const run_result& a, const run_result& b) {
  return a.counts.records == b.counts.records && a.counts.valid == b.counts.valid &&
         a.counts.invalid == b.counts.invalid && a.status == b.status;
}

run_result run_lines(simd_level level, std::string_view text, number_kind kind, std::size_t out_size) {
  const exact_buffer buffer(text);
  run_result r;
  r.status.assign(out_size + 16, guard);
  r.counts = mn::validate_lines_with(level, buffer.view(), kind, r.status.data(), out_size);
  return r;
}

run_result run_strided(simd_level level, std::string_view records, std::size_t count, std::size_t stride,
                       number_kind kind, std::size_t out_size) {
  const exact_buffer buffer(records);
  run_result r;
  r.status.assign(out_size + 16, guard);
  r.counts = mn::validate_strided_with(level, buffer.bytes.get(), count, stride, kind, r.status.data(), out_size);
  return r;
}

// Every supported level (and the dispatched entry point) must agree with scalar on `text`, with
// full output, truncated output and no output. Returns the scalar result for further checks.
run_result check_lines_everywhere(std::string_view text, number_kind kind) {
  const run_result reference = run_lines(simd_level::scalar, text, kind, text.size() + 1);
  CHECK(reference.counts.records == reference.counts.valid + reference.counts.invalid);
  const std::size_t records = reference.counts.records;
  for (const std::size_t out_size : {records, records / 2, std::size_t{0}}) {
    const run_result scalar = run_lines(simd_level::scalar, text, kind, out_size);
    for (simd_level level : all_levels) {
      if (!mn::simd_level_supported(level)) continue;
      CAPTURE(mn::to_string(level));
      CAPTURE(out_size);
      CHECK(same(run_lines(level, text, kind, out_size), scalar));
    }
    const exact_buffer buffer(text);
    run_result dispatched;
    dispatched.status.assign(out_size + 16, guard);
    dispatched.counts = mn::validate_lines(buffer.view(), kind, dispatched.status.data(), out_size);
    CHECK(same(dispatched, scalar));
    CHECK(mn::validate_lines(buffer.view(), kind, nullptr, 0).valid == reference.counts.valid);
  }
  return reference;
}

run_result check_strided_everywhere(std::string_view records, std::size_t count, std::size_t stride, number_kind kind) {
  const run_result reference = run_strided(simd_level::scalar, records, count, stride, kind, count);
  for (const std::size_t out_size : {count, count / 2, std::size_t{0}}) {
    const run_result scalar = run_strided(simd_level::scalar, records, count, stride, kind, out_size);
    for (simd_level level : all_levels) {
      if (!mn::simd_level_supported(level)) continue;
      CAPTURE(mn::to_string(level));
      CAPTURE(out_size);
      CHECK(same(run_strided(level, records, count, stride, kind, out_size), scalar));
    }
    const exact_buffer buffer(records);
    run_result dispatched;
    dispatched.status.assign(out_size + 16, guard);
    dispatched.counts =
        mn::validate_strided(buffer.bytes.get(), count, stride, kind, dispatched.status.data(), out_size);
    CHECK(same(dispatched, scalar));
  }
  return reference;
}

std::string valid_number(std::mt19937_64& rng, number_kind kind) {
  return kind == number_kind::individual ? mn::generate<number_kind::individual>(rng).reveal()
                                         : mn::generate<number_kind::corporate>(rng).reveal();
}

char random_digit(std::mt19937_64& rng) { return static_cast<char>('0' + rng() % 10); }

std::size_t length_of(number_kind kind) {
  return kind == number_kind::individual ? mn::individual_number_length : mn::corporate_number_length;
}

// A byte drawn mostly from the characters that matter to the parser.
char interesting_byte(std::mt19937_64& rng) {
  static constexpr char pool[] = {'\n', '\r', ' ', '\0', '0', '5', '9', '/', ':', '-', 'a', '\x7f'};
  if (rng() % 4 == 0) return static_cast<char>(rng() % 256);
  return pool[rng() % sizeof pool];
}

}  // namespace

TEST_CASE("simd levels: names, support and dispatch") {
  CHECK(mn::to_string(simd_level::scalar) == "scalar");
  CHECK(mn::to_string(simd_level::sse41) == "sse4.1");
  CHECK(mn::to_string(simd_level::avx2) == "avx2");
  CHECK(mn::to_string(simd_level::neon) == "neon");
  CHECK(mn::simd_level_supported(simd_level::scalar));
  CHECK(mn::simd_level_supported(mn::best_simd_level()));
  // The best level is at least as wide as any other supported one.
  if (mn::simd_level_supported(simd_level::avx2)) CHECK(mn::best_simd_level() == simd_level::avx2);
#if defined(__x86_64__)
  CHECK_FALSE(mn::simd_level_supported(simd_level::neon));
#endif
#if defined(__aarch64__)
  CHECK(mn::simd_level_supported(simd_level::neon));
  CHECK_FALSE(mn::simd_level_supported(simd_level::avx2));
#endif
  MESSAGE("best simd level on this machine: " << mn::to_string(mn::best_simd_level()));
}

TEST_CASE("validate_lines_scalar: record splitting and status codes") {
  const std::string_view text =
      "123456789018\n"      // valid (numbers.md test vector)
      "123456789017\r\n"    // check digit mismatch, CRLF
      "\n"                  // empty line
      "12345678901\n"       // too short
      "1234567890180\n"     // too long
      "12345a789018\n"      // invalid character
      "123456789018\r\r\n"  // CR inside the record
      "123456789018";       // final line without newline
  std::uint8_t status[8];
  const mn::bulk_counts counts = mn::validate_lines_scalar(text, number_kind::individual, status, 8);
  CHECK(counts.records == 8);
  CHECK(counts.valid == 2);
  CHECK(counts.invalid == 6);
  CHECK(status[0] == 0);
  CHECK(status[1] == code(mn::errc::check_digit_mismatch));
  CHECK(status[2] == code(mn::errc::empty));
  CHECK(status[3] == code(mn::errc::too_short));
  CHECK(status[4] == code(mn::errc::too_long));
  CHECK(status[5] == code(mn::errc::invalid_character));
  CHECK(status[6] == code(mn::errc::invalid_character));
  CHECK(status[7] == 0);

  // A final newline does not start another record; a lone "\r" line is empty.
  CHECK(mn::validate_lines_scalar("123456789018\n", number_kind::individual, nullptr, 0).records == 1);
  CHECK(mn::validate_lines_scalar("", number_kind::individual, nullptr, 0).records == 0);
  std::uint8_t one = guard;
  CHECK(mn::validate_lines_scalar("\r\n", number_kind::individual, &one, 1).invalid == 1);
  CHECK(one == code(mn::errc::empty));

  // Records past out_size are counted but not written.
  std::uint8_t two[3] = {guard, guard, guard};
  const mn::bulk_counts partial = mn::validate_lines_scalar(text, number_kind::individual, two, 2);
  CHECK(partial.records == 8);
  CHECK(two[2] == guard);
}

TEST_CASE("validate_strided_scalar: padding and status codes") {
  // Stride 16: trailing spaces and NULs are padding, inner spaces are not.
  std::string records;
  records += std::string("7000012050002") + std::string(3, ' ');      // valid corporate
  records += std::string("7000012050002") + std::string("\0 \0", 3);  // valid, mixed padding
  records += std::string("8000012050002") + std::string(3, ' ');      // check digit mismatch
  records += std::string("700001205000") + std::string(4, '\0');      // too short
  records += std::string("7000 12050002") + std::string(3, ' ');      // invalid character
  records += std::string(16, ' ');                                    // empty
  std::uint8_t status[6];
  const mn::bulk_counts counts = mn::validate_strided_scalar(records.data(), 6, 16, number_kind::corporate, status, 6);
  CHECK(counts.records == 6);
  CHECK(counts.valid == 2);
  CHECK(status[0] == 0);
  CHECK(status[1] == 0);
  CHECK(status[2] == code(mn::errc::check_digit_mismatch));
  CHECK(status[3] == code(mn::errc::too_short));
  CHECK(status[4] == code(mn::errc::invalid_character));
  CHECK(status[5] == code(mn::errc::empty));
}

TEST_CASE("differential: random valid numbers, LF and CRLF, with and without a final newline") {
  std::mt19937_64 rng(20261127);
  for (number_kind kind : kinds) {
    CAPTURE(mn::to_string(kind));
    for (const char* ending : {"\n", "\r\n"}) {
      std::string text;
      for (int i = 0; i < 3000; ++i) text += valid_number(rng, kind) + ending;
      const run_result all = check_lines_everywhere(text, kind);
      CHECK(all.counts.records == 3000);
      CHECK(all.counts.valid == 3000);
      text.resize(text.size() - std::string_view(ending).size());
      CHECK(check_lines_everywhere(text, kind).counts.valid == 3000);
    }
  }
}

TEST_CASE("differential: every check digit for each base, and every single-digit corruption") {
  std::mt19937_64 rng(9);
  for (number_kind kind : kinds) {
    CAPTURE(mn::to_string(kind));
    const std::size_t check_at = kind == number_kind::individual ? 11 : 0;
    // All ten check digits of 400 bases: exactly one of each ten is valid, the rest are mismatches.
    std::string text;
    for (int b = 0; b < 400; ++b) {
      std::string number = valid_number(rng, kind);
      for (char c = '0'; c <= '9'; ++c) {
        number[check_at] = c;
        text += number + '\n';
      }
    }
    const run_result checks = check_lines_everywhere(text, kind);
    CHECK(checks.counts.records == 4000);
    CHECK(checks.counts.valid == 400);
    for (std::size_t i = 0; i < checks.counts.records; ++i)
      CHECK((checks.status[i] == 0 || checks.status[i] == code(mn::errc::check_digit_mismatch)));

    // Every single-digit change of 60 valid numbers, in both line endings.
    std::string corrupted;
    std::size_t changes = 0;
    for (int n = 0; n < 60; ++n) {
      const std::string number = valid_number(rng, kind);
      for (std::size_t pos = 0; pos < number.size(); ++pos) {
        for (char c = '0'; c <= '9'; ++c) {
          if (c == number[pos]) continue;
          std::string changed = number;
          changed[pos] = c;
          corrupted += changed + (changes % 3 == 0 ? "\r\n" : "\n");
          ++changes;
        }
      }
    }
    const run_result single = check_lines_everywhere(corrupted, kind);
    CHECK(single.counts.records == changes);
    // Changing the check digit itself is always caught; the rule misses some base-digit changes
    // of an Individual Number (remainders 0 and 1 share check digit 0), so only count those.
    CHECK(single.counts.invalid > changes * 9 / 10);
  }
}

TEST_CASE("differential: boundary lengths and terminators") {
  std::mt19937_64 rng(77);
  for (number_kind kind : kinds) {
    CAPTURE(mn::to_string(kind));
    const std::size_t length = length_of(kind);
    using namespace std::string_view_literals;
    const std::string_view endings[] = {"\n"sv, "\r\n"sv, "\r\r\n"sv, "\n\r"sv, "\r"sv, " \n"sv, "\0\n"sv};
    std::string text;
    for (int round = 0; round < 40; ++round) {
      for (std::size_t len = 0; len <= length + 5; ++len) {
        for (const std::string_view ending : endings) {
          std::string line = valid_number(rng, kind);
          line.resize(len, '0');
          text += line;
          text += ending;
        }
      }
    }
    check_lines_everywhere(text, kind);
    // The same lines as separate buffers: each line alone, and each line after 8 valid ones.
    const std::string prefix = [&] {
      std::string p;
      for (int i = 0; i < 8; ++i) p += valid_number(rng, kind) + '\n';
      return p;
    }();
    for (std::size_t len = 0; len <= length + 5; ++len) {
      for (const std::string_view ending : endings) {
        std::string line(len, '7');
        line += ending;
        check_lines_everywhere(line, kind);
        check_lines_everywhere(prefix + line, kind);
        check_lines_everywhere(prefix + line + prefix, kind);
      }
    }
  }
}

TEST_CASE("differential: every prefix of a buffer (tail handling, no read past the end)") {
  std::mt19937_64 rng(5);
  for (number_kind kind : kinds) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += valid_number(rng, kind) + (i % 9 == 8 ? "\r\n" : "\n");
    for (std::size_t n = 0; n <= text.size(); ++n) check_lines_everywhere(std::string_view(text).substr(0, n), kind);
  }
}

TEST_CASE("differential: one bad record at each position of a batch") {
  std::mt19937_64 rng(11);
  for (number_kind kind : kinds) {
    CAPTURE(mn::to_string(kind));
    for (const char* bad : {"", "1", "12345678901234567", "x", "\r", "0000000000000", "000000000000"}) {
      for (std::size_t at = 0; at < 40; ++at) {
        std::string text;
        for (std::size_t i = 0; i < 48; ++i) text += (i == at ? std::string(bad) : valid_number(rng, kind)) + '\n';
        check_lines_everywhere(text, kind);
      }
    }
  }
}

TEST_CASE("differential: random garbage and near-misses") {
  std::mt19937_64 rng(1234);
  for (number_kind kind : kinds) {
    CAPTURE(mn::to_string(kind));
    const std::size_t length = length_of(kind);
    for (int round = 0; round < 300; ++round) {
      std::string text;
      const int lines = static_cast<int>(rng() % 40);
      for (int i = 0; i < lines; ++i) {
        std::string line;
        switch (rng() % 4) {
          case 0:  // pure garbage
            for (std::size_t j = rng() % 20; j > 0; --j) line += interesting_byte(rng);
            break;
          case 1: {  // a number with one byte replaced
            line = valid_number(rng, kind);
            line[rng() % line.size()] = interesting_byte(rng);
            break;
          }
          case 2:  // random digits of a near length
            for (std::size_t j = length - 1 + rng() % 3; j > 0; --j) line += random_digit(rng);
            break;
          default: line = valid_number(rng, kind);
        }
        text += line;
        text += rng() % 5 == 0 ? "\r\n" : "\n";
      }
      if (rng() % 2 == 0 && !text.empty()) text.pop_back();
      check_lines_everywhere(text, kind);
    }
  }
}

TEST_CASE("differential: validate_strided over strides 0 to 20") {
  std::mt19937_64 rng(42);
  for (number_kind kind : kinds) {
    CAPTURE(mn::to_string(kind));
    for (std::size_t stride = 0; stride <= 20; ++stride) {
      CAPTURE(stride);
      for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{8}, std::size_t{9},
                                      std::size_t{64}, std::size_t{203}}) {
        std::string records;
        std::size_t expected_valid = 0;
        for (std::size_t r = 0; r < count; ++r) {
          std::string rec;
          const unsigned pick = static_cast<unsigned>(rng() % 8);
          if (pick < 5) {  // a valid number, padded with spaces or NULs (cut if the stride is short)
            rec = valid_number(rng, kind);
            if (rec.size() <= stride) ++expected_valid;
            while (rec.size() < stride) rec += rng() % 2 == 0 ? ' ' : '\0';
          } else if (pick == 5) {  // mismatch
            rec = valid_number(rng, kind);
            const std::size_t at = kind == number_kind::individual ? 11 : 0;
            rec[at] = static_cast<char>(rec[at] == '9' ? '1' : rec[at] + 1);
          } else if (pick == 6) {  // garbage
            for (std::size_t j = 0; j < stride; ++j) rec += interesting_byte(rng);
          } else {  // inner padding or a short number
            rec = valid_number(rng, kind);
            rec[rng() % rec.size()] = rng() % 2 == 0 ? ' ' : '\0';
          }
          rec.resize(stride, ' ');
          records += rec;
        }
        const run_result reference = check_strided_everywhere(records, count, stride, kind);
        CHECK(reference.counts.records == count);
        CHECK(reference.counts.valid >= expected_valid);
      }
    }
  }
}

TEST_CASE("differential: a large mixed buffer, all paths, both kinds") {
  std::mt19937_64 rng(3);
  for (number_kind kind : kinds) {
    std::string text;
    for (int i = 0; i < 20000; ++i) {
      std::string number = valid_number(rng, kind);
      const unsigned r = static_cast<unsigned>(rng() % 100);
      if (r < 10) number[rng() % number.size()] = random_digit(rng);  // often a mismatch
      else if (r < 11) number.pop_back();
      else if (r < 12) number += static_cast<char>(rng() % 2 == 0 ? ' ' : 'x');
      text += number + (r == 50 ? "\r\n" : "\n");
    }
    const run_result reference = check_lines_everywhere(text, kind);
    CHECK(reference.counts.records == 20000);
    CHECK(reference.counts.valid > 17000);
  }
}
