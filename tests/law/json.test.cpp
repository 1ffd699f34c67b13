#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

using namespace mynumber::law;
using mynumber::errc;
namespace json = mynumber::detail::json;  // the shared reader (tests/json.test.cpp)

namespace {
json::value answer(const std::string& request) {
  auto text = try_answer_json(request);
  REQUIRE_MESSAGE(text.has_value(), (text ? std::string() : text.error().message()));
  auto parsed = json::parse(*text);
  REQUIRE(parsed.has_value());
  return *parsed;
}
std::string member(const json::value& v, std::string_view key) {
  const json::value* m = v.find(key);
  REQUIRE(m != nullptr);
  return m->type == json::kind::string ? m->text : std::string(json::to_string(m->type));
}
errc error_of(const std::string& request) {
  auto r = try_answer_json(request);
  REQUIRE_FALSE(r.has_value());
  return r.error().code;
}
}  // namespace

TEST_CASE("json: every question answers with decision, confidence, trace and disclaimer") {
  const json::value use =
      answer(R"({"question":"use","date":"2025-07-01","path":"annex","actor":"健康保険組合","annex_item":"二"})");
  CHECK(member(use, "decision") == "permitted");
  CHECK(member(*use.find("basis"), "rule") == "A9.ANNEX");
  CHECK(use.find("trace")->items.size() >= 2);
  CHECK(member(use, "disclaimer").find("not legal advice") != std::string::npos);

  const json::value req =
      answer(R"({"question":"request","date":"2024-05-26","act":"provide","situation":"P19.NETWORK"})");
  CHECK(member(req, "decision") == "permitted");
  CHECK(member(*req.find("basis"), "item") == "7");
  CHECK(member(*req.find("basis"), "citation") == "番号法 第19条第7号（別表第二）");

  const json::value idv = answer(R"({"question":"verify_identity","date":"2020-05-25","channel":"in_person",
      "documents":[{"kind":"notification_card","details_unchanged":false},"drivers_license"]})");
  CHECK(member(idv, "decision") == "not_satisfied");
  CHECK(member(*idv.find("number_check"), "result") == "not_satisfied");
  CHECK(member(*idv.find("identity_check"), "result") == "satisfied");
  CHECK(idv.find("missing")->items.size() == 1);

  const json::value pay =
      answer(R"({"question":"payment","date":"2025-07-01","kind":"PAY.FEES_OTHER","amount_yen":50001})");
  CHECK(member(pay, "decision") == "required");
  CHECK(pay.find("threshold_yen")->integer == 50000);

  const json::value pen = answer(R"({"question":"penalty","date":"2025-06-01","article":"48","trace":false})");
  CHECK(member(pen, "offence") == "PEN.FILE_LEAK");
  CHECK(member(pen, "imprisonment") == "拘禁刑");
  CHECK(pen.find("corporate_max_fine_yen")->integer == 100000000);
  CHECK(pen.find("trace") == nullptr);

  const json::value annex = answer(R"({"question":"annex","date":"2025-07-01","include_linkage":false})");
  CHECK(annex.find("count")->integer == 177);
  CHECK(annex.find("rows")->items.size() == 177);
  const json::value linked = answer(R"({"question":"annex","date":"2016-06-01","keyword":"難病","limit":50})");
  bool has_pairs = false;
  for (const json::value& row : linked.find("rows")->items) has_pairs = has_pairs || row.find("providers") != nullptr;
  CHECK(has_pairs);
}

TEST_CASE("json: strict queries give typed errors") {
  CHECK(error_of("{") == errc::json_malformed);
  CHECK(error_of("[]") == errc::law_invalid_query);
  CHECK(error_of(R"({"question":"use","date":"2025-07-01"})") == errc::law_invalid_query);  // path missing
  CHECK(error_of(R"({"question":"use","date":"2025-07-01","path":"annex","actr":"x"})") == errc::law_invalid_query);
  CHECK(error_of(R"({"question":"use","date":"2025-07-01","path":"annex","local_government":1})") ==
        errc::law_invalid_query);
  CHECK(error_of(R"({"question":"nope","date":"2025-07-01"})") == errc::law_invalid_query);
  CHECK(error_of(R"({"question":"request","date":"2025-02-30"})") == errc::law_invalid_query);
  CHECK(error_of(R"({"question":"request","date":"2010-01-01"})") == errc::law_date_out_of_range);
  CHECK(error_of(R"({"question":"request","date":"2025-07-01","situation":"P19.NOPE"})") == errc::law_unknown_id);
  CHECK(error_of(R"({"question":"request","date":"2025-07-01","situation":"PEN.FILE_LEAK"})") ==
        errc::law_invalid_query);
  CHECK(error_of(R"({"question":"payment","date":"2025-07-01","kind":"PAY.FEES_OTHER","amount_yen":-1})") ==
        errc::law_invalid_query);
  CHECK(error_of(R"({"question":"payment","date":"2025-07-01","kind":"PAY.FEES_OTHER","amount_yen":1.5})") ==
        errc::law_invalid_query);
  CHECK(error_of(R"({"question":"penalty","date":"2025-07-01","article":"48","offence":"PEN.FILE_LEAK"})") ==
        errc::law_invalid_query);
  CHECK(error_of(R"({"question":"penalty","date":"2025-07-01","article":"67"})") == errc::law_unknown_id);
  CHECK(error_of(R"({"question":"verify_identity","date":"2025-07-01","documents":["selfie"]})") ==
        errc::law_invalid_query);
  // Unknown member names are echoed only when they cannot hold a number.
  auto typo = try_answer_json(R"({"question":"use","date":"2025-07-01","path":"none","actr":1})");
  REQUIRE_FALSE(typo);
  CHECK(typo.error().message().find("actr") != std::string::npos);
  auto digits = try_answer_json(R"({"question":"use","date":"2025-07-01","path":"none","123456789018":1})");
  REQUIRE_FALSE(digits);
  CHECK(digits.error().message().find("9018") == std::string::npos);
  const std::string e = error_json(mynumber::error_info{errc::law_invalid_query, mynumber::no_position, -1, "x"});
  auto parsed = json::parse(e);
  REQUIRE(parsed);
  CHECK(parsed->find("error")->find("code")->integer == 301);
}
