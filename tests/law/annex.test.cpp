#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

using namespace mynumber::law;
using law_test::d;

TEST_CASE("annex tables have the statute's row counts") {
  CHECK(annex_size(annex_table::current) == 177);
  CHECK(annex_size(annex_table::table1_2015) == 99);
  CHECK(annex_size(annex_table::table2_2015) == 121);
}

TEST_CASE("annex rows carry actor, affair, item number and citation") {
  const annex_row& first = annex_entry(annex_table::current, 0);
  CHECK(first.item_label == "一");
  CHECK(first.actor == "厚生労働大臣");
  CHECK(first.affair.find("健康保険法") == 0);
  CHECK(first.citation == "番号法 別表 一の項");
  const annex_row& last = annex_entry(annex_table::current, 176);
  CHECK(last.item == 136);
  CHECK(last.actor == "預金保険機構");
  // Branch items: 別表第一 has exactly one (三十六の二), the current 別表 has 41.
  int branches_2015 = 0;
  int branches_now = 0;
  for (std::size_t i = 0; i < 99; ++i) branches_2015 += annex_entry(annex_table::table1_2015, i).branch ? 1 : 0;
  for (std::size_t i = 0; i < 177; ++i) branches_now += annex_entry(annex_table::current, i).branch ? 1 : 0;
  CHECK(branches_2015 == 1);
  CHECK(branches_now == 41);
  CHECK(annex_entry(annex_table::table1_2015, 98).item == 98);
}

TEST_CASE("別表第二 rows hold requester, affair and provider/data pairs") {
  const annex2_row& one = annex2_entry(0);
  CHECK(one.requester == "厚生労働大臣");
  REQUIRE(one.pair_count == 3);
  CHECK(annex2_pair_of(one, 1).provider == "市町村長");
  CHECK(annex2_pair_of(one, 2).data.find("年金給付関係情報") != std::string_view::npos);
  const annex2_row& last = annex2_entry(120);
  CHECK(last.item == 120);
  CHECK(last.pair_count == 3);
  CHECK(annex2_pair_of(last, 0).provider == "都道府県知事等");
}

TEST_CASE("annex search at each boundary: table switch and 別表第二 abolition on 2024-05-27") {
  for (std::string_view b : law_test::boundary_dates) {
    CAPTURE(b);
    const date on = d(b);
    const annex_answer before = search_annex({on.add_days(-1), "厚生労働大臣", "健康保険", true});
    const annex_answer at = search_annex({on, "厚生労働大臣", "健康保険", true});
    CHECK_FALSE(before.hits.empty());
    CHECK_FALSE(at.hits.empty());
    if (b == "2024-05-27") {
      CHECK(before.use_table == annex_table::table1_2015);
      CHECK(before.linkage_status == rule_status::in_force);
      CHECK(at.use_table == annex_table::current);
      CHECK(at.linkage_status == rule_status::not_in_force);
      bool linkage_before = false;
      for (const annex_hit& h : before.hits) linkage_before = linkage_before || h.table == annex_table::table2_2015;
      CHECK(linkage_before);
      for (const annex_hit& h : at.hits) CHECK(h.table == annex_table::current);
      CHECK(at.level == confidence::unconfirmed);  // the abolition date is UNCONFIRMED
    } else if (b == "2016-01-01") {
      CHECK(before.level == confidence::statute);
      CHECK(at.level == confidence::unconfirmed);
    } else if (b == "2025-06-01") {
      CHECK(before.level == confidence::unconfirmed);
      CHECK(at.level == confidence::unconfirmed);  // 別表第二's abolition date stays UNCONFIRMED
      const annex_answer no_linkage = search_annex({on, "厚生労働大臣", "健康保険", false});
      CHECK(no_linkage.level == confidence::statute);
    } else {
      CHECK(before.use_table == at.use_table);
      CHECK(before.hits.size() == at.hits.size());
    }
  }
}

TEST_CASE("annex search with no filters lists every row in force") {
  const annex_answer now = search_annex({d("2025-07-01"), {}, {}, false});
  CHECK(now.hits.size() == 177);
  const annex_answer then = search_annex({d("2015-12-15"), {}, {}, true});
  CHECK(then.hits.size() == 99 + 121);
  auto early = try_search_annex({d("2015-11-30"), {}, {}, true});
  REQUIRE_FALSE(early);
  CHECK(early.error().code == mynumber::errc::law_date_out_of_range);
}
