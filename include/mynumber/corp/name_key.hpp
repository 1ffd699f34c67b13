// File: corp/name_key.hpp — search keys for corporation names, close to the NTA's fuzzy search.
// The NTA's target=1 name search folds hiragana to katakana and lower to upper case and ignores 中点
// and full-width spaces (corporate_data.md §2, §5.2). The keys here do that and a little more:
//   fold_name:  NFKC-like width folding (full-width ASCII → ASCII, half-width katakana → full-width,
//               dakuten combined), hiragana → katakana, small kana → full size (キャノン = キヤノン),
//               ASCII upper case, spaces and 中点 removed, dash variants → ー after katakana else '-',
//               ㈱ ㈲ ㈳ ㈶ → (株) (有) (社) (財), ㍿ → 株式会社, and a few 旧字体/異体字 → 新字体
//               (髙→高, 﨑→崎, …; a small table of this library's, not the NTA's JIS縮退マップ).
//   core key:   the folded name without one legal-form word (株式会社, (株), 一般社団法人, CO.,LTD. …)
//               at its start (前株) or end (後株), so 「㈱ABC」 and 「ABC株式会社」 meet.
//   kana key:   フリガナ (or kana typed by a user) folded the same way.
// These are this library's keys: results can differ from the NTA site's (which also applies the
// JIS縮退マップ), so they are not a promise of identical hits.
#ifndef MYNUMBER_CORP_NAME_KEY_HPP
#define MYNUMBER_CORP_NAME_KEY_HPP

#include <cstdint>
#include <string>
#include <string_view>

#include "../detail/utf8.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace corp {

enum class legal_form_position : std::uint8_t { none = 0, prefix = 1, suffix = 2 };

struct name_keys {
  std::string key;   // the whole folded name
  std::string core;  // key without its legal-form word (== key when there is none)
  legal_form_position position = legal_form_position::none;
  std::string form;  // the folded legal-form word that was removed, if any
};

namespace detail {

// Half-width katakana U+FF66..U+FF9D → full-width.
inline constexpr char16_t halfwidth_kana[] = {
    0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3,  // ｦｧｨｩｪｫｬｭｮｯ
    0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1,  // ｰｱｲｳｴｵｶｷｸｹ
    0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6,  // ｺｻｼｽｾｿﾀﾁﾂﾃ
    0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8,  // ﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍ
    0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9,  // ﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗ
    0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3,                                  // ﾘﾙﾚﾛﾜﾝ
};

[[nodiscard]] constexpr bool is_katakana(char32_t c) noexcept { return c >= 0x30A1 && c <= 0x30FA; }

// Small kana → full size (after hiragana → katakana).
[[nodiscard]] constexpr char32_t full_size_kana(char32_t c) noexcept {
  switch (c) {
    case 0x30A1:
    case 0x30A3:
    case 0x30A5:
    case 0x30A7:
    case 0x30A9:  // ァィゥェォ
    case 0x30C3:  // ッ
    case 0x30E3:
    case 0x30E5:
    case 0x30E7:  // ャュョ
    case 0x30EE:  // ヮ
      return c + 1;
    case 0x30F5: return 0x30AB;  // ヵ → カ
    case 0x30F6: return 0x30B1;  // ヶ → ケ
    default: return c;
  }
}

// A few common 旧字体 / 異体字 in corporate names → the usual form.
[[nodiscard]] constexpr char32_t variant_fold(char32_t c) noexcept {
  switch (c) {
    case U'髙': return U'高';
    case U'﨑': return U'崎';
    case U'濵': return U'浜';
    case U'濱': return U'浜';
    case U'齋': return U'斎';
    case U'齊': return U'斉';
    case U'邊': return U'辺';
    case U'邉': return U'辺';
    case U'澤': return U'沢';
    case U'國': return U'国';
    case U'廣': return U'広';
    case U'櫻': return U'桜';
    case U'會': return U'会';
    default: return c;
  }
}

[[nodiscard]] constexpr bool is_dash(char32_t c) noexcept {
  return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0x2500 || c == 0x30FC ||
         c == 0xFF70 || c == 0x2501;
}
[[nodiscard]] constexpr bool is_ignored(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0x00A0 || c == 0x3000 ||     // spaces
         c == 0x30FB || c == 0xFF65 || c == 0x00B7 || c == 0x2027 || c == 0x2022 || c == 0x2219;  // 中点 variants
}

// The last code point of a UTF-8 string, or 0.
[[nodiscard]] inline char32_t last_code_point(const std::string& s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  std::size_t j = i;
  return mynumber::detail::utf8_next(s, j);
}
inline void replace_last(std::string& s, char32_t c) {
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  s.resize(i);
  mynumber::detail::utf8_append(s, c);
}

// Voiced (゛) and semi-voiced (゜) forms of a katakana, or 0 when it has none.
[[nodiscard]] constexpr char32_t voiced(char32_t c, bool semi) noexcept {
  if (!semi) {
    if (c == 0x30A6) return 0x30F4;  // ウ → ヴ
    if ((c >= 0x30AB && c <= 0x30C1 && (c - 0x30AB) % 2 == 0) || (c >= 0x30C4 && c <= 0x30C8 && (c - 0x30C4) % 2 == 0))
      return c + 1;                                                         // カ..チ, ツ..ト
    if (c >= 0x30CF && c <= 0x30DB && (c - 0x30CF) % 3 == 0) return c + 1;  // ハヒフヘホ
    return 0;
  }
  if (c >= 0x30CF && c <= 0x30DB && (c - 0x30CF) % 3 == 0) return c + 2;
  return 0;
}

}  // namespace detail

// Writes the folded form of a name or query (see the file comment) to `out`, replacing its content
// but reusing its storage (the store folds every imported row). Invalid UTF-8 bytes are dropped.
inline void fold_name_into(std::string_view text, std::string& out) {
  out.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    char32_t c;
    if (byte < 0x80) {
      // Printable ASCII other than space and '-' folds to itself, upper-cased.
      if (byte > 0x20 && byte < 0x7F && byte != '-') {
        out.push_back(static_cast<char>(byte >= 'a' && byte <= 'z' ? byte - 32 : byte));
        ++i;
        continue;
      }
      c = byte;
      ++i;
    } else {
      c = mynumber::detail::utf8_next(text, i);
      if (c == mynumber::detail::utf8_invalid) continue;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII
    if (detail::is_ignored(c)) continue;
    if (c >= U'a' && c <= U'z') c -= 32;
    if (c == 0xFF9E || c == 0xFF9F || c == 0x309B || c == 0x309C || c == 0x3099 || c == 0x309A) {
      const char32_t base = detail::last_code_point(out);
      const char32_t v = detail::voiced(base, c == 0xFF9F || c == 0x309C || c == 0x309A);
      if (v != 0) detail::replace_last(out, v);
      continue;
    }
    if (c >= 0xFF66 && c <= 0xFF9D) c = detail::halfwidth_kana[c - 0xFF66];
    if (c >= 0x3041 && c <= 0x3096) c += 0x60;  // hiragana → katakana
    if (c == 0x309D || c == 0x309E) c += 0x60;  // ゝゞ → ヽヾ
    c = detail::full_size_kana(c);
    c = detail::variant_fold(c);
    if (detail::is_dash(c)) c = detail::is_katakana(detail::last_code_point(out)) ? char32_t{0x30FC} : char32_t{U'-'};
    switch (c) {
      case 0x3231: out += "(株)"; continue;
      case 0x3232: out += "(有)"; continue;
      case 0x3233: out += "(社)"; continue;
      case 0x3236: out += "(財)"; continue;
      case 0x337F: out += "株式会社"; continue;
      default: break;
    }
    mynumber::detail::utf8_append(out, c);
  }
}

// The folded form of a name or query, as a new string.
[[nodiscard]] inline std::string fold_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  fold_name_into(text, out);
  return out;
}

// Folded legal-form words, longest first within each family so the longest match wins.
inline constexpr std::string_view legal_forms[] = {
    "特定非営利活動法人",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "医療法人社団",
    "医療法人財団",
    "社会福祉法人",
    "株式会社",
    "有限会社",
    "合同会社",
    "合名会社",
    "合資会社",
    "医療法人",
    "学校法人",
    "宗教法人",
    "NPO法人",
    "カブシキガイシヤ",
    "カブシキカイシヤ",
    "ユウゲンガイシヤ",
    "ゴウドウガイシヤ",
    "(株)",
    "(有)",
    "(同)",
    "(名)",
    "(資)",
    "(社)",
    "(財)",
    "(医)",
    "(宗)",
    "(学)",
    "(福)",
    "(特非)",
    "KABUSHIKIKAISHA",
    "CO.,LTD.",
    "CO.,LTD",
    "CO.LTD.",
    "CO.LTD",
    "CORPORATION",
    "CORP.",
    "INC.",
    "LLC.",
    "LLC",
    "K.K.",
    "LTD.",
    "LIMITED",
};

// Where a folded key holds a legal-form word, and how many bytes it is.
struct legal_form_match {
  legal_form_position position = legal_form_position::none;
  std::size_t size = 0;
};

// The longest legal-form word at the start or end of a folded key (never the whole key).
[[nodiscard]] inline legal_form_match find_legal_form(std::string_view key) noexcept {
  legal_form_match best;
  if (key.empty()) return best;
  const char first = key.front(), last = key.back();
  for (std::string_view form : legal_forms) {
    if (form.size() <= best.size || form.size() >= key.size()) continue;
    // Comparing the end bytes first skips almost every comparison (this runs for every imported row).
    if (form.front() == first && key.substr(0, form.size()) == form) best = {legal_form_position::prefix, form.size()};
    else if (form.back() == last && key.substr(key.size() - form.size()) == form)
      best = {legal_form_position::suffix, form.size()};
  }
  return best;
}

// The key without its legal-form word: a view into `key`.
[[nodiscard]] constexpr std::string_view core_of(std::string_view key, legal_form_match m) noexcept {
  if (m.position == legal_form_position::prefix) return key.substr(m.size);
  if (m.position == legal_form_position::suffix) return key.substr(0, key.size() - m.size);
  return key;
}

// Keys of a name (or of a query). Never throws except std::bad_alloc.
[[nodiscard]] inline name_keys make_name_keys(std::string_view name) {
  name_keys k;
  k.key = fold_name(name);
  const legal_form_match m = find_legal_form(k.key);
  k.position = m.position;
  k.core = std::string(core_of(k.key, m));
  if (m.position == legal_form_position::prefix) k.form = k.key.substr(0, m.size);
  if (m.position == legal_form_position::suffix) k.form = k.key.substr(k.key.size() - m.size);
  return k;
}

// Key of a フリガナ (or kana typed by a user): the same folding; legal forms are not part of the
// NTA's フリガナ, but kana spellings of them are removed so user input matches.
[[nodiscard]] inline std::string kana_key(std::string_view furigana) { return make_name_keys(furigana).core; }

// True when the folded text is katakana (and ー) only: such a query is also matched against フリガナ.
[[nodiscard]] inline bool is_kana_only(std::string_view folded) {
  if (folded.empty()) return false;
  std::size_t i = 0;
  while (i < folded.size()) {
    const char32_t c = mynumber::detail::utf8_next(folded, i);
    if (!detail::is_katakana(c) && c != 0x30FC) return false;
  }
  return true;
}

}  // namespace corp
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CORP_NAME_KEY_HPP
