#include <mynumber/corp/json.hpp>

#include <doctest/doctest.h>

using namespace mynumber::corp;
using mynumber::civil_date;

TEST_CASE("json: records keep zero-padded codes, nulls for blanks, escaped text") {
  record r;
  r.sequence_number = 7;
  r.corporate_number = "7000012050002";
  r.process = process::newly_published;
  r.correct = flag::no;
  r.update_date = civil_date::from_ymd(2026, 5, 1);
  r.name = "A \"B\"\n国税庁";
  r.kind = kind::national_agency;
  r.prefecture_code = 1;
  r.latest = flag::yes;
  const std::string j = to_json(r);
  CHECK(j.rfind("{\"sequenceNumber\":7,\"corporateNumber\":\"7000012050002\",\"process\":\"01\",\"correct\":0,", 0) ==
        0);
  CHECK(j.find("\"name\":\"A \\\"B\\\"\\n国税庁\"") != std::string::npos);
  CHECK(j.find("\"kind\":\"101\"") != std::string::npos);
  CHECK(j.find("\"prefectureCode\":\"01\"") != std::string::npos);
  CHECK(j.find("\"changeDate\":null") != std::string::npos);
  CHECK(j.find("\"updateDate\":\"2026-05-01\"") != std::string::npos);
  r.close_date = civil_date::from_ymd(2026, 4, 30);
  CHECK(to_json(r).find("\"closeDate\":\"2026-04-30\"") != std::string::npos);
  r.close_date.reset();
  CHECK(j.find("\"hihyoji\":null}") != std::string::npos);
  CHECK(to_json(stored_record{r, true}).find(",\"current\":true}") != std::string::npos);
  bad_row b{"f.csv", 3, 2, mynumber::errc::csv_malformed, "3 columns"};
  CHECK(to_json(b) ==
        "{\"file\":\"f.csv\",\"line\":3,\"row\":2,\"error\":\"malformed CSV record\",\"code\":400,\"reason\":\"3 "
        "columns\"}");
  apply_report rep;
  rep.file = "d.csv";
  CHECK(to_json(rep).find("\"alreadyApplied\":false") != std::string::npos);
}
