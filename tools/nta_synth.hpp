// File: tools/nta_synth.hpp — a synthetic, deterministic world of corporations, written out in the
// exact NTA bulk-file format (full snapshots and daily diffs, UTF-8 or CP932, CSV or .zip).
//
// Everything is a pure function of (seed, corporation index, date), so a snapshot at any date and
// the diffs between two dates can be produced independently — which is what lets tests check that
// "snapshot(S) + diffs(S..E) == snapshot(E)". Used by tools/gen_nta_bulk.cpp and by the unit tests.
// Numbers, names and addresses are invented (a generated corporate number may still be a real one).
#ifndef MYNUMBER_TOOLS_NTA_SYNTH_HPP
#define MYNUMBER_TOOLS_NTA_SYNTH_HPP

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <mynumber/corp/encoding.hpp>
#include <mynumber/corp/record.hpp>

namespace nta_synth {

using mynumber::civil_date;
using mynumber::corp::close_cause;
using mynumber::corp::flag;
using mynumber::corp::kind;
using mynumber::corp::process;
using mynumber::corp::record;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: splitmix64 over (seed, index, salt), no global state.
struct rng {
  std::uint64_t state;
  explicit rng(std::uint64_t seed, std::uint64_t index = 0, std::uint64_t salt = 0)
      : state(seed * 0x9E3779B97F4A7C15ull ^ (index + 1) * 0xBF58476D1CE4E5B9ull ^ (salt + 1) * 0x94D049BB133111EBull) {
    next();
  }
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0) < p; }
};

struct word {
  const char* text;
  const char* reading;  // katakana, for フリガナ
};

// Name parts (readings in full-size katakana, as the NTA's フリガナ column).
inline const word name_heads[] = {
    {"山田", "ヤマダ"},
    {"中央", "チュウオウ"},
    {"東洋", "トウヨウ"},
    {"日本", "ニホン"},
    {"大和", "ヤマト"},
    {"富士", "フジ"},
    {"旭", "アサヒ"},
    {"三和", "サンワ"},
    {"丸山", "マルヤマ"},
    {"新栄", "シンエイ"},
    {"北海", "ホッカイ"},
    {"光洋", "コウヨウ"},
    {"青葉", "アオバ"},
    {"桜井", "サクライ"},
    {"松本", "マツモト"},
    {"高橋", "タカハシ"},
    {"鈴木", "スズキ"},
    {"佐藤", "サトウ"},
    {"伊藤", "イトウ"},
    {"渡辺", "ワタナベ"},
    {"小林", "コバヤシ"},
    {"加藤", "カトウ"},
    {"吉田", "ヨシダ"},
    {"山本", "ヤマモト"},
    {"中村", "ナカムラ"},
    {"西日本", "ニシニホン"},
    {"東海", "トウカイ"},
    {"関東", "カントウ"},
    {"九州", "キュウシュウ"},
    {"瀬戸", "セト"},
    {"栄光", "エイコウ"},
    {"協和", "キョウワ"},
    {"平和", "ヘイワ"},
    {"太陽", "タイヨウ"},
    {"菊池", "キクチ"},
    {"髙島", "タカシマ"},
    {"齋藤", "サイトウ"},
    {"濵田", "ハマダ"},
    {"神﨑", "カンザキ"},
    {"島田", "シマダ"},
    {"サンライズ", "サンライズ"},
    {"テクノ", "テクノ"},
    {"グリーン", "グリーン"},
    {"ネクスト", "ネクスト"},
    {"アーバン", "アーバン"},
    {"リンク", "リンク"},
    {"ひまわり", "ヒマワリ"},
    {"さくら", "サクラ"},
    {"ＡＢＣ", "エービーシー"},
    {"Ｔ＆Ｍ", "ティーアンドエム"},
    {"ｓｏｕｖｅｎｉｒ", "スーベニア"},
    {"ＢＭ　ＳＱＵＡＲＥ", "ビーエムスクエア"},
    {"ジャパン・システム", "ジャパンシステム"},
};
inline const word name_tails[] = {
    {"商事", "ショウジ"},
    {"建設", "ケンセツ"},
    {"工業", "コウギョウ"},
    {"産業", "サンギョウ"},
    {"電機", "デンキ"},
    {"不動産", "フドウサン"},
    {"運輸", "ウンユ"},
    {"食品", "ショクヒン"},
    {"興業", "コウギョウ"},
    {"製作所", "セイサクショ"},
    {"物産", "ブッサン"},
    {"企画", "キカク"},
    {"技研", "ギケン"},
    {"設計", "セッケイ"},
    {"住宅", "ジュウタク"},
    {"印刷", "インサツ"},
    {"精工", "セイコウ"},
    {"ホールディングス", "ホールディングス"},
    {"ソリューションズ", "ソリューションズ"},
    {"コンサルティング", "コンサルティング"},
    {"ファーム", "ファーム"},
    {"サービス", "サービス"},
    {"", ""},
};

struct city {
  const char* name;
  const char* code;  // 3 digits (synthetic for most; the form is JIS X 0402 without check digit)
  const char* en;
};
struct prefecture {
  const char* name;
  const char* en;
  city cities[3];
};
inline const prefecture prefectures[47] = {
    {"北海道",
     "Hokkaido",
     {{"札幌市中央区", "101", "Chuo ku, Sapporo shi"},
      {"旭川市", "204", "Asahikawa shi"},
      {"函館市", "202", "Hakodate shi"}}},
    {"青森県",
     "Aomori",
     {{"青森市", "201", "Aomori shi"}, {"弘前市", "202", "Hirosaki shi"}, {"八戸市", "203", "Hachinohe shi"}}},
    {"岩手県",
     "Iwate",
     {{"盛岡市", "201", "Morioka shi"}, {"宮古市", "202", "Miyako shi"}, {"花巻市", "205", "Hanamaki shi"}}},
    {"宮城県",
     "Miyagi",
     {{"仙台市青葉区", "101", "Aoba ku, Sendai shi"},
      {"石巻市", "202", "Ishinomaki shi"},
      {"塩竈市", "203", "Shiogama shi"}}},
    {"秋田県",
     "Akita",
     {{"秋田市", "201", "Akita shi"}, {"能代市", "202", "Noshiro shi"}, {"横手市", "203", "Yokote shi"}}},
    {"山形県",
     "Yamagata",
     {{"山形市", "201", "Yamagata shi"}, {"米沢市", "202", "Yonezawa shi"}, {"鶴岡市", "203", "Tsuruoka shi"}}},
    {"福島県",
     "Fukushima",
     {{"福島市", "201", "Fukushima shi"},
      {"会津若松市", "202", "Aizuwakamatsu shi"},
      {"郡山市", "203", "Koriyama shi"}}},
    {"茨城県",
     "Ibaraki",
     {{"水戸市", "201", "Mito shi"}, {"日立市", "202", "Hitachi shi"}, {"土浦市", "203", "Tsuchiura shi"}}},
    {"栃木県",
     "Tochigi",
     {{"宇都宮市", "201", "Utsunomiya shi"}, {"足利市", "202", "Ashikaga shi"}, {"栃木市", "203", "Tochigi shi"}}},
    {"群馬県",
     "Gunma",
     {{"前橋市", "201", "Maebashi shi"}, {"高崎市", "202", "Takasaki shi"}, {"桐生市", "203", "Kiryu shi"}}},
    {"埼玉県",
     "Saitama",
     {{"さいたま市大宮区", "103", "Omiya ku, Saitama shi"},
      {"川越市", "201", "Kawagoe shi"},
      {"熊谷市", "202", "Kumagaya shi"}}},
    {"千葉県",
     "Chiba",
     {{"千葉市中央区", "101", "Chuo ku, Chiba shi"},
      {"銚子市", "202", "Choshi shi"},
      {"市川市", "203", "Ichikawa shi"}}},
    {"東京都",
     "Tokyo",
     {{"千代田区", "101", "Chiyoda ku"}, {"中央区", "102", "Chuo ku"}, {"港区", "103", "Minato ku"}}},
    {"神奈川県",
     "Kanagawa",
     {{"横浜市中区", "104", "Naka ku, Yokohama shi"},
      {"川崎市川崎区", "131", "Kawasaki ku, Kawasaki shi"},
      {"相模原市緑区", "151", "Midori ku, Sagamihara shi"}}},
    {"新潟県",
     "Niigata",
     {{"新潟市中央区", "103", "Chuo ku, Niigata shi"},
      {"長岡市", "202", "Nagaoka shi"},
      {"三条市", "204", "Sanjo shi"}}},
    {"富山県",
     "Toyama",
     {{"富山市", "201", "Toyama shi"}, {"高岡市", "202", "Takaoka shi"}, {"魚津市", "204", "Uozu shi"}}},
    {"石川県",
     "Ishikawa",
     {{"金沢市", "201", "Kanazawa shi"}, {"七尾市", "202", "Nanao shi"}, {"小松市", "203", "Komatsu shi"}}},
    {"福井県",
     "Fukui",
     {{"福井市", "201", "Fukui shi"}, {"敦賀市", "202", "Tsuruga shi"}, {"小浜市", "204", "Obama shi"}}},
    {"山梨県",
     "Yamanashi",
     {{"甲府市", "201", "Kofu shi"}, {"富士吉田市", "202", "Fujiyoshida shi"}, {"都留市", "204", "Tsuru shi"}}},
    {"長野県",
     "Nagano",
     {{"長野市", "201", "Nagano shi"}, {"松本市", "202", "Matsumoto shi"}, {"上田市", "203", "Ueda shi"}}},
    {"岐阜県",
     "Gifu",
     {{"岐阜市", "201", "Gifu shi"}, {"大垣市", "202", "Ogaki shi"}, {"高山市", "203", "Takayama shi"}}},
    {"静岡県",
     "Shizuoka",
     {{"静岡市葵区", "101", "Aoi ku, Shizuoka shi"},
      {"浜松市中央区", "138", "Chuo ku, Hamamatsu shi"},
      {"沼津市", "203", "Numazu shi"}}},
    {"愛知県",
     "Aichi",
     {{"名古屋市中区", "106", "Naka ku, Nagoya shi"},
      {"豊橋市", "201", "Toyohashi shi"},
      {"岡崎市", "202", "Okazaki shi"}}},
    {"三重県", "Mie", {{"津市", "201", "Tsu shi"}, {"四日市市", "202", "Yokkaichi shi"}, {"伊勢市", "203", "Ise shi"}}},
    {"滋賀県",
     "Shiga",
     {{"大津市", "201", "Otsu shi"}, {"彦根市", "202", "Hikone shi"}, {"長浜市", "203", "Nagahama shi"}}},
    {"京都府",
     "Kyoto",
     {{"京都市中京区", "104", "Nakagyo ku, Kyoto shi"},
      {"福知山市", "201", "Fukuchiyama shi"},
      {"舞鶴市", "202", "Maizuru shi"}}},
    {"大阪府",
     "Osaka",
     {{"大阪市北区", "127", "Kita ku, Osaka shi"},
      {"堺市堺区", "141", "Sakai ku, Sakai shi"},
      {"豊中市", "203", "Toyonaka shi"}}},
    {"兵庫県",
     "Hyogo",
     {{"神戸市中央区", "110", "Chuo ku, Kobe shi"},
      {"姫路市", "201", "Himeji shi"},
      {"尼崎市", "202", "Amagasaki shi"}}},
    {"奈良県",
     "Nara",
     {{"奈良市", "201", "Nara shi"}, {"大和高田市", "202", "Yamatotakada shi"}, {"天理市", "204", "Tenri shi"}}},
    {"和歌山県",
     "Wakayama",
     {{"和歌山市", "201", "Wakayama shi"}, {"海南市", "202", "Kainan shi"}, {"田辺市", "206", "Tanabe shi"}}},
    {"鳥取県",
     "Tottori",
     {{"鳥取市", "201", "Tottori shi"},
      {"米子市", "202", "Yonago shi"},
      {"岩美郡岩美町", "302", "Iwami cho, Iwami gun"}}},
    {"島根県",
     "Shimane",
     {{"松江市", "201", "Matsue shi"}, {"浜田市", "202", "Hamada shi"}, {"安来市", "206", "Yasugi shi"}}},
    {"岡山県",
     "Okayama",
     {{"岡山市北区", "101", "Kita ku, Okayama shi"},
      {"倉敷市", "202", "Kurashiki shi"},
      {"津山市", "203", "Tsuyama shi"}}},
    {"広島県",
     "Hiroshima",
     {{"広島市中区", "101", "Naka ku, Hiroshima shi"}, {"呉市", "202", "Kure shi"}, {"福山市", "207", "Fukuyama shi"}}},
    {"山口県",
     "Yamaguchi",
     {{"下関市", "201", "Shimonoseki shi"}, {"宇部市", "202", "Ube shi"}, {"山口市", "203", "Yamaguchi shi"}}},
    {"徳島県",
     "Tokushima",
     {{"徳島市", "201", "Tokushima shi"}, {"鳴門市", "202", "Naruto shi"}, {"小松島市", "203", "Komatsushima shi"}}},
    {"香川県",
     "Kagawa",
     {{"高松市", "201", "Takamatsu shi"}, {"丸亀市", "202", "Marugame shi"}, {"坂出市", "203", "Sakaide shi"}}},
    {"愛媛県",
     "Ehime",
     {{"松山市", "201", "Matsuyama shi"}, {"今治市", "202", "Imabari shi"}, {"宇和島市", "203", "Uwajima shi"}}},
    {"高知県",
     "Kochi",
     {{"高知市", "201", "Kochi shi"}, {"室戸市", "202", "Muroto shi"}, {"安芸市", "203", "Aki shi"}}},
    {"福岡県",
     "Fukuoka",
     {{"福岡市博多区", "132", "Hakata ku, Fukuoka shi"},
      {"北九州市小倉北区", "106", "Kokurakita ku, Kitakyushu shi"},
      {"久留米市", "203", "Kurume shi"}}},
    {"佐賀県",
     "Saga",
     {{"佐賀市", "201", "Saga shi"}, {"唐津市", "202", "Karatsu shi"}, {"鳥栖市", "203", "Tosu shi"}}},
    {"長崎県",
     "Nagasaki",
     {{"長崎市", "201", "Nagasaki shi"}, {"佐世保市", "202", "Sasebo shi"}, {"島原市", "203", "Shimabara shi"}}},
    {"熊本県",
     "Kumamoto",
     {{"熊本市中央区", "101", "Chuo ku, Kumamoto shi"},
      {"八代市", "202", "Yatsushiro shi"},
      {"人吉市", "203", "Hitoyoshi shi"}}},
    {"大分県",
     "Oita",
     {{"大分市", "201", "Oita shi"}, {"別府市", "202", "Beppu shi"}, {"中津市", "203", "Nakatsu shi"}}},
    {"宮崎県",
     "Miyazaki",
     {{"宮崎市", "201", "Miyazaki shi"}, {"都城市", "202", "Miyakonojo shi"}, {"延岡市", "203", "Nobeoka shi"}}},
    {"鹿児島県",
     "Kagoshima",
     {{"鹿児島市", "201", "Kagoshima shi"}, {"鹿屋市", "203", "Kanoya shi"}, {"枕崎市", "204", "Makurazaki shi"}}},
    {"沖縄県",
     "Okinawa",
     {{"那覇市", "201", "Naha shi"}, {"宜野湾市", "205", "Ginowan shi"}, {"石垣市", "207", "Ishigaki shi"}}},
};
inline const char* const foreign_addresses[] = {
    "アメリカ合衆国カリフォルニア州サンフランシスコ市マーケットストリート１００",
    "大韓民国ソウル特別市中区世宗大路１１０",
    "シンガポール共和国ラッフルズプレイス１番地",
    "英国ロンドン市キャノンストリート２５",
};
inline const char* const foreign_addresses_en[] = {
    "100 Market Street, San Francisco, California, U.S.A.",
    "110 Sejong-daero, Jung-gu, Seoul, Korea",
    "1 Raffles Place, Singapore",
    "25 Cannon Street, London, \"EC4M\" United Kingdom",
};

// The April 2024 kind breakdown (corporate_data.md §1.10), per 10,000 rows.
struct kind_weight {
  kind k;
  int per_10000;
};
inline const kind_weight kind_weights[] = {
    {kind::kabushiki_kaisha, 4953},
    {kind::yugen_kaisha, 3069},
    {kind::other_registered, 1027},
    {kind::godo_kaisha, 665},
    {kind::goshi_kaisha, 171},
    {kind::gomei_kaisha, 35},
    {kind::other, 34},
    {kind::foreign_company, 30},
    {kind::local_government, 14},
    {kind::national_agency, 2},
};

struct config {
  std::uint64_t seed = 20260430;
  std::uint64_t corporations = 10000;  // assigned on or before the snapshot date
  civil_date snapshot_date = civil_date::from_ymd_unchecked(2026, 4, 30);
  int window_days = 5;               // diffs are generated for snapshot_date+1 .. +window_days
  double window_event_rate = 0.002;  // chance that a corporation changes during the window
  double new_rate = 0.0005;          // new corporations per existing one over the window
};

// One change in a corporation's life. `correction` marks a 訂正 (correct=1) that fixes the post
// code of the current address epoch and re-sends the whole history.
struct event {
  civil_date when;
  process what = process::none;
  bool correction = false;
  std::uint64_t salt = 0;
};

inline std::string digits(std::uint64_t v, int width) {
  std::string s(static_cast<std::size_t>(width), '0');
  for (int i = width - 1; i >= 0; --i, v /= 10) s[static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
  return s;
}
inline std::string fullwidth_number(std::uint64_t v) {
  static const char* const fw[10] = {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"};
  const std::string d = std::to_string(v);
  std::string out;
  for (char c : d) out += fw[c - '0'];
  return out;
}

class world {
 public:
  explicit world(config c) : cfg_(c) {
    new_count_ = static_cast<std::uint64_t>(static_cast<double>(cfg_.corporations) * cfg_.new_rate * 1.0 + 0.5);
    if (cfg_.window_days > 0 && new_count_ == 0 && cfg_.new_rate > 0) new_count_ = 1;
  }
  [[nodiscard]] const config& cfg() const noexcept { return cfg_; }
  [[nodiscard]] std::uint64_t total() const noexcept { return cfg_.corporations + new_count_; }
  [[nodiscard]] civil_date window_end() const { return cfg_.snapshot_date.add_days(cfg_.window_days); }

  // The 13-digit number of corporation i (unique per i; its base follows the kind's numbering scheme).
  [[nodiscard]] std::string number(std::uint64_t i) const {
    const kind k = kind_of(i);
    std::string base;
    if (k == kind::national_agency) base = "000012" + digits(i % 1000000, 6);
    else if (k == kind::local_government) base = "000020" + digits(i % 1000000, 6);
    else if (k == kind::other || (k == kind::other_registered && i % 7 == 0) || k == kind::foreign_company)
      base = "7" + digits(i, 11);
    else base = digits(100 + i % 4900, 4) + digits(1 + (i / 4900) % 3, 2) + digits(i / 14700, 6);
    return std::to_string(mynumber::corporate_check_digit(base)) + base;
  }

  [[nodiscard]] kind kind_of(std::uint64_t i) const {
    if (i < 10) return mynumber::corp::all_kinds[i];  // every kind appears early, even in tiny files
    if (i == 22) return kind::foreign_company;        // walks through 13 国外所在地の変更 (see events)
    rng r(cfg_.seed, i, 1);
    int pick = static_cast<int>(r.below(10000));
    for (const kind_weight& w : kind_weights) {
      if (pick < w.per_10000) return w.k;
      pick -= w.per_10000;
    }
    return kind::kabushiki_kaisha;
  }

  [[nodiscard]] civil_date assignment(std::uint64_t i) const {
    if (i >= cfg_.corporations) {  // new during the window
      rng r(cfg_.seed, i, 2);
      return cfg_.snapshot_date.add_days(
          1 + static_cast<long>(r.below(static_cast<std::uint32_t>(std::max(1, cfg_.window_days)))));
    }
    rng r(cfg_.seed, i, 2);
    if (r.chance(0.8)) return civil_date::from_ymd_unchecked(2015, 10, 5);
    const long first = civil_date::from_ymd_unchecked(2015, 10, 6).days_since_epoch();
    // Ends 4 days before the snapshot, so the publication date (up to 3 days later) is in it too.
    const long span = cfg_.snapshot_date.days_since_epoch() - 4 - first;
    return civil_date::from_days_since_epoch(first + static_cast<long>(r.below(static_cast<std::uint32_t>(span))));
  }

  // All events of corporation i, sorted by date, at most one per day.
  [[nodiscard]] std::vector<event> events(std::uint64_t i) const {
    std::vector<event> out;
    rng r(cfg_.seed, i, 3);
    const civil_date assigned = assignment(i);
    const bool foreign = is_foreign(i);
    std::vector<long> days;
    if (i < cfg_.corporations) {
      const std::uint32_t past = r.chance(0.7) ? 0 : (r.chance(0.67) ? 1 : 2);
      const long lo = assigned.days_since_epoch() + 30, hi = cfg_.snapshot_date.days_since_epoch();
      for (std::uint32_t k = 0; k < past && hi > lo; ++k)
        days.push_back(lo + static_cast<long>(r.below(static_cast<std::uint32_t>(hi - lo))));
    }
    const bool forced = i >= 20 && i < 40;
    const bool in_window =
        cfg_.window_days > 0 && i < cfg_.corporations && (forced || r.chance(cfg_.window_event_rate));
    std::vector<long> window_days_list;
    if (in_window) {
      const long d0 = cfg_.snapshot_date.days_since_epoch();
      window_days_list.push_back(d0 + 1 + static_cast<long>(r.below(static_cast<std::uint32_t>(cfg_.window_days))));
      if (cfg_.window_days > 1 && (forced ? (i % 3 == 0) : r.chance(0.2)))
        window_days_list.push_back(d0 + 1 + static_cast<long>(r.below(static_cast<std::uint32_t>(cfg_.window_days))));
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    std::sort(window_days_list.begin(), window_days_list.end());
    window_days_list.erase(std::unique(window_days_list.begin(), window_days_list.end()), window_days_list.end());
    bool closed = false;
    const auto pick = [&](bool window, std::size_t ordinal) -> event {
      event e;
      e.salt = r.next();
      if (forced && window && ordinal == 0) {
        // Corporations 20..39 walk through every process code and the correction once.
        static const process order[] = {process::name_changed,
                                        process::domestic_address_changed,
                                        process::foreign_address_changed,
                                        process::closed,
                                        process::reopened,
                                        process::absorption_merger,
                                        process::merger_invalidated,
                                        process::trade_name_erased,
                                        process::deleted,
                                        process::none};
        const process p = order[(i - 20) % 10];
        if (p == process::none) {
          e.correction = true;
          return e;
        }
        if (p == process::reopened && !closed) {
          e.what = process::closed;
          return e;
        }
        if (p == process::foreign_address_changed && !foreign) {
          e.what = process::domestic_address_changed;
          return e;
        }
        if (closed && p != process::deleted) {
          e.what = process::reopened;
          return e;
        }
        e.what = p;
        return e;
      }
      const std::uint32_t roll = r.below(100);
      if (closed) {
        if (window && roll < 20) e.what = process::deleted;
        else if (roll < 60) e.what = process::reopened;
        else e.correction = true;
        return e;
      }
      if (roll < 30) e.what = process::name_changed;
      else if (roll < 55) e.what = foreign ? process::foreign_address_changed : process::domestic_address_changed;
      else if (roll < 70) e.what = process::closed;
      else if (roll < 75) e.what = process::absorption_merger;
      else if (roll < 78) e.what = process::merger_invalidated;
      else if (roll < 81) e.what = process::trade_name_erased;
      else if (roll < 85 && window) e.what = process::deleted;
      else e.correction = true;
      return e;
    };
    for (long d : days) {
      if (!window_days_list.empty() && d >= window_days_list.front()) break;
      event e = pick(false, 0);
      e.when = civil_date::from_days_since_epoch(d);
      if (e.what == process::closed) closed = true;
      if (e.what == process::reopened) closed = false;
      out.push_back(e);
    }
    std::size_t ordinal = 0;
    for (long d : window_days_list) {
      event e = pick(true, ordinal++);
      e.when = civil_date::from_days_since_epoch(d);
      if (e.what == process::closed) closed = true;
      if (e.what == process::reopened) closed = false;
      out.push_back(e);
      if (e.what == process::deleted) break;
    }
    return out;
  }

  // The state of corporation i after its first `applied` events (0 = as assigned), with the
  // corrections that are known at `view` applied. Process/correct/update date describe the last
  // of those events. Precondition: no deletion among them.
  [[nodiscard]] record state(std::uint64_t i, const std::vector<event>& ev, std::size_t applied,
                             civil_date view) const {
    record r;
    const kind k = kind_of(i);
    r.corporate_number = number(i);
    r.kind = k;
    const civil_date assigned = assignment(i);
    r.assignment_date = assigned;
    r.process = process::newly_published;
    r.correct = flag::no;
    // Published a few days after designation; corporations new in the diff window on the day itself.
    r.update_date =
        i < cfg_.corporations ? assigned.add_days(static_cast<long>(rng(cfg_.seed, i, 4).below(4))) : assigned;
    r.change_date = r.assignment_date;
    r.latest = flag::yes;
    r.hihyoji = flag::no;
    std::uint64_t name_epoch = 0, address_epoch = 0;
    apply_name(i, k, name_epoch, r);
    apply_address(i, address_epoch, r);
    apply_extras(i, r);
    for (std::size_t n = 0; n < applied; ++n) {
      const event& e = ev[n];
      r.update_date = e.when;
      if (e.correction) {
        r.correct = flag::yes;
        continue;
      }
      r.correct = flag::no;
      r.process = e.what;
      const civil_date changed = e.when.add_days(-static_cast<long>(e.salt % 9));
      r.change_date = changed < assigned ? assigned : changed;
      r.change_cause.clear();
      switch (e.what) {
        case process::name_changed:
          ++name_epoch;
          apply_name(i, k, name_epoch, r);
          break;
        case process::domestic_address_changed:
        case process::foreign_address_changed:
          ++address_epoch;
          apply_address(i, address_epoch, r);
          break;
        case process::closed: {
          r.close_date = r.change_date;
          r.close_cause = mynumber::corp::all_close_causes[i < 14 && i >= 10 ? i - 10 : e.salt % 4];
          if (r.close_cause == close_cause::merger)
            r.successor_corporate_number = number((i + 7919) % cfg_.corporations);
          if (r.close_cause == close_cause::merger)
            r.change_cause = date_text(*r.change_date) + "東京都千代田区丸の内一丁目１番地株式会社ＡＢＣ（" +
                             r.successor_corporate_number + "）に合併し解散";
          break;
        }
        case process::reopened:
          r.close_date.reset();
          r.close_cause = close_cause::none;
          r.successor_corporate_number.clear();
          break;
        case process::absorption_merger:
          r.change_cause = date_text(*r.change_date) + "大阪府大阪市北区梅田一丁目２番３号株式会社Ｔ＆Ｍ（" +
                           number((i + 104729) % cfg_.corporations) + "）を合併";
          break;
        case process::merger_invalidated:
          r.change_cause = "吸収合併無効の判決確定\n（" + date_text(*r.change_date) + "）";
          break;
        case process::trade_name_erased: r.change_cause = "商号の登記の抹消"; break;
        default: break;
      }
    }
    // Post code of the current address epoch; a correction known at `view` fixes it.
    bool corrected = false;
    for (const event& e : ev)
      if (e.correction && e.when <= view) corrected = true;
    if (!r.prefecture_name.empty() && !r.post_code.empty() && corrected)
      r.post_code = digits(rng(cfg_.seed, i, 900 + address_epoch).below(9000000) + 1000000, 7);
    return r;
  }

  // The snapshot row of corporation i at `day`, if it exists then (assigned and not deleted).
  [[nodiscard]] std::optional<record> snapshot_row(std::uint64_t i, civil_date day) const {
    if (assignment(i) > day) return std::nullopt;
    const std::vector<event> ev = events(i);
    std::size_t n = 0;
    while (n < ev.size() && ev[n].when <= day) {
      if (ev[n].what == process::deleted) return std::nullopt;
      ++n;
    }
    return state(i, ev, n, day);
  }

  // The rows of the diff for `day` (one row per event; a correction re-sends the whole history).
  [[nodiscard]] std::vector<record> diff_rows(civil_date day) const {
    std::vector<record> rows;
    for (std::uint64_t i = 0; i < total(); ++i) append_diff_rows(i, day, rows);
    std::uint64_t seq = 0;
    for (record& r : rows) r.sequence_number = ++seq;
    return rows;
  }
  // Every diff of the window in one pass over the corporations: element d-1 is the diff of
  // snapshot_date + d.
  [[nodiscard]] std::vector<std::vector<record>> all_diffs() const {
    std::vector<std::vector<record>> out(static_cast<std::size_t>(std::max(0, cfg_.window_days)));
    for (std::uint64_t i = 0; i < total(); ++i) {
      if (i < cfg_.corporations && !touched_in_window(i)) continue;
      for (int d = 1; d <= cfg_.window_days; ++d)
        append_diff_rows(i, cfg_.snapshot_date.add_days(d), out[static_cast<std::size_t>(d - 1)]);
    }
    for (auto& rows : out) {
      std::uint64_t seq = 0;
      for (record& r : rows) r.sequence_number = ++seq;
    }
    return out;
  }
  [[nodiscard]] bool touched_in_window(std::uint64_t i) const {
    for (const event& e : events(i))
      if (e.when > cfg_.snapshot_date) return true;
    return false;
  }
  void append_diff_rows(std::uint64_t i, civil_date day, std::vector<record>& rows) const {
    const civil_date assigned = assignment(i);
    if (assigned > day) return;
    if (i >= cfg_.corporations && assigned == day) {
      rows.push_back(state(i, {}, 0, day));
      rows.back().update_date = day;
      return;
    }
    if (i < cfg_.corporations && !(day > cfg_.snapshot_date)) return;
    const std::vector<event> ev = events(i);
    for (std::size_t n = 0; n < ev.size(); ++n) {
      if (ev[n].when != day) continue;
      if (ev[n].what == process::deleted) {
        record r;
        r.corporate_number = number(i);
        r.process = process::deleted;
        r.update_date = day;
        rows.push_back(r);
        return;
      }
      if (ev[n].correction) {
        // 訂正: every history row again, marked correct=1, the last one latest.
        std::vector<std::size_t> points{0};
        for (std::size_t m = 0; m < n; ++m)
          if (!ev[m].correction) points.push_back(m + 1);
        for (std::size_t p = 0; p < points.size(); ++p) {
          record r = state(i, ev, points[p], day);
          r.correct = flag::yes;
          r.update_date = day;
          r.latest = p + 1 == points.size() ? flag::yes : flag::no;
          rows.push_back(std::move(r));
        }
        return;
      }
      rows.push_back(state(i, ev, n + 1, day));
      return;
    }
  }

 private:
  static std::string date_text(civil_date d) {
    // 令和 era for dates from 2019-05-01 (元年 = 2019).
    const auto year = static_cast<std::uint64_t>(d.year()), month = static_cast<std::uint64_t>(d.month()),
               day = static_cast<std::uint64_t>(d.day());
    if (d >= civil_date::from_ymd_unchecked(2019, 5, 1))
      return "令和" + fullwidth_number(year - 2018u) + "年" + fullwidth_number(month) + "月" + fullwidth_number(day) +
             "日";
    return "平成" + fullwidth_number(year - 1988u) + "年" + fullwidth_number(month) + "月" + fullwidth_number(day) +
           "日";
  }

  [[nodiscard]] bool is_foreign(std::uint64_t i) const {
    return kind_of(i) == kind::foreign_company && (i == 22 || rng(cfg_.seed, i, 5).chance(0.45));
  }

  void apply_name(std::uint64_t i, kind k, std::uint64_t epoch, record& r) const {
    rng g(cfg_.seed, i, 100 + epoch);
    const word& head = name_heads[g.below(sizeof(name_heads) / sizeof(name_heads[0]))];
    const word& tail = name_tails[g.below(sizeof(name_tails) / sizeof(name_tails[0]))];
    std::string core = std::string(head.text) + tail.text;
    std::string reading = std::string(head.reading) + tail.reading;
    if (i >= 40 && i < 44) {  // quoting edge cases: ASCII comma and a doubled quote in the name
      core = i % 2 == 0 ? std::string("アイ,エム") : std::string("\"ダブル\"");
      reading = i % 2 == 0 ? "アイエム" : "ダブル";
    }
    const bool before = g.chance(0.5);  // 前株 / 後株
    switch (k) {
      case kind::national_agency:
        r.name = std::string(head.text) + "地方支分局";
        reading.clear();
        break;
      case kind::local_government:
        r.name = std::string(head.text) + "町";
        reading = std::string(head.reading) + "チョウ";
        break;
      case kind::kabushiki_kaisha: r.name = before ? "株式会社" + core : core + "株式会社"; break;
      case kind::yugen_kaisha: r.name = before ? "有限会社" + core : core + "有限会社"; break;
      case kind::gomei_kaisha: r.name = core + "合名会社"; break;
      case kind::goshi_kaisha: r.name = core + "合資会社"; break;
      case kind::godo_kaisha: r.name = before ? "合同会社" + core : core + "合同会社"; break;
      case kind::other_registered: {
        static const char* const forms[] = {"一般社団法人", "医療法人社団", "特定非営利活動法人", "社会福祉法人",
                                            "宗教法人"};
        r.name = std::string(forms[g.below(5)]) + core;
        break;
      }
      case kind::foreign_company:
        r.name = core + "・リミテッド";
        reading += "リミテッド";
        break;
      case kind::other:
        r.name = std::string(head.text) + "八幡神社";
        reading = std::string(head.reading) + "ハチマンジンジャ";
        break;
      case kind::none: break;
    }
    r.furigana = g.chance(0.535) ? reading : std::string();
    r.name_image_id = g.chance(0.012) || i == 5 ? digits(10000000 + i % 89999999, 8).substr(0, 8) : std::string();
    if (i == 6 || g.chance(0.003)) {
      r.en_name = core == "\"ダブル\"" ? "\"Double\" Trading Co., Ltd." : "Synthetic Trading Co., Ltd.";
    } else {
      r.en_name.clear();
    }
  }

  void apply_address(std::uint64_t i, std::uint64_t epoch, record& r) const {
    rng g(cfg_.seed, i, 200 + epoch);
    r.address_image_id.clear();
    r.address_outside_image_id.clear();
    if (is_foreign(i)) {
      const std::uint32_t f = g.below(4);
      r.prefecture_name.clear();
      r.city_name.clear();
      r.street_number.clear();
      r.prefecture_code = 0;
      r.city_code.clear();
      r.post_code.clear();
      r.address_outside = foreign_addresses[f];
      r.en_address_outside = foreign_addresses_en[f];
      r.en_prefecture_name.clear();
      r.en_city_name.clear();
      if (g.chance(0.05)) r.address_outside_image_id = digits(20000000 + i % 9999999, 8);
      return;
    }
    // Tokyo, Osaka, Kanagawa and Aichi hold a large share of corporations.
    std::uint32_t p = g.below(100);
    const std::uint32_t pref = p < 25 ? 12 : p < 33 ? 26 : p < 39 ? 13 : p < 44 ? 22 : g.below(47);
    const prefecture& pr = prefectures[pref];
    const city& c = pr.cities[g.below(3)];
    r.prefecture_name = pr.name;
    r.prefecture_code = static_cast<std::uint8_t>(pref + 1);
    r.city_name = c.name;
    r.city_code = c.code;
    const std::uint32_t style = g.below(3);
    if (style == 0)
      r.street_number = fullwidth_number(1 + g.below(9)) + "丁目" + fullwidth_number(1 + g.below(30)) + "番" +
                        fullwidth_number(1 + g.below(20)) + "号";
    else if (style == 1)
      r.street_number = "本町" + fullwidth_number(1 + g.below(9)) + "－" + fullwidth_number(1 + g.below(30)) + "－" +
                        fullwidth_number(1 + g.below(20));
    else r.street_number = "大字中野" + fullwidth_number(100 + g.below(3000)) + "番地";
    if (g.chance(0.08)) r.street_number += "　サンライズビル" + fullwidth_number(1 + g.below(12)) + "階";
    r.post_code = g.chance(0.97) ? digits(1000000 + g.below(9000000), 7) : std::string();
    if (g.chance(0.01) || i == 7) r.address_image_id = digits(30000000 + i % 9999999, 8);
    r.address_outside.clear();
    r.en_address_outside.clear();
    r.en_prefecture_name.clear();
    r.en_city_name.clear();
  }

  void apply_extras(std::uint64_t i, record& r) const {
    rng g(cfg_.seed, i, 6);
    if (!r.en_name.empty() && r.prefecture_code != 0) {
      r.en_prefecture_name = prefectures[r.prefecture_code - 1].en;
      r.en_city_name = std::string("1-2-3 Honcho,  ") + "Chuo ku";  // English street text is not standardised
    }
    if (i == 8 || g.chance(0.005)) {  // 検索対象除外: the address no longer exists
      r.hihyoji = flag::yes;
      if (!r.street_number.empty()) r.street_number = "（東京市神田区小川町一丁目１０番地）";
    }
  }

  config cfg_;
  std::uint64_t new_count_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Writing rows.

enum class encoding { utf8, utf8_bom, cp932 };

// UTF-8 → CP932 by inverting the library's decode table (first mapping wins). Throws for a
// character CP932 cannot encode: the synthetic pools only use encodable text.
class cp932_encoder {
 public:
  cp932_encoder() {
    for (unsigned b = 0x80; b < 0x100; ++b)
      if (mynumber::detail::cp932_single_high[b - 0x80] != 0)
        map_.emplace(mynumber::detail::cp932_single_high[b - 0x80], b);
    static const unsigned leads[] = {0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D,
                                     0x8E, 0x8F, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A,
                                     0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7,
                                     0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF, 0xFA, 0xFB, 0xFC};
    for (unsigned row = 0; row < 50; ++row)
      for (unsigned t = 0; t < 188; ++t) {
        const char16_t cp = mynumber::detail::cp932_double[row * 188 + t];
        if (cp == 0xFFFD) continue;
        const unsigned trail = t < 63 ? 0x40 + t : 0x41 + t;
        map_.emplace(cp, leads[row] << 8 | trail);
      }
  }
  void append(std::string_view utf8, std::string& out) const {
    std::size_t i = 0;
    while (i < utf8.size()) {
      const auto b = static_cast<unsigned char>(utf8[i]);
      if (b < 0x80) {
        out.push_back(static_cast<char>(b));
        ++i;
        continue;
      }
      const char32_t cp = mynumber::detail::utf8_next(utf8, i);
      const auto it = map_.find(cp);
      if (it == map_.end()) throw std::runtime_error("character not encodable in CP932");
      if (it->second > 0xFF) out.push_back(static_cast<char>(it->second >> 8));
      out.push_back(static_cast<char>(it->second & 0xFF));
    }
  }

 private:
  std::unordered_map<char32_t, unsigned> map_;
};

struct writer_options {
  encoding enc = encoding::utf8;
  bool crlf = true;
};

// Appends one row in the NTA layout: text columns quoted (quotes doubled), codes, numbers and
// dates bare, blanks empty. `columns` < 30 writes an older layout (23/28/29).
inline void write_row(const record& r, std::string& out, const writer_options& o, const cp932_encoder* sjis,
                      int columns = 30) {
  const auto text = [&](const std::string& s) {
    if (s.empty()) return;
    out.push_back('"');
    std::string escaped;
    for (char c : s) {
      escaped.push_back(c);
      if (c == '"') escaped.push_back('"');
    }
    if (o.enc == encoding::cp932) sjis->append(escaped, out);
    else out += escaped;
    out.push_back('"');
  };
  const auto bare = [&](const std::string& s) { out += s; };
  const auto flag_text = [&](flag f) {
    if (f == flag::no) out.push_back('0');
    if (f == flag::yes) out.push_back('1');
  };
  const auto code = [&](int v, int width) {
    if (v != 0) out += digits(static_cast<std::uint64_t>(v), width);
  };
  const auto comma = [&] { out.push_back(','); };
  out += std::to_string(r.sequence_number);
  comma();
  bare(r.corporate_number);
  comma();
  code(static_cast<int>(r.process), 2);
  comma();
  flag_text(r.correct);
  comma();
  bare(r.update_date.to_string());
  comma();
  bare(mynumber::corp::to_string(r.change_date));
  comma();
  text(r.name);
  comma();
  bare(r.name_image_id);
  comma();
  code(static_cast<int>(r.kind), 3);
  comma();
  text(r.prefecture_name);
  comma();
  text(r.city_name);
  comma();
  text(r.street_number);
  comma();
  bare(r.address_image_id);
  comma();
  code(r.prefecture_code, 2);
  comma();
  bare(r.city_code);
  comma();
  bare(r.post_code);
  comma();
  text(r.address_outside);
  comma();
  bare(r.address_outside_image_id);
  comma();
  bare(mynumber::corp::to_string(r.close_date));
  comma();
  code(static_cast<int>(r.close_cause), 2);
  comma();
  bare(r.successor_corporate_number);
  comma();
  text(r.change_cause);
  comma();
  bare(mynumber::corp::to_string(r.assignment_date));
  if (columns >= 28) {
    comma();
    flag_text(r.latest);
    comma();
    text(r.en_name);
    comma();
    text(r.en_prefecture_name);
    comma();
    text(r.en_city_name);
    comma();
    text(r.en_address_outside);
  }
  if (columns >= 29) {
    comma();
    text(r.furigana);
  }
  if (columns >= 30) {
    comma();
    flag_text(r.hihyoji);
  }
  out += o.crlf ? "\r\n" : "\n";
}

// The expected record after writing `r` in a layout of `columns` columns and reading it back.
inline record as_read(record r, int columns) {
  r.source_columns = static_cast<std::uint8_t>(columns);
  if (columns < 28) {
    r.latest = flag::blank;
    r.en_name.clear();
    r.en_prefecture_name.clear();
    r.en_city_name.clear();
    r.en_address_outside.clear();
  }
  if (columns < 29) r.furigana.clear();
  if (columns < 30) r.hihyoji = flag::blank;
  return r;
}

// ---------------------------------------------------------------------------------------------
// A streaming .zip writer (deflate, data descriptors), enough for the NTA layout: the CSV plus a
// `.asc` entry. Sizes must stay below 4 GiB (no ZIP64).
class zip_writer {
 public:
  explicit zip_writer(const std::string& path) : f_(std::fopen(path.c_str(), "wb")) {
    if (f_ == nullptr) throw std::runtime_error("cannot create " + path);
  }
  zip_writer(const zip_writer&) = delete;
  zip_writer& operator=(const zip_writer&) = delete;
  ~zip_writer() {
    if (f_ != nullptr) std::fclose(f_);
    if (live_) deflateEnd(&z_);
  }
  void begin(const std::string& name) {
    entry e;
    e.name = name;
    e.offset = offset_;
    std::string h;
    put32(h, 0x04034b50u);
    put16(h, 20);
    put16(h, 0x0008);
    put16(h, 8);
    put16(h, 0);
    put16(h, 0x5A21);
    put32(h, 0);
    put32(h, 0);
    put32(h, 0);
    put16(h, static_cast<std::uint32_t>(name.size()));
    put16(h, 0);
    h += name;
    raw(h);
    entries_.push_back(e);
    z_ = z_stream{};
    if (deflateInit2(&z_, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::runtime_error("deflateInit2");
    live_ = true;
  }
  void write(std::string_view data) {
    entry& e = entries_.back();
    e.crc = crc32(e.crc, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
    e.size += data.size();
    pump(data, Z_NO_FLUSH);
  }
  void end() {
    pump({}, Z_FINISH);
    deflateEnd(&z_);
    live_ = false;
    entry& e = entries_.back();
    std::string d;
    put32(d, 0x08074b50u);
    put32(d, static_cast<std::uint32_t>(e.crc));
    put32(d, static_cast<std::uint32_t>(e.compressed));
    put32(d, static_cast<std::uint32_t>(e.size));
    raw(d);
  }
  void close() {
    const std::uint64_t cd_start = offset_;
    for (const entry& e : entries_) {
      std::string h;
      put32(h, 0x02014b50u);
      put16(h, 20);
      put16(h, 20);
      put16(h, 0x0008);
      put16(h, 8);
      put16(h, 0);
      put16(h, 0x5A21);
      put32(h, static_cast<std::uint32_t>(e.crc));
      put32(h, static_cast<std::uint32_t>(e.compressed));
      put32(h, static_cast<std::uint32_t>(e.size));
      put16(h, static_cast<std::uint32_t>(e.name.size()));
      put16(h, 0);
      put16(h, 0);
      put16(h, 0);
      put16(h, 0);
      put32(h, 0);
      put32(h, static_cast<std::uint32_t>(e.offset));
      h += e.name;
      raw(h);
    }
    std::string t;
    put32(t, 0x06054b50u);
    put16(t, 0);
    put16(t, 0);
    put16(t, static_cast<std::uint32_t>(entries_.size()));
    put16(t, static_cast<std::uint32_t>(entries_.size()));
    put32(t, static_cast<std::uint32_t>(offset_ - cd_start));
    put32(t, static_cast<std::uint32_t>(cd_start));
    put16(t, 0);
    raw(t);
    if (std::fclose(f_) != 0) throw std::runtime_error("zip close failed");
    f_ = nullptr;
  }

 private:
  struct entry {
    std::string name;
    std::uint64_t offset = 0, size = 0, compressed = 0;
    uLong crc = crc32(0L, Z_NULL, 0);
  };
  static void put16(std::string& s, std::uint32_t v) {
    s.push_back(static_cast<char>(v & 0xFF));
    s.push_back(static_cast<char>(v >> 8 & 0xFF));
  }
  static void put32(std::string& s, std::uint32_t v) {
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
  }
  void raw(std::string_view s) {
    if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) throw std::runtime_error("zip write failed");
    offset_ += s.size();
  }
  void pump(std::string_view data, int mode) {
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z_.avail_in = static_cast<uInt>(data.size());
    unsigned char out[1 << 16];
    for (;;) {
      z_.next_out = out;
      z_.avail_out = sizeof out;
      const int rc = deflate(&z_, mode);
      const std::size_t n = sizeof out - z_.avail_out;
      raw(std::string_view(reinterpret_cast<const char*>(out), n));
      entries_.back().compressed += n;
      if (mode == Z_FINISH ? rc == Z_STREAM_END : (z_.avail_in == 0 && z_.avail_out != 0)) break;
      if (rc != Z_OK && rc != Z_BUF_ERROR) throw std::runtime_error("deflate failed");
    }
  }
  std::FILE* f_;
  z_stream z_{};
  bool live_ = false;
  std::uint64_t offset_ = 0;
  std::vector<entry> entries_;
};

}  // namespace nta_synth

#endif  // MYNUMBER_TOOLS_NTA_SYNTH_HPP
