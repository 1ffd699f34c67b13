#include <mynumber/corp/reader.hpp>

#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "test_support.hpp"

using namespace mynumber::corp;
using corp_test::read_bytes;
using mynumber::civil_date;

namespace {
void check_equal_rows(const std::vector<record>& got, const std::vector<record>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO("row " << i + 1 << " number " << want[i].corporate_number);
    CHECK(got[i] == want[i]);
  }
}
}  // namespace

TEST_CASE("reader: generate -> parse round trip, every field, both encodings") {
  const nta_synth::world w(corp_test::small_config());
  const auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  REQUIRE(rows.size() >= 400);
  // The small world covers every kind, close cause, flag and image-ID column.
  std::set<int> kinds, causes;
  bool name_image = false, address_image = false, hihyoji = false, english = false, quote = false, comma = false;
  for (const auto& r : rows) {
    kinds.insert(static_cast<int>(r.kind));
    causes.insert(static_cast<int>(r.close_cause));
    name_image |= !r.name_image_id.empty();
    address_image |= !r.address_image_id.empty();
    hihyoji |= r.hihyoji == flag::yes;
    english |= !r.en_name.empty();
    quote |= r.name.find('"') != std::string::npos;
    comma |= r.name.find(',') != std::string::npos;
  }
  CHECK(kinds.size() == 10);
  CHECK(causes.size() == 5);  // none + 4
  CHECK((name_image && address_image && hihyoji && english && quote && comma));

  for (auto enc : {nta_synth::encoding::utf8, nta_synth::encoding::utf8_bom, nta_synth::encoding::cp932}) {
    for (bool crlf : {true, false}) {
      CAPTURE(static_cast<int>(enc));
      CAPTURE(crlf);
      const auto got = read_bytes(corp_test::to_csv(rows, enc, crlf));
      CHECK(got.bad.empty());
      CHECK(got.stats.rows == rows.size());
      CHECK(got.stats.good == rows.size());
      CHECK(got.stats.encoding == (enc == nta_synth::encoding::cp932 ? text_encoding::cp932 : text_encoding::utf8));
      check_equal_rows(got.rows, rows);
    }
  }
}

TEST_CASE("reader: diff files round trip, with deletion rows, corrections and quoted newlines") {
  const nta_synth::world w(corp_test::small_config());
  const auto diffs = w.all_diffs();
  std::set<int> processes;
  bool correction = false, past = false, newline = false;
  for (const auto& day : diffs) {
    for (const auto& r : day) {
      processes.insert(static_cast<int>(r.process));
      correction |= r.correct == flag::yes;
      past |= r.latest == flag::no;
      newline |= r.change_cause.find('\n') != std::string::npos;
    }
    for (auto enc : {nta_synth::encoding::utf8, nta_synth::encoding::cp932}) {
      const auto got = read_bytes(corp_test::to_csv(day, enc));
      CHECK(got.bad.empty());
      check_equal_rows(got.rows, day);
    }
  }
  CHECK(processes.size() == 10);  // every 処理区分 including 99
  CHECK((correction && past && newline));
}

TEST_CASE("reader: deletion rows have blank correct and kind") {
  const std::string csv = "1,7000012050002,99,,2026-05-01,,,,,,,,,,,,,,,,,,,,,,,,,\r\n";
  const auto got = read_bytes(csv);
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].process == process::deleted);
  CHECK(got.rows[0].correct == flag::blank);
  CHECK(got.rows[0].kind == kind::none);
  CHECK(got.rows[0].name.empty());
  CHECK(got.rows[0].update_date == civil_date::from_ymd(2026, 5, 1));
}

TEST_CASE("reader: legacy 23, 28 and 29 column layouts") {
  const nta_synth::world w(corp_test::small_config(60));
  const auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  for (int width : {23, 28, 29}) {
    CAPTURE(width);
    std::vector<record> want;
    for (const auto& r : rows) want.push_back(nta_synth::as_read(r, width));
    const auto got = read_bytes(corp_test::to_csv(rows, nta_synth::encoding::cp932, true, width));
    CHECK(got.bad.empty());
    check_equal_rows(got.rows, want);
    for (const auto& r : got.rows) CHECK(r.source_columns == width);
  }
}

TEST_CASE("reader: tiny buffers give the same rows (refill at every boundary)") {
  const nta_synth::world w(corp_test::small_config(120));
  const auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  for (auto enc : {nta_synth::encoding::utf8_bom, nta_synth::encoding::cp932}) {
    reader_options o;
    o.max_record_bytes = 1024;
    o.buffer_size = 2048;
    const auto got = read_bytes(corp_test::to_csv(rows, enc), o);
    CHECK(got.bad.empty());
    check_equal_rows(got.rows, rows);
  }
}

TEST_CASE("reader: std::istream input (stdin)") {
  const nta_synth::world w(corp_test::small_config(50));
  const auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  std::istringstream in(corp_test::to_csv(rows, nta_synth::encoding::cp932));
  auto reader = bulk_reader::from_stream(in);
  const auto got = corp_test::read_all(reader);
  check_equal_rows(got.rows, rows);
  CHECK(reader.file_name() == "<stdin>");
}

TEST_CASE("reader: the NTA .zip is read directly, the .asc signature skipped") {
  const nta_synth::world w(corp_test::small_config(200));
  const auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  const std::string path = corp_test::work_dir() + "/00_zenkoku_all_20260430.zip";
  {
    nta_synth::zip_writer z(path);
    z.begin("00_zenkoku_all_20260430.csv");
    const std::string csv = corp_test::to_csv(rows, nta_synth::encoding::utf8);
    z.write(csv.substr(0, csv.size() / 2));
    z.write(csv.substr(csv.size() / 2));
    z.end();
    z.begin("00_zenkoku_all_20260430.asc");
    z.write("not a csv, 1,2,3\n");
    z.end();
    z.close();
  }
  const auto entries = try_list_zip(path);
  REQUIRE(entries.has_value());
  CHECK(entries->size() == 2);
  auto reader = bulk_reader::open(path);
  const auto got = corp_test::read_all(reader);
  CHECK(got.bad.empty());
  check_equal_rows(got.rows, rows);
  CHECK(reader.file_name() == path + "!00_zenkoku_all_20260430.csv");
  CHECK(got.stats.files == 1);

  SUBCASE("a corrupted entry is an archive error, not a crash") {
    std::string bytes;
    {
      std::ifstream f(path, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(f), {});
    }
    bytes[bytes.size() / 3] = static_cast<char>(bytes[bytes.size() / 3] ^ 0x5A);
    const std::string bad_path = corp_test::work_dir() + "/corrupt.zip";
    corp_test::write_file(bad_path, bytes);
    auto r2 = bulk_reader::try_open(bad_path);
    REQUIRE(r2.has_value());
    record rec;
    mynumber::result<bool> step = true;
    while (step.has_value() && *step) step = r2->try_next(rec);
    REQUIRE_FALSE(step.has_value());
    CHECK(step.error().code == mynumber::errc::archive);
  }
  SUBCASE("a zip on a stream is refused with a clear error") {
    std::ifstream f(path, std::ios::binary);
    auto r3 = bulk_reader::from_stream(f, "<stdin>");
    record rec;
    const auto step = r3.try_next(rec);
    REQUIRE_FALSE(step.has_value());
    CHECK(step.error().code == mynumber::errc::archive);
  }
}

TEST_CASE("reader: a plain file opened by path") {
  const nta_synth::world w(corp_test::small_config(30));
  const auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  const std::string path = corp_test::work_dir() + "/plain.csv";
  corp_test::write_file(path, corp_test::to_csv(rows, nta_synth::encoding::utf8));
  auto reader = bulk_reader::open(path);
  check_equal_rows(corp_test::read_all(reader).rows, rows);
  const auto missing = bulk_reader::try_open(corp_test::work_dir() + "/does-not-exist.csv");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == mynumber::errc::io);
}

TEST_CASE("reader: malformed rows are reported line by line; good rows all survive") {
  const nta_synth::world w(corp_test::small_config(12));
  auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  rows.resize(8);
  std::vector<std::string> good;
  for (const auto& r : rows) good.push_back(corp_test::to_csv({r}, nta_synth::encoding::utf8, true));
  const auto field_swap = [](std::string line, std::size_t column, const std::string& value) {
    // Replaces bare column `column` (0-based) of a CSV line that has no quotes before it.
    std::size_t start = 0;
    for (std::size_t c = 0; c < column; ++c) start = line.find(',', start) + 1;
    const std::size_t end = line.find(',', start);
    return line.replace(start, end - start, value);
  };
  std::string file;
  file += good[0];                                                // line 1
  file += field_swap(good[1], 1, "7000012050003");                // line 2: check digit
  file += good[1];                                                // line 3
  file += field_swap(good[2], 2, "77");                           // line 4: unknown process
  file += "1,2,3\r\n";                                            // line 5: 3 columns
  file += good[2];                                                // line 6
  file += field_swap(good[3], 4, "2026-02-30");                   // line 7: impossible date
  file += "\r\n";                                                 // line 8: blank, ignored
  file += good[3];                                                // line 9
  file += "9,7000012050002,01,0,2026-01-01,,\"unterminated\r\n";  // line 10: the quote never closes...
  file += good[4];                                                // line 11 ...but the next line is read
  file += "1,7000012050002,01,0,2026-01-01,,\"x\"y,,\r\n";        // line 12: text after closing quote
  file += std::string("1,7000012050002,01,0,2026-01-01,,\"\xFF\xFE\",") + std::string(22, ',') +
          "\r\n";                         // line 13: bad UTF-8
  file += good[5];                        // line 14
  file += field_swap(good[6], 13, "48");  // line 15: prefecture code
  file += good[6];                        // line 16
  file += good[7];                        // line 17, no final newline:
  file.resize(file.size() - 2);

  std::vector<bad_row> seen;
  reader_options o;
  o.on_bad_row = [&](const bad_row& b) { seen.push_back(b); };
  const auto got = read_bytes(file, o);
  REQUIRE(got.rows.size() == 8);
  for (std::size_t i = 0; i < 8; ++i) CHECK(got.rows[i] == rows[i]);
  REQUIRE(got.bad.size() == 8);
  CHECK(seen.size() == 8);
  CHECK(got.stats.rows == got.stats.good + got.stats.bad);
  CHECK(got.stats.good == 8);
  CHECK(got.stats.bad == 8);
  const std::uint64_t lines[] = {2, 4, 5, 7, 10, 12, 13, 15};
  for (std::size_t i = 0; i < 8; ++i) {
    CAPTURE(i);
    CHECK(got.bad[i].line == lines[i]);
    CHECK(got.bad[i].file == "test.csv");
  }
  CHECK(got.bad[0].code == mynumber::errc::check_digit_mismatch);
  CHECK(got.bad[0].reason.find("column 2 (corporateNumber)") != std::string::npos);
  CHECK(got.bad[1].reason.find("処理区分") != std::string::npos);
  CHECK(got.bad[2].reason.find("3 columns") != std::string::npos);
  CHECK(got.bad[3].reason.find("column 5 (updateDate)") != std::string::npos);
  // The open quote swallows the newline and meets the next row's quote: either way a quote error.
  CHECK(got.bad[4].reason.find("quote") != std::string::npos);
  CHECK(got.bad[5].reason.find("after the closing quote") != std::string::npos);
  CHECK(got.bad[6].code == mynumber::errc::encoding);
  CHECK(got.bad[7].reason.find("column 14 (prefectureCode)") != std::string::npos);
  CHECK(got.bad[1].message().rfind("test.csv:4: ", 0) == 0);
}

TEST_CASE("reader: date columns; blank optional dates, bad dates are bad rows naming the column") {
  // One 30-column row with every date column settable (fields 5, 6, 19 and 23, 1-based).
  const auto row = [](const std::string& update, const std::string& change, const std::string& close,
                      const std::string& assigned) {
    return "1,7000012050002,01,0," + update + "," + change +
           ",国税庁,,101,東京都,千代田区,霞が関３丁目１－１,,13,101,1000013,,," + close + ",,,," + assigned +
           ",1,,,,,,0\r\n";
  };
  std::string file;
  file += row("2026-01-05", "", "", "");                                // line 1: optional dates blank
  file += row("2026-01-05", "2025-12-31", "2026-01-04", "2015-10-05");  // line 2: all set
  file += row("2026-01-05", "2025-02-29", "", "");                      // line 3: no 29 Feb in 2025
  file += row("2026-01-05", "", "2026-1-04", "");                       // line 4: short month
  file += row("2026-01-05", "", "", "0999-01-01");                      // line 5: year out of NTA range
  file += row("", "", "", "");                                          // line 6: blank required update date
  file += row("2026-01-05", "", "", "2015/10/05");                      // line 7: wrong separator
  const auto got = read_bytes(file, {});
  REQUIRE(got.rows.size() == 2);
  CHECK(got.rows[0].update_date == civil_date::from_ymd(2026, 1, 5));
  CHECK_FALSE(got.rows[0].change_date.has_value());
  CHECK_FALSE(got.rows[0].close_date.has_value());
  CHECK_FALSE(got.rows[0].assignment_date.has_value());
  CHECK_FALSE(got.rows[0].is_closed());
  CHECK(got.rows[1].change_date == civil_date::from_ymd(2025, 12, 31));
  CHECK(got.rows[1].close_date == civil_date::from_ymd(2026, 1, 4));
  CHECK(got.rows[1].assignment_date == civil_date::from_ymd(2015, 10, 5));
  CHECK(got.rows[1].is_closed());
  REQUIRE(got.bad.size() == 5);
  const std::uint64_t lines[] = {3, 4, 5, 6, 7};
  const char* const columns_named[] = {"column 6 (changeDate)", "column 19 (closeDate)", "column 23 (assignmentDate)",
                                       "column 5 (updateDate)", "column 23 (assignmentDate)"};
  for (std::size_t i = 0; i < 5; ++i) {
    CAPTURE(i);
    CHECK(got.bad[i].line == lines[i]);
    CHECK(got.bad[i].code == mynumber::errc::csv_malformed);
    CHECK(got.bad[i].reason.find(columns_named[i]) != std::string::npos);
  }
  CHECK(got.bad[0].reason.find("\"2025-02-29\"") != std::string::npos);
  CHECK(got.bad[3].reason.find("blank date") != std::string::npos);
}

TEST_CASE("reader: line numbers count newlines inside quoted fields") {
  const std::string a = "1,7000012050002,01,0,2026-01-01,,\"two\nlines\",,301,,,,,,,,,,,,,,2015-10-05,1,,,,,,0\n";
  const std::string bad = "2,7000012050002,01,0,2026-01-01,,,,999,,,,,,,,,,,,,,2015-10-05,1,,,,,,0\n";
  const auto got = read_bytes(a + bad);
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].name == "two\nlines");
  REQUIRE(got.bad.size() == 1);
  CHECK(got.bad[0].line == 3);
  CHECK(got.bad[0].row == 2);
}

TEST_CASE("reader: a row longer than the limit is bad, the rest is read") {
  reader_options o;
  o.max_record_bytes = 1024;
  o.buffer_size = 2048;
  std::string file =
      "1,7000012050002,01,0,2026-01-01,,\"" + std::string(5000, 'x') + "\",,301,,,,,,,,,,,,,,2015-10-05,1,,,,,,0\n";
  file += "2,7000012050002,01,0,2026-01-01,,\"ok\",,301,,,,,,,,,,,,,,2015-10-05,1,,,,,,0\n";
  const auto got = read_bytes(file, o);
  REQUIRE(got.rows.size() == 1);
  CHECK(got.rows[0].sequence_number == 2);
  REQUIRE(got.bad.size() == 1);
  CHECK(got.bad[0].line == 1);
  CHECK(got.stats.rows == 2);
}

TEST_CASE("reader: Web-API CSV header line") {
  const std::string body =
      "2026-03-11,2,1,1\r\n"
      "1,7000012050002,01,0,2018-04-02,2015-10-05,\"国税庁\",,101,\"東京都\",\"千代田区\",\"霞が関３丁目１－１\",,13,"
      "101,1008978,,,,,,,2015-10-05,1,\"National Tax Agency\",\"Tokyo\",\"3-1-1 Kasumigaseki, Chiyoda "
      "ku\",,\"コクゼイチョウ\",0\r\n"
      "2,1180301018771,12,0,2020-01-01,2019-12-20,\"トヨタ自動車株式会社\",,301,\"愛知県\",\"豊田市\","
      "\"トヨタ町１番地\",,23,211,4718571,,,,,,,2015-10-05,1,,,,,\"トヨタジドウシャ\",0\r\n";
  mynumber::corp::bulk_reader reader(std::make_unique<memory_source>(body, "api"));
  const auto got = corp_test::read_all(reader);
  REQUIRE(reader.header().has_value());
  CHECK(reader.header()->count == 2);
  CHECK(reader.header()->divide_size == 1);
  CHECK(reader.header()->last_update_date == civil_date::from_ymd(2026, 3, 11));
  REQUIRE(got.rows.size() == 2);
  CHECK(got.stats.rows == 2);
  CHECK(got.rows[0].name == "国税庁");
  CHECK(got.rows[0].kind == kind::national_agency);
  CHECK(got.rows[1].process == process::domestic_address_changed);
  CHECK(got.rows[1].post_code == "4718571");
  CHECK(got.rows[0].en_city_name == "3-1-1 Kasumigaseki, Chiyoda ku");
}
