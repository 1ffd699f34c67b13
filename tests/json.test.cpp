// Tests of detail/json.hpp, the library's one JSON reader and writer (used by the law, secure,
// corp and jpki modules): RFC 8259 strictness with byte positions, duplicate-key rejection, the
// canonical escapes the secure module's audit hashes depend on, and the streaming writer.
#include <doctest/doctest.h>

#include <mynumber/detail/json.hpp>

#include <cstdint>
#include <string>

using mynumber::errc;
namespace json = mynumber::detail::json;

TEST_CASE("json reader accepts RFC 8259 and rejects everything else with a position") {
  auto ok = json::parse(R"( {"a":[1,-2,3.5e1,true,false,null,"x\u00e9\ud83d\ude00"],"b":{}} )");
  REQUIRE(ok);
  CHECK(ok->find("a")->items.size() == 7);
  CHECK(ok->find("a")->items[1].integer == -2);
  CHECK_FALSE(ok->find("a")->items[2].integral);
  CHECK(ok->find("a")->items[6].text == "x\xc3\xa9\xf0\x9f\x98\x80");
  for (const char* bad : {"",
                          "{",
                          "[1,]",
                          "{\"a\":1,}",
                          "01",
                          "1.",
                          "-",
                          "tru",
                          "\"\\x\"",
                          "\"a",
                          "{\"a\" 1}",
                          "[1] [2]",
                          "{\"a\":1,\"a\":2}",
                          "\"\\ud800\"",
                          "\"\\udc00\"",
                          "'a'",
                          "[NaN]",
                          "// c\n1",
                          "\"\x01\"",
                          "\"\xff\""}) {
    CAPTURE(bad);
    auto r = json::parse(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::json_malformed);
    CHECK(r.error().position != mynumber::no_position);
  }
  std::string deep(100, '[');
  deep += std::string(100, ']');
  CHECK(json::parse(deep).error().code == errc::json_malformed);
  CHECK(json::parse("9223372036854775807")->integral);
  CHECK_FALSE(json::parse("9223372036854775808")->integral);
  CHECK(json::parse("-9223372036854775808")->integer == INT64_MIN);
}

TEST_CASE("json writer escapes and nests") {
  json::writer w;
  w.begin_object().key("s").string("a\"b\\c\n\x01").key("l").begin_array().integer(1).boolean(false).null().end_array();
  w.end_object();
  CHECK(w.str() == R"({"s":"a\"b\\c\n\u0001","l":[1,false,null]})");
  CHECK(json::parse(w.str()).has_value());
}

TEST_CASE("json reader: duplicate keys are rejected at the second key, at any depth") {
  const auto top = json::parse(R"({"a":1,"a":2})");
  REQUIRE_FALSE(top);
  CHECK(top.error().code == errc::json_malformed);
  CHECK(top.error().position == 7);
  CHECK(top.error().detail == "duplicate object key");
  const auto nested = json::parse(R"([{"k":"x","b":{"k":1,"k":null}}])");
  REQUIRE_FALSE(nested);
  CHECK(nested.error().position == 21);
  CHECK(json::parse(R"({"a":{"a":1}})").has_value());  // the same key in different objects is fine
}

TEST_CASE("json writer: canonical escapes") {
  std::string s;
  json::append_string(s, "a\"b\\c\n\t\x01\x7f/日本");
  CHECK(s == "\"a\\\"b\\\\c\\n\\t\\u0001\x7f/日本\"");
  // Short escapes for \b \f \r; other controls as \u00XX in lower-case hex.
  CHECK(json::quote("\b\f\r\x1f") == "\"\\b\\f\\r\\u001f\"");
  // Valid UTF-8 (including 4-byte sequences) is copied; each byte that is not UTF-8 becomes \ufffd.
  CHECK(json::quote("𠮷") == "\"𠮷\"");
  CHECK(json::quote("a\xff"
                    "b") == "\"a\\ufffdb\"");
  CHECK(json::quote("\xe6\x97") == "\"\\ufffd\\ufffd\"");  // truncated 日
  CHECK(json::quote("") == "\"\"");
  // What the writer escapes, the reader restores.
  const std::string all = std::string("\"\\/\b\f\n\r\t\x01\x7f") + "日本𠮷";
  const auto back = json::parse(json::quote(all));
  REQUIRE(back);
  CHECK(back->text == all);
}

TEST_CASE("json writer: unsigned integers, raw values and take()") {
  json::writer w;
  w.begin_object().key("u").unsigned_integer(UINT64_MAX).key("i").integer(INT64_MIN).key("r").raw("{\"x\":[]}");
  w.key("e").begin_object().end_object().end_object();
  const std::string text = w.take();
  CHECK(text == R"({"u":18446744073709551615,"i":-9223372036854775808,"r":{"x":[]},"e":{}})");
  CHECK(w.str().empty());
  const auto parsed = json::parse(text);
  REQUIRE(parsed);
  CHECK_FALSE(parsed->find("u")->integral);  // beyond int64: the text is kept
  CHECK(parsed->find("u")->text == "18446744073709551615");
  CHECK(parsed->find("i")->integer == INT64_MIN);
  CHECK(parsed->find("r")->find("x")->type == json::kind::array);
}
