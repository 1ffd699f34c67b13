// Tests for corp/detail/csv_simd.hpp: every row splitter against the plain C++ one and against an
// independent RFC 4180 splitter written here, the AVX2 UTF-8 check against the scalar decoder, the
// CP932 decoder's precomputed table against the generated code table, and the reader with the
// vector path on and off.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <mynumber/corp/detail/csv_simd.hpp>
#include <mynumber/corp/encoding.hpp>
#include <mynumber/corp/reader.hpp>

#include "test_support.hpp"

using namespace mynumber::corp;
using mynumber::corp::detail::csv_split;

namespace {

struct split_outcome {
  bool taken = false;
  std::vector<std::string> fields;
  std::size_t consumed = 0;  // bytes up to and including the LF
  std::size_t row_end = 0;
  bool operator==(const split_outcome& o) const {
    return taken == o.taken && (!taken || (fields == o.fields && consumed == o.consumed && row_end == o.row_end));
  }
};

// Runs one splitter on `row` copied into a buffer with the 64 bytes of readable slack it needs
// (filled with bytes that would confuse a kernel reading past the end).
template <class Fn>
split_outcome run_split(Fn fn, const std::string& row, std::size_t max_fields = 32) {
  std::string buffer = row + std::string(64, '"');
  std::vector<std::string_view> fields(max_fields);
  csv_split split;
  split_outcome out;
  out.taken = fn(buffer.data(), buffer.data() + row.size(), fields.data(), max_fields, split);
  if (!out.taken) return out;
  for (std::size_t i = 0; i < split.fields; ++i) out.fields.emplace_back(fields[i]);
  out.consumed = static_cast<std::size_t>(split.next - buffer.data());
  out.row_end = static_cast<std::size_t>(split.row_end - buffer.data());
  return out;
}

// An independent RFC 4180 reading of the first row of `text`: fields, and whether the row is of the
// plain shape the fast path takes (see csv_simd.hpp). Written as a character state machine.
struct reference_row {
  bool plain = false;
  std::vector<std::string> fields;
  std::size_t consumed = 0;
};
reference_row reference_split(const std::string& text) {
  reference_row r;
  const std::size_t lf = text.find('\n');
  if (lf == std::string::npos || lf == 0 || (lf == 1 && text[0] == '\r')) return r;  // no row, or blank
  std::string line = text.substr(0, lf);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::vector<std::string> fields(1);
  enum { start, plain_field, quoted, after_quote } state = start;
  for (char c : line) {
    switch (state) {
      case start:
        if (c == '"') {
          state = quoted;
          break;
        }
        if (c == ',') {
          fields.emplace_back();
          break;
        }
        if (c == '\r') return r;
        fields.back() += c;
        state = plain_field;
        break;
      case plain_field:
        if (c == '"' || c == '\r') return r;
        if (c == ',') {
          fields.emplace_back();
          state = start;
          break;
        }
        fields.back() += c;
        break;
      case quoted:
        if (c == '"') {
          state = after_quote;
          break;
        }
        if (c == '\r') return r;  // a CR inside quotes is left to the general parser
        fields.back() += c;
        break;
      case after_quote:
        if (c != ',') return r;  // a doubled quote or text after the closing quote
        fields.emplace_back();
        state = start;
        break;
    }
  }
  if (state == quoted) return r;  // the LF would be inside quotes
  if (fields.size() > 32) return r;
  r.plain = true;
  r.fields = fields;
  r.consumed = lf + 1;
  return r;
}

std::string random_row(std::mt19937_64& rng) {
  static const char* const pieces[] = {"a", "7", ",", ",", "\"", "\"\"", "\r", "\n", "\r\n", "株", "ｱ", " ", "\",\""};
  std::string row;
  const std::size_t parts = rng() % 90;
  for (std::size_t i = 0; i < parts; ++i) row += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
  return row;
}

// A row of the plain shape with `fields` fields, some quoted, to reach 64-byte block boundaries.
std::string plain_row(std::mt19937_64& rng, std::size_t fields, bool crlf) {
  std::string row;
  for (std::size_t i = 0; i < fields; ++i) {
    if (i > 0) row += ',';
    std::string text(rng() % 9, 'x');
    for (char& c : text) c = static_cast<char>('a' + rng() % 26);
    if (rng() % 2 == 0 && rng() % 3 != 0) text += ",";  // a comma only inside quotes
    if (text.find(',') != std::string::npos || rng() % 2 == 0) text = "\"" + text + "\"";
    row += text;
  }
  if (row.empty()) row = "\"\"";  // one empty unquoted field would be a blank line
  return row + (crlf ? "\r\n" : "\n");
}

template <class Check>
void for_each_splitter(Check check) {
  check("sse2/avx2/neon (best)", detail::best_split_plain_row());
#if defined(MYNUMBER_SIMD_X86)
  check("sse2", &detail::split_plain_row_sse2);
  if (mynumber::detail::cpu_has_avx2_bits()) check("avx2", &detail::split_plain_row_avx2);
#endif
#if defined(MYNUMBER_SIMD_NEON)
  check("neon", &detail::split_plain_row_neon);
#endif
}

}  // namespace

TEST_CASE("csv_simd: plain rows split as RFC 4180 says, by every splitter") {
  std::mt19937_64 rng(20261127);
  std::size_t taken = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string row = plain_row(rng, 1 + rng() % 31, i % 3 == 0) + "next,row\n";
    const reference_row ref = reference_split(row);
    INFO("row: ", row);
    REQUIRE(ref.plain);
    const split_outcome scalar = run_split(&detail::split_plain_row_scalar, row);
    REQUIRE(scalar.taken);
    CHECK(scalar.fields == ref.fields);
    CHECK(scalar.consumed == ref.consumed);
    for_each_splitter([&](const char* name, detail::split_plain_row_fn fn) {
      INFO(name);
      CHECK(run_split(fn, row) == scalar);
    });
    ++taken;
  }
  CHECK(taken == 3000);
}

TEST_CASE("csv_simd: random rows: every splitter agrees, and takes only rows the reference calls plain") {
  std::mt19937_64 rng(42);
  std::size_t taken = 0, declined = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string row = random_row(rng);
    const split_outcome scalar = run_split(&detail::split_plain_row_scalar, row);
    const reference_row ref = reference_split(row);
    INFO("row: ", row);
    if (scalar.taken) {
      ++taken;
      REQUIRE(ref.plain);
      CHECK(scalar.fields == ref.fields);
      CHECK(scalar.consumed == ref.consumed);
    } else {
      ++declined;
    }
    // A plain row may still be declined only for the reasons the reference does not model: none
    // here, so the two must agree exactly.
    CHECK(scalar.taken == ref.plain);
    for_each_splitter([&](const char* name, detail::split_plain_row_fn fn) {
      INFO(name);
      CHECK(run_split(fn, row) == scalar);
    });
  }
  // Both outcomes occur, so neither branch is untested.
  CHECK(taken > 1000);
  CHECK(declined > 1000);
}

TEST_CASE("csv_simd: the carry-less-multiply prefix XOR equals the shift-and-XOR one") {
  CHECK(detail::prefix_xor(0) == 0);
  CHECK(detail::prefix_xor(1) == ~std::uint64_t{0});
  CHECK(detail::prefix_xor(0b1001) == 0b0111);  // a quoted run: bits 0..2 inside
#if defined(MYNUMBER_SIMD_X86)
  if (!mynumber::detail::cpu_has_avx2_bits()) return;
  std::mt19937_64 rng(5);
  std::size_t mismatches = 0;
  for (int i = 0; i < 100000; ++i) {
    const std::uint64_t x = rng() & rng();  // sparser masks, like quote masks
    if (detail::prefix_xor_clmul(x) != detail::prefix_xor(x)) ++mismatches;
  }
  CHECK(mismatches == 0);
#endif
}

TEST_CASE("csv_simd: the field limit, blank lines and a missing newline go to the general parser") {
  std::string many;
  for (int i = 0; i < 33; ++i) many += i == 0 ? "x" : ",x";
  many += "\n";
  CHECK_FALSE(run_split(&detail::split_plain_row_scalar, many).taken);
  CHECK(run_split(&detail::split_plain_row_scalar, many, 33).taken);
  CHECK_FALSE(run_split(&detail::split_plain_row_scalar, "\n").taken);
  CHECK_FALSE(run_split(&detail::split_plain_row_scalar, "\r\n").taken);
  CHECK_FALSE(run_split(&detail::split_plain_row_scalar, "a,b").taken);
  CHECK(run_split(&detail::split_plain_row_scalar, "\"\"\n").fields == std::vector<std::string>{""});
  CHECK(run_split(&detail::split_plain_row_scalar, ",\n").fields == std::vector<std::string>{"", ""});
}

TEST_CASE("csv_simd: the AVX2 UTF-8 check agrees with the scalar decoder") {
#if defined(MYNUMBER_SIMD_X86)
  if (!mynumber::detail::cpu_has_avx2()) return;
  // Mismatches are counted (one CHECK per string would make this test slow under sanitizers) and
  // the first one is shown.
  std::size_t mismatches = 0;
  std::string first_mismatch;
  const auto same = [&](const std::string& s) {
    const bool scalar = valid_utf8_prefix(s) == s.size();
    if (detail::utf8_valid_avx2(s.data(), s.size()) != scalar && mismatches++ == 0) first_mismatch = s;
    return scalar;
  };
  // Every 1- and 2-byte string, and every 3-byte string whose first byte is not ASCII, each at
  // every offset around the 32-byte block boundary.
  std::size_t valid = 0, invalid = 0;
  for (int offset : {0, 29, 30, 31, 32}) {
    const std::string pad(static_cast<std::size_t>(offset), 'a');
    for (int a = 0; a < 256; ++a) {
      for (int b = 0; b < 256; ++b) {
        const std::string two = pad + static_cast<char>(a) + static_cast<char>(b);
        (same(two) ? valid : invalid)++;
        if (a < 0x80 || offset % 3 != 0) continue;  // 3-byte strings at offsets 0 and 30 only
        for (int c = 0x00; c < 256; c += (c >= 0x7F && c < 0xC0) ? 1 : 17) {
          const std::string three = two + static_cast<char>(c);
          (same(three) ? valid : invalid)++;
        }
      }
    }
  }
  CHECK(valid > 1000);
  CHECK(invalid > 1000);
  // 4-byte sequences around the limits, and random mixed strings.
  for (unsigned lead : {0xEFu, 0xF0u, 0xF3u, 0xF4u, 0xF5u})
    for (unsigned second = 0x70; second < 0xD0; ++second)
      same(std::string(30, 'b') + static_cast<char>(lead) + static_cast<char>(second) + "\x80\x80" + "tail");
  std::mt19937_64 rng(7);
  static const char* const pieces[] = {"a", "株式会社", "\xF0\x9F\x98\x80", "\x80", "\xE3\x81", "\xED\xA0\x80", "z"};
  for (int i = 0; i < 5000; ++i) {
    std::string s;
    const std::size_t parts = rng() % 40;
    for (std::size_t k = 0; k < parts; ++k) s += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
    same(s);
  }
  INFO("first mismatch (", first_mismatch.size(), " bytes): ", first_mismatch);
  CHECK(mismatches == 0);
#endif
}

TEST_CASE("csv_simd: the splitter with the UTF-8 check takes exactly the plain rows that are valid UTF-8") {
  const detail::split_plain_row_fn fused = detail::best_split_plain_utf8_row();
  if (fused == nullptr) return;  // no such kernel on this CPU: the reader splits, then checks
  std::mt19937_64 rng(99);
  // Valid and broken sequences (a stray continuation byte, a cut 3-byte sequence, a surrogate, an
  // overlong form), placed anywhere in the row, at block edges, and in the next row, which must
  // not matter.
  static const char* const text[] = {"a",    ",",        "\"",           "株式会社", "ｱ",  "\xF0\x9F\x98\x80",
                                     "\x80", "\xE3\x81", "\xED\xA0\x80", "\xC0\xAF", "x,y"};
  std::size_t taken = 0, declined_as_utf8 = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string row(static_cast<std::size_t>(rng() % 70), 'p');  // moves the row across block edges
    const std::size_t parts = rng() % 12;
    for (std::size_t k = 0; k < parts; ++k) row += text[rng() % (sizeof(text) / sizeof(text[0]))];
    row += i % 4 == 0 ? "\r\n" : "\n";
    std::string next = "n";
    for (std::size_t k = rng() % 4; k > 0; --k) next += text[rng() % (sizeof(text) / sizeof(text[0]))];
    const std::string input = row + next + "\n";
    INFO("row: ", row);
    const split_outcome plain = run_split(detail::best_split_plain_row(), input);
    const split_outcome checked = run_split(fused, input);
    const bool row_valid = valid_utf8_prefix(row) == row.size();
    CHECK(checked.taken == (plain.taken && row_valid));
    if (checked.taken) {
      CHECK(checked == plain);
      ++taken;
    } else if (plain.taken) {
      ++declined_as_utf8;
    }
  }
  CHECK(taken > 2000);
  CHECK(declined_as_utf8 > 2000);
}

TEST_CASE("csv_simd: the CP932 decoder's table matches the generated code table, pair by pair") {
  std::size_t mapped = 0;
  for (unsigned lead = 0x81; lead <= 0xFC; ++lead) {
    if ((lead > 0x9F && lead < 0xE0) || (lead >= 0xF0 && lead <= 0xF9)) continue;
    const unsigned row = lead <= 0x9F ? lead - 0x81 : lead <= 0xEF ? 31 + (lead - 0xE0) : 47 + (lead - 0xFA);
    for (unsigned trail = 0x40; trail <= 0xFC; ++trail) {
      if (trail == 0x7F) continue;
      const char16_t cp = mynumber::detail::cp932_double[row * 188 + (trail < 0x7F ? trail - 0x40 : trail - 0x41)];
      const char pair[2] = {static_cast<char>(lead), static_cast<char>(trail)};
      std::string out;
      const std::size_t bad = cp932_to_utf8(std::string_view(pair, 2), out);
      if (cp == 0xFFFD) {
        CHECK(bad == 0);
        CHECK(out.empty());
        continue;
      }
      std::string expected;
      mynumber::detail::utf8_append(expected, cp);
      CHECK(bad == std::string_view::npos);
      CHECK(out == expected);
      ++mapped;
    }
  }
  CHECK(mapped > 7000);
  // ASCII runs of every length around the 8-byte fast path, with multi-byte text between them.
  for (std::size_t n = 0; n < 20; ++n) {
    const std::string ascii(n, 'q');
    std::string out;
    CHECK(cp932_to_utf8(ascii + "\x8A\x94" + ascii + "\xB1", out) == std::string_view::npos);
    CHECK(out == ascii + "株" + ascii + "ｱ");
  }
}

TEST_CASE("csv_simd: the reader gives the same rows, bad rows and totals with the vector path on and off") {
  const nta_synth::world w(corp_test::small_config(600));
  auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  for (auto enc : {nta_synth::encoding::utf8, nta_synth::encoding::cp932}) {
    for (bool crlf : {true, false}) {
      std::string csv = corp_test::to_csv(rows, enc, crlf);
      // Add bad rows the way real files are damaged, each at a row boundary so that each is exactly
      // one bad row: too few columns, text after a closing quote, no final newline.
      const auto at_row_start = [&](std::size_t from) { return csv.find('\n', from) + 1; };
      csv.insert(at_row_start(csv.size() / 3), "1,1234567890123,01\n");
      csv.insert(at_row_start(csv.size() / 2), "\"unterminated,\"x\"\n");
      csv += "no newline at the end";
      reader_options on, off;
      off.vectorized = false;
      on.buffer_size = off.buffer_size = 4096;  // many refills
      on.max_record_bytes = off.max_record_bytes = 1024;
      const auto a = corp_test::read_bytes(csv, on);
      const auto b = corp_test::read_bytes(csv, off);
      CHECK(a.rows.size() > 500);
      CHECK(a.rows == b.rows);
      CHECK(a.stats.rows == b.stats.rows);
      CHECK(a.stats.bad == b.stats.bad);
      CHECK(a.stats.bad >= 3);
      REQUIRE(a.bad.size() == b.bad.size());
      for (std::size_t i = 0; i < a.bad.size(); ++i) {
        CHECK(a.bad[i].line == b.bad[i].line);
        CHECK(a.bad[i].reason == b.bad[i].reason);
      }
    }
  }
}
