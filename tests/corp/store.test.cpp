#include <mynumber/corp/store.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>

#include "test_support.hpp"

using namespace mynumber::corp;
using mynumber::civil_date;

namespace {
std::string fresh_db(const std::string& name) {
  const std::string path = corp_test::work_dir() + "/" + name + ".sqlite";
  std::filesystem::remove(path);
  return path;
}
// Writes the snapshot at `day` and returns its path.
std::string write_snapshot(const nta_synth::world& w, civil_date day, nta_synth::encoding enc, const std::string& tag) {
  const std::string path = corp_test::work_dir() + "/" + tag + "_00_zenkoku_all_" + day.to_basic_string() + ".csv";
  corp_test::write_file(path, corp_test::to_csv(corp_test::snapshot_rows(w, day), enc));
  return path;
}
std::vector<std::string> write_diffs(const nta_synth::world& w, nta_synth::encoding enc, const std::string& tag) {
  std::vector<std::string> paths;
  const auto diffs = w.all_diffs();
  for (std::size_t d = 0; d < diffs.size(); ++d) {
    const std::string path = corp_test::work_dir() + "/" + tag + "_diff_" +
                             w.cfg().snapshot_date.add_days(static_cast<long>(d + 1)).to_basic_string() + ".csv";
    corp_test::write_file(path, corp_test::to_csv(diffs[d], enc));
    paths.push_back(path);
  }
  return paths;
}
// Every current row of the store, by number.
std::map<std::string, record> current_rows(store& s) {
  std::map<std::string, record> out;
  query_options all;
  all.include_hihyoji = true;
  all.limit = 1u << 30;
  const auto rows = s.try_find(all).value();
  for (const auto& r : rows) out.emplace(r.rec.corporate_number, r.rec);
  return out;
}
}  // namespace

TEST_CASE("store: snapshot import keeps every field") {
  const nta_synth::world w(corp_test::small_config(300));
  const auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  auto s = store::open(fresh_db("import"));
  std::uint64_t progress_calls = 0;
  const auto rep = s.try_import_snapshot(write_snapshot(w, w.cfg().snapshot_date, nta_synth::encoding::cp932, "imp"),
                                         {}, [&](std::uint64_t, std::uint64_t) { ++progress_calls; })
                       .value();
  CHECK(progress_calls >= 1);
  CHECK(rep.inserted == rows.size());
  CHECK(rep.stats.bad == 0);
  const auto stats = s.try_stats().value();
  CHECK(stats.corporations == rows.size());
  CHECK(stats.files == 1);
  for (const auto& want : rows) {
    const auto got = s.lookup(want.corporate_number);
    REQUIRE(got.has_value());
    CHECK(got->current);
    CHECK(got->rec == want);
  }
  CHECK_FALSE(s.lookup("7000012050002").has_value());  // valid, absent
  CHECK(s.try_lookup("7000012050003").error().code == mynumber::errc::check_digit_mismatch);
}

TEST_CASE("store: snapshot S + diffs == snapshot at the end of the window") {
  const nta_synth::world w(corp_test::small_config(500));
  const civil_date start = w.cfg().snapshot_date, end = w.window_end();
  for (auto enc : {nta_synth::encoding::utf8, nta_synth::encoding::cp932}) {
    CAPTURE(static_cast<int>(enc));
    const std::string tag = enc == nta_synth::encoding::cp932 ? "sj" : "u8";
    auto s = store::open(fresh_db("diffs_" + tag));
    (void)s.try_import_snapshot(write_snapshot(w, start, enc, tag)).value();
    auto diffs = write_diffs(w, enc, tag);
    std::reverse(diffs.begin(), diffs.end());  // given out of order: applied in date order anyway
    const auto reports = s.try_apply_diffs(diffs).value();
    std::uint64_t deleted = 0, corrected = 0;
    for (const auto& r : reports) {
      CHECK_FALSE(r.already_applied);
      CHECK(r.stats.bad == 0);
      deleted += r.deleted;
      corrected += r.corrected;
    }
    CHECK(deleted > 0);
    CHECK(corrected > 0);
    CHECK(reports.front().data_date < reports.back().data_date);

    const auto want = corp_test::snapshot_rows(w, end);
    const auto got = current_rows(s);
    CHECK(got.size() == want.size());
    for (const auto& r : want) {
      const auto it = got.find(r.corporate_number);
      REQUIRE(it != got.end());
      INFO("number " << r.corporate_number);
      CHECK(same_corporation_state(it->second, r));
    }

    // Each diff applies once: again, nothing changes.
    const auto before = s.try_stats().value();
    const auto again = s.try_apply_diffs(diffs).value();
    for (const auto& r : again) CHECK(r.already_applied);
    const auto after = s.try_stats().value();
    CHECK(after.rows == before.rows);
    CHECK(after.files == before.files);
  }
}

TEST_CASE("store: diff order, history, corrections") {
  const nta_synth::world w(corp_test::small_config(500));
  auto s = store::open(fresh_db("order"));
  (void)s.try_import_snapshot(write_snapshot(w, w.cfg().snapshot_date, nta_synth::encoding::utf8, "ord")).value();
  const auto diffs = write_diffs(w, nta_synth::encoding::utf8, "ord");
  REQUIRE(diffs.size() == 4);
  (void)s.try_apply_diff(diffs[2]).value();
  const auto late = s.try_apply_diff(diffs[0]);
  REQUIRE_FALSE(late.has_value());
  CHECK(late.error().code == mynumber::errc::diff_order);
  CHECK(late.error().detail.find("older than the store") != std::string::npos);

  // A name change keeps the old row as history; the current row is the new one.
  auto s2 = store::open(fresh_db("history"));
  (void)s2.try_import_snapshot(write_snapshot(w, w.cfg().snapshot_date, nta_synth::encoding::utf8, "his")).value();
  for (const auto& p : diffs) (void)s2.try_apply_diff(p).value();
  const auto all_diffs = w.all_diffs();
  bool saw_change = false, saw_correction = false;
  for (const auto& day : all_diffs)
    for (const auto& r : day) {
      if (!s2.lookup(r.corporate_number)) continue;  // deleted later in the window
      if (r.process == process::name_changed && r.correct == flag::no && !saw_change) {
        const auto h = s2.try_history(r.corporate_number).value();
        REQUIRE(h.size() >= 2);
        CHECK(h[0].current);
        CHECK_FALSE(h[1].current);
        CHECK(h[0].rec.name != h[1].rec.name);
        saw_change = true;
      }
      if (r.correct == flag::yes && r.latest == flag::yes && !saw_correction) {
        // After a correction the history is exactly the re-sent rows (unless changed again later).
        std::size_t resent = 0;
        for (const auto& x : day) resent += x.corporate_number == r.corporate_number;
        const auto h = s2.try_history(r.corporate_number).value();
        CHECK(h.size() >= resent);
        for (const auto& x : h) CHECK(x.rec.update_date >= r.update_date);
        saw_correction = true;
      }
    }
  CHECK((saw_change && saw_correction));
}

TEST_CASE("store: bad rows in a diff are reported, good rows applied") {
  const nta_synth::world w(corp_test::small_config(50));
  auto s = store::open(fresh_db("bad"));
  (void)s.try_import_snapshot(write_snapshot(w, w.cfg().snapshot_date, nta_synth::encoding::utf8, "bad")).value();
  const std::string path = corp_test::work_dir() + "/bad_diff.csv";
  corp_test::write_file(path,
                        "1,7000012050003,01,0,2026-05-01,2026-05-01,\"x\",,101,,,,,,,,,,,,,,2026-05-01,1,,,,,,0\n"
                        "2,7000012050002,01,0,2026-05-01,2026-05-01,\"国税庁\",,101,\"東京都\",\"千代田区\",,,13,101,,,"
                        ",,,,,2015-10-05,1,,,,,\"コクゼイチョウ\",0\n");
  const auto rep = s.try_apply_diff(path).value();
  CHECK(rep.stats.rows == 2);
  CHECK(rep.stats.bad == 1);
  REQUIRE(rep.bad_rows.size() == 1);
  CHECK(rep.bad_rows[0].line == 1);
  CHECK(rep.inserted == 1);
  const auto got = s.lookup("7000012050002");
  REQUIRE(got.has_value());
  CHECK(got->rec.name == "国税庁");
}

TEST_CASE("store: name search folds width, kana and legal forms") {
  const nta_synth::world w(corp_test::small_config(400));
  auto s = store::open(fresh_db("search"));
  (void)s.try_import_snapshot(write_snapshot(w, w.cfg().snapshot_date, nta_synth::encoding::utf8, "srch")).value();
  const auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  // A 株式会社 written 後株: search it with ㈱ in front and (株) behind.
  const record* target = nullptr;
  for (const auto& r : rows)
    if (r.kind == kind::kabushiki_kaisha && r.hihyoji != flag::yes && r.name.rfind("株式会社", 0) != 0 &&
        r.name.find('"') == std::string::npos) {
      target = &r;
      break;
    }
  REQUIRE(target != nullptr);
  const std::string core = target->name.substr(0, target->name.size() - std::string("株式会社").size());
  query_options all;
  all.limit = 1000;
  for (const std::string& q : std::vector<std::string>{"㈱" + core, core + " (株)", "株式会社" + core}) {
    CAPTURE(q);
    const auto hits = s.try_search_name(q, match_mode::prefix, all).value();
    CHECK(std::any_of(hits.begin(), hits.end(),
                      [&](const stored_record& h) { return h.rec.corporate_number == target->corporate_number; }));
    for (const auto& h : hits) CHECK(make_name_keys(h.rec.name).core.rfind(make_name_keys(core).core, 0) == 0);
  }
  const auto exact = s.try_search_name("株式会社" + core, match_mode::exact, all).value();
  CHECK_FALSE(exact.empty());
  for (const auto& h : exact) CHECK(make_name_keys(h.rec.name).core == make_name_keys(core).core);

  // Width and case: full-width Latin in the data, typed half-width lower case.
  const std::string number = std::to_string(mynumber::corporate_check_digit("301234567890")) + "301234567890";
  const std::string diff = corp_test::work_dir() + "/search_diff.csv";
  corp_test::write_file(
      diff, "1," + number +
                ",01,0,2026-05-01,2026-05-01,\"株式会社ＺＹＸ・サービス\",,301,\"東京都\",\"港区\",,,13,103,,,,,,,,"
                "2026-05-01,1,,,,,\"ゼットワイエックスサービス\",0\n");
  (void)s.try_apply_diff(diff).value();
  for (const std::string& q : std::vector<std::string>{"zyx", "ＺＹＸサービス", "(株)zyx・ｻｰﾋﾞｽ", "zyx service"}) {
    CAPTURE(q);
    const auto hits = s.try_search_name(q, match_mode::prefix, all).value();
    const bool expected = q != "zyx service";
    CHECK(std::any_of(hits.begin(), hits.end(),
                      [&](const stored_record& h) { return h.rec.corporate_number == number; }) == expected);
  }
  const auto partial = s.try_search_name("サービス", match_mode::partial, all).value();
  CHECK(std::any_of(partial.begin(), partial.end(),
                    [&](const stored_record& h) { return h.rec.corporate_number == number; }));
  const auto by_reading = s.try_search_name("ぜっとわいえっくす", match_mode::prefix, all).value();
  CHECK(std::any_of(by_reading.begin(), by_reading.end(),
                    [&](const stored_record& h) { return h.rec.corporate_number == number; }));

  // Kana queries also match フリガナ (hiragana typed by a user).
  const record* kana = nullptr;
  for (const auto& r : rows)
    if (!r.furigana.empty() && r.furigana.rfind("サクライ", 0) == 0 && r.hihyoji != flag::yes) {
      kana = &r;
      break;
    }
  REQUIRE(kana != nullptr);
  const auto by_kana = s.try_search_name("さくらい", match_mode::prefix, all).value();
  CHECK(std::any_of(by_kana.begin(), by_kana.end(),
                    [&](const stored_record& h) { return h.rec.corporate_number == kana->corporate_number; }));

  // Filters: prefecture, kind, status; 検索対象除外 rows only on request.
  query_options tokyo;
  tokyo.prefecture_code = 13;
  tokyo.kind = kind::kabushiki_kaisha;
  tokyo.limit = 1000;
  const auto t = s.try_find(tokyo).value();
  CHECK_FALSE(t.empty());
  for (const auto& r : t) {
    CHECK(r.rec.prefecture_code == 13);
    CHECK(r.rec.kind == kind::kabushiki_kaisha);
    CHECK(r.rec.hihyoji != flag::yes);
  }
  query_options closed;
  closed.status = status_filter::closed;
  closed.limit = 1000;
  const auto c = s.try_find(closed).value();
  CHECK_FALSE(c.empty());
  for (const auto& r : c) CHECK(r.rec.is_closed());
  query_options with_hidden;
  with_hidden.include_hihyoji = true;
  with_hidden.limit = 100000;
  query_options without_hidden;
  without_hidden.limit = 100000;
  CHECK(s.try_find(with_hidden).value().size() > s.try_find(without_hidden).value().size());
  CHECK(s.try_search_name("   ", match_mode::prefix).error().code == mynumber::errc::invalid_argument);
}

TEST_CASE("store: a snapshot straight from the NTA .zip, and plain SQL on the documented schema") {
  const nta_synth::world w(corp_test::small_config(100));
  const auto rows = corp_test::snapshot_rows(w, w.cfg().snapshot_date);
  const std::string zip = corp_test::work_dir() + "/store_snapshot.zip";
  {
    nta_synth::zip_writer z(zip);
    z.begin("00_zenkoku_all_20260430.csv");
    z.write(corp_test::to_csv(rows, nta_synth::encoding::cp932));
    z.end();
    z.close();
  }
  auto s = store::open(fresh_db("zip"));
  CHECK(s.try_import_snapshot(zip).value().inserted == rows.size());
  sqlite3_stmt* raw = nullptr;
  REQUIRE(sqlite3_prepare_v2(s.handle(), "SELECT count(*) FROM corporations WHERE kind = 301", -1, &raw, nullptr) ==
          SQLITE_OK);
  REQUIRE(sqlite3_step(raw) == SQLITE_ROW);
  const auto count = sqlite3_column_int64(raw, 0);
  sqlite3_finalize(raw);
  CHECK(count ==
        std::count_if(rows.begin(), rows.end(), [](const record& r) { return r.kind == kind::kabushiki_kaisha; }));
  // Opening the same file again sees the data.
  auto again = store::open(corp_test::work_dir() + "/zip.sqlite");
  CHECK(again.try_stats().value().corporations == rows.size());
}

TEST_CASE("store: a number twice in a snapshot keeps one current row, the last") {
  auto s = store::open(fresh_db("twice"));
  const std::string path = corp_test::work_dir() + "/twice.csv";
  corp_test::write_file(path,
                        "1,7000012050002,01,0,2026-04-01,2026-04-01,\"旧名\",,101,,,,,,,,,,,,,,2015-10-05,1,,,,,,0\n"
                        "2,7000012050002,11,0,2026-04-02,2026-04-02,\"新名\",,101,,,,,,,,,,,,,,2015-10-05,1,,,,,,0\n");
  CHECK(s.try_import_snapshot(path).value().inserted == 2);
  const auto now = s.lookup("7000012050002");
  REQUIRE(now.has_value());
  CHECK(now->rec.name == "新名");
  const auto h = s.try_history("7000012050002").value();
  REQUIRE(h.size() == 2);
  CHECK(h[0].current);
  CHECK_FALSE(h[1].current);
  CHECK(s.try_stats().value().corporations == 1);
}
