#include <mynumber/corp/record.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <type_traits>

using namespace mynumber::corp;
using mynumber::civil_date;
using mynumber::errc;

TEST_CASE("record: the 30-column layout is the documented one") {
  // corporate_data.md §1.5: column 9 is 項番15 法人種別, 12 is 項番18 丁目番地等, 20 is 項番26 閉鎖事由.
  CHECK(columns.size() == 30);
  for (std::size_t i = 0; i < columns.size(); ++i) CHECK(columns[i].position == static_cast<int>(i + 1));
  CHECK(columns[1].name == "corporateNumber");
  CHECK(columns[8].name == "kind");
  CHECK(columns[11].japanese == "国内所在地（丁目番地等）");
  CHECK(columns[19].name == "closeCause");
  CHECK(columns[23].name == "latest");
  CHECK(columns[28].name == "furigana");
  CHECK(columns[29].name == "hihyoji");
  CHECK(is_layout_width(23));
  CHECK(is_layout_width(28));
  CHECK(is_layout_width(29));
  CHECK(is_layout_width(30));
  CHECK_FALSE(is_layout_width(31));
  CHECK_FALSE(is_layout_width(27));
}

TEST_CASE("record: code tables hold their codes as values") {
  CHECK(static_cast<int>(process::deleted) == 99);
  CHECK(static_cast<int>(process::absorption_merger) == 71);
  CHECK(static_cast<int>(kind::kabushiki_kaisha) == 301);
  CHECK(static_cast<int>(kind::other) == 499);
  CHECK(static_cast<int>(close_cause::closed_by_registrar) == 21);
  CHECK(is_known(process::reopened));
  CHECK_FALSE(is_known(static_cast<process>(77)));  // the typo code seen in one client
  CHECK_FALSE(is_known(static_cast<kind>(300)));
  CHECK(label(kind::godo_kaisha) == "合同会社");
  CHECK(label(process::deleted) == "削除");
  CHECK(label(close_cause::merger) == "合併による解散等");
}

TEST_CASE("record: NTA date columns") {
  civil_date d;
  CHECK(parse_date("2024-02-29", d));
  CHECK(d == civil_date::from_ymd(2024, 2, 29));
  CHECK(d.to_string() == "2024-02-29");
  CHECK(parse_date("2023-02-29", d).code == errc::invalid_date);
  CHECK(d == civil_date::from_ymd(2024, 2, 29));  // a failed parse leaves `out` alone
  CHECK_FALSE(parse_date("2023-13-01", d));
  CHECK_FALSE(parse_date("2023-1-01", d));
  CHECK_FALSE(parse_date("", d));
  CHECK_FALSE(parse_date("0999-12-31", d));  // NTA columns hold years 1000-9999 only
  CHECK(parse_date("1000-01-01", d));
  CHECK(parse_date("2023-0a-01", d).position == 6);
  CHECK(parse_date("2023/01/01", d).position == 4);
  CHECK(parse_date("2023-01/01", d).position == 7);
  // A blank column is an empty optional: "" as text, and it sorts before every date.
  const std::optional<civil_date> blank;
  CHECK(to_string(blank).empty());
  CHECK(to_string(std::optional<civil_date>(civil_date::from_ymd(2015, 10, 5))) == "2015-10-05");
  CHECK(blank < civil_date::from_ymd(1000, 1, 1));
  // `corp::date` is the core type itself, not a second one.
  CHECK(std::is_same_v<date, mynumber::civil_date>);
}

TEST_CASE("record: helpers") {
  record r;
  r.corporate_number = "7000012050002";
  r.prefecture_code = 13;
  r.city_code = "101";
  CHECK(r.local_government_code() == "13101");
  CHECK(r.number().has_value());
  CHECK_FALSE(r.is_closed());
  r.close_date = civil_date::from_ymd(2020, 1, 1);
  CHECK(r.is_closed());
  record s = r;
  CHECK(s == r);
  s.sequence_number = 9;
  CHECK(s != r);
  CHECK(same_corporation_state(s, r));
}
