#include <mynumber/corp/webapi.hpp>

#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace mynumber::corp;
using mynumber::civil_date;

namespace {
// Writes records as a v4 XML response (corporate_data.md §1.9), escaping text.
std::string to_xml(const std::vector<record>& rows, const api_header& h) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<corporations>\n";
  out += "<lastUpdateDate>" + h.last_update_date.to_string() + "</lastUpdateDate><count>" + std::to_string(h.count) +
         "</count><divideNumber>" + std::to_string(h.divide_number) + "</divideNumber><divideSize>" +
         std::to_string(h.divide_size) + "</divideSize>\n";
  for (const auto& r : rows) {
    // Reuse the CSV writer's field rendering: write one CSV row, then split it with the reader.
    std::string csv = corp_test::to_csv({r}, nta_synth::encoding::utf8);
    out += "<corporation>\n";
    mynumber::corp::bulk_reader reader(std::make_unique<memory_source>(csv));
    record back;
    REQUIRE(reader.next(back));
    const std::string values[30] = {
        std::to_string(back.sequence_number),
        back.corporate_number,
        back.process == process::none ? "" : nta_synth::digits(static_cast<std::uint64_t>(back.process), 2),
        back.correct == flag::blank ? ""
        : back.correct == flag::yes ? "1"
                                    : "0",
        back.update_date.to_string(),
        to_string(back.change_date),
        back.name,
        back.name_image_id,
        back.kind == kind::none ? "" : std::to_string(static_cast<int>(back.kind)),
        back.prefecture_name,
        back.city_name,
        back.street_number,
        back.address_image_id,
        back.prefecture_code == 0 ? "" : nta_synth::digits(back.prefecture_code, 2),
        back.city_code,
        back.post_code,
        back.address_outside,
        back.address_outside_image_id,
        to_string(back.close_date),
        back.close_cause == close_cause::none ? "" : nta_synth::digits(static_cast<std::uint64_t>(back.close_cause), 2),
        back.successor_corporate_number,
        back.change_cause,
        to_string(back.assignment_date),
        back.latest == flag::blank ? ""
        : back.latest == flag::yes ? "1"
                                   : "0",
        back.en_name,
        back.en_prefecture_name,
        back.en_city_name,
        back.en_address_outside,
        back.furigana,
        back.hihyoji == flag::blank ? ""
        : back.hihyoji == flag::yes ? "1"
                                    : "0"};
    for (std::size_t i = 0; i < 30; ++i) {
      const std::string tag(columns[i].name);
      if (values[i].empty()) {
        out += "<" + tag + " />";
        continue;
      }
      out += "<" + tag + ">";
      for (char c : values[i]) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '"') out += "&quot;";
        else out.push_back(c);
      }
      out += "</" + tag + ">\n";
    }
    out += "</corporation>\n";
  }
  return out + "</corporations>\n";
}
}  // namespace

TEST_CASE("webapi: num / diff / name request URLs") {
  num_request n;
  n.numbers = {"7000012050002", "1180301018771"};
  n.history = true;
  CHECK(build_url(n, "APPID") ==
        "https://api.houjin-bangou.nta.go.jp/4/num?id=APPID&number=7000012050002%2C1180301018771&type=02&history=1");
  n.numbers.push_back("7000012050003");
  auto bad = try_build_url(n, "APPID");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == mynumber::errc::invalid_argument);
  CHECK(bad.error().detail.find("#3") != std::string::npos);
  n.numbers.assign(11, "7000012050002");
  CHECK_FALSE(try_build_url(n, "APPID").has_value());
  n.numbers.assign(1, "7000012050002");
  CHECK_FALSE(try_build_url(n, "").has_value());

  diff_request d;
  d.from = civil_date::from_ymd(2026, 1, 1);
  d.to = civil_date::from_ymd(2026, 1, 31);
  d.kinds = {request_kind::registered};
  d.address = "13";
  d.type = response_type::xml_unicode;
  CHECK(build_url(d, "X") ==
        "https://api.houjin-bangou.nta.go.jp/4/diff?id=X&from=2026-01-01&to=2026-01-31&type=12&address=13&kind=03");
  d.divide = 3;
  CHECK(build_url(d, "X").find("&divide=3") != std::string::npos);
  CHECK(build_url(d, "X").find("devide") == std::string::npos);  // the typo seen in one client
  d.to = civil_date::from_ymd(2026, 3, 1);
  CHECK_FALSE(try_build_url(d, "X").has_value());  // more than 50 days
  d.to = civil_date::from_ymd(2026, 1, 2);
  d.address = "131";
  CHECK_FALSE(try_build_url(d, "X").has_value());
  d.address = "13101";
  d.divide = 0;
  CHECK_FALSE(try_build_url(d, "X").has_value());

  name_request q;
  q.name = "国税 庁&";
  q.mode = name_mode::partial;
  q.include_closed = false;
  CHECK(build_url(q, "X") ==
        "https://api.houjin-bangou.nta.go.jp/4/name?id=X&name=%E5%9B%BD%E7%A8%8E%20%E5%BA%81%26&type=02&mode=2&"
        "target=1&change=0&close=0");
  q.name = std::string(151 * 3, '\0');
  for (std::size_t i = 0; i < 151; ++i) q.name.replace(i * 3, 3, "株");
  CHECK_FALSE(try_build_url(q, "X").has_value());
  q.name = "\xFF";
  CHECK(try_build_url(q, "X").error().code == mynumber::errc::invalid_utf8);
}

TEST_CASE("webapi: paging through divide") {
  diff_request d;
  d.from = civil_date::from_ymd(2017, 1, 1);
  d.to = civil_date::from_ymd(2017, 1, 10);
  api_header h;
  h.count = 5499;
  h.divide_number = 1;
  h.divide_size = 3;
  auto p2 = next_page(d, h);
  REQUIRE(p2.has_value());
  CHECK(p2->divide == 2);
  h.divide_number = 3;
  CHECK_FALSE(next_page(d, h).has_value());
}

TEST_CASE("webapi: CSV responses (types 01 and 02) parse into records") {
  const nta_synth::world w(corp_test::small_config(40));
  auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  const std::string head = "2026-04-30," + std::to_string(rows.size()) + ",1,1\r\n";
  for (auto enc : {nta_synth::encoding::utf8, nta_synth::encoding::cp932}) {
    const auto parsed = try_parse_api_csv(head + corp_test::to_csv(rows, enc));
    REQUIRE(parsed.has_value());
    CHECK(parsed->header.count == rows.size());
    CHECK(parsed->header.last_update_date == civil_date::from_ymd(2026, 4, 30));
    REQUIRE(parsed->records.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) CHECK(parsed->records[i] == rows[i]);
    CHECK(parsed->bad_rows.empty());
  }
  const auto no_header = try_parse_api_csv(corp_test::to_csv(rows, nta_synth::encoding::utf8));
  REQUIRE_FALSE(no_header.has_value());
  CHECK(no_header.error().code == mynumber::errc::csv_malformed);
}

TEST_CASE("webapi: XML responses (type 12) parse into the same records") {
  const nta_synth::world w(corp_test::small_config(60));
  auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  for (const auto& day : w.all_diffs()) rows.insert(rows.end(), day.begin(), day.end());  // adds 99 rows
  api_header h;
  h.last_update_date = civil_date::from_ymd(2026, 5, 4);
  h.count = rows.size();
  h.divide_number = 1;
  h.divide_size = 1;
  const auto parsed = try_parse_api_xml(to_xml(rows, h));
  REQUIRE(parsed.has_value());
  CHECK(parsed->header.count == rows.size());
  CHECK(parsed->bad_rows.empty());
  REQUIRE(parsed->records.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(parsed->records[i] == rows[i]);
}

TEST_CASE("webapi: XML details and errors") {
  const std::string doc =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- comment --><corporations>"
      "<lastUpdateDate>2026-03-11</lastUpdateDate><count>2</count><divideNumber>1</divideNumber>"
      "<divideSize>1</divideSize>"
      "<corporation><sequenceNumber>1</sequenceNumber><corporateNumber>7000012050002</corporateNumber>"
      "<process>01</process><correct>0</correct><updateDate>2026-03-11</updateDate><changeDate/>"
      "<name><![CDATA[A&B]]> &#x682A;&#24335;</name><kind>101</kind><latest>1</latest><hihyoji>0</hihyoji>"
      "</corporation>\n"
      "<corporation><sequenceNumber>2</sequenceNumber><corporateNumber>7000012050003</corporateNumber>"
      "<process>01</process></corporation></corporations>";
  const auto parsed = try_parse_api_xml(doc);
  REQUIRE(parsed.has_value());
  REQUIRE(parsed->records.size() == 1);
  CHECK(parsed->records[0].name == "A&B 株式");
  CHECK(parsed->records[0].kind == kind::national_agency);
  CHECK(parsed->records[0].furigana.empty());
  REQUIRE(parsed->bad_rows.size() == 1);
  CHECK(parsed->bad_rows[0].line == 2);
  CHECK(parsed->bad_rows[0].code == mynumber::errc::check_digit_mismatch);

  CHECK(try_parse_api_xml("<corporations><count>1</count>").error().code == mynumber::errc::xml_malformed);
  CHECK(try_parse_api_xml("<html>maintenance</html>").error().code == mynumber::errc::xml_malformed);
  CHECK(try_parse_api_xml("<corporations><name>&bogus;</name></corporations>").error().code ==
        mynumber::errc::xml_malformed);
}

TEST_CASE("webapi: error bodies") {
  const auto e = parse_api_error("180,検索結果件数が多いため結果をお返しできません。\r\n");
  REQUIRE(e.has_value());
  CHECK(e->code == 180);
  CHECK(e->message == "検索結果件数が多いため結果をお返しできません。");
  CHECK_FALSE(parse_api_error("<html>").has_value());
}
