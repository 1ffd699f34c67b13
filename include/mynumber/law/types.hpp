// File: law/types.hpp — the record types of the law data (rules, annex rows, penalties,
// payment thresholds). The data itself is generated into detail/rule_tables.hpp and
// detail/annex_tables.hpp by tools/gen_law_tables.py.
#ifndef MYNUMBER_LAW_TYPES_HPP
#define MYNUMBER_LAW_TYPES_HPP

#include <cstdint>
#include <string_view>

#include "../date.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace law {

// The law module's name for the library's one civil date (date.hpp): a JST calendar day; a
// statute takes effect at the start of a day. An alias, not a second type.
using date = civil_date;

// How well a fact is backed, strongest first. Combining facts keeps the weakest (max()).
enum class confidence : std::uint8_t {
  statute = 0,      // the statutory text was read
  computed = 1,     // a date counted from a promulgation date in the statute
  official = 2,     // PPC guideline or another government publication
  secondary = 3,    // practitioner sources
  unconfirmed = 4,  // inferred, or no text for the date
};

[[nodiscard]] constexpr confidence weakest(confidence a, confidence b) noexcept { return a > b ? a : b; }

[[nodiscard]] constexpr std::string_view to_string(confidence c) noexcept {
  switch (c) {
    case confidence::statute: return "statute";
    case confidence::computed: return "computed";
    case confidence::official: return "official";
    case confidence::secondary: return "secondary";
    case confidence::unconfirmed: return "UNCONFIRMED";
  }
  return "UNCONFIRMED";
}

// A yes/no answer that may be undetermined when the texts for the date do not settle it.
enum class verdict : std::uint8_t { permitted, not_permitted, undetermined };

[[nodiscard]] constexpr std::string_view to_string(verdict v) noexcept {
  switch (v) {
    case verdict::permitted: return "permitted";
    case verdict::not_permitted: return "not_permitted";
    case verdict::undetermined: return "undetermined";
  }
  return "undetermined";
}

// Whether a provision exists on a date. `unknown` = the texts do not tell (e.g. an insertion
// date that is not known).
enum class rule_status : std::uint8_t { in_force, not_in_force, unknown };

[[nodiscard]] constexpr std::string_view to_string(rule_status s) noexcept {
  switch (s) {
    case rule_status::in_force: return "in_force";
    case rule_status::not_in_force: return "not_in_force";
    case rule_status::unknown: return "unknown";
  }
  return "unknown";
}

// Where a rule sits in one revision. Empty fields are absent (e.g. no paragraph).
// `article` etc. are the numbers as written in that revision ("52の2"); `extra` names a table
// or a parenthetical ("別表第一", "（主務省令）").
struct citation {
  std::string_view law_id;  // e-Gov law ID, e.g. "425AC0000000027"; empty when not known
  std::string_view law;     // short Japanese name, e.g. "番号法"
  std::string_view article;
  std::string_view paragraph;
  std::string_view item;
  std::string_view extra;
};

// One dated version of a rule: valid on [from, to).
struct rule_version {
  date from;
  date to;
  rule_status status;
  confidence level;
  citation cite;
  std::string_view revision;  // which text the citation was read in ("text:2015-12", "inferred" ...)
  std::string_view source;    // file in the fact base, or a section of law.md
  std::string_view note;
};

struct rule_record {
  std::string_view id;  // stable semantic ID, e.g. "P19.NETWORK"
  std::string_view title;
  std::string_view title_ja;
  std::uint16_t first_version;
  std::uint16_t version_count;
};

// --- annexes ---
struct annex_row {
  std::string_view item_label;  // as printed: "三十六の二"
  std::uint16_t item;           // 36
  std::uint16_t branch;         // 2 (0 = no branch)
  std::string_view actor;       // 上欄 (情報照会者 for 別表第二)
  std::string_view affair;      // 下欄 (事務)
  std::string_view citation;    // "番号法 別表第一 三十六の二の項"
  std::string_view source;      // file and row / line in the fact base
};

struct annex2_pair {
  std::string_view provider;  // 情報提供者
  std::string_view data;      // 特定個人情報
};

struct annex2_row {
  std::string_view item_label;
  std::uint16_t item;
  std::uint16_t branch;
  std::string_view requester;  // 情報照会者
  std::string_view affair;     // 事務
  std::uint16_t first_pair;    // into annex_2015_table2_pairs
  std::uint16_t pair_count;
  std::string_view citation;
  std::string_view source;
};

// --- penalties ---
enum class imprisonment : std::uint8_t { none, choueki, kokinkei };  // none = fine only; 懲役; 拘禁刑
enum class tristate : std::uint8_t { no, yes, unknown };
enum class corporate_fine : std::uint8_t { none, same_as_individual, hundred_million_yen, unknown };

struct penalty_row {
  std::uint16_t offence;  // rule index (rule_id)
  date from;
  date to;
  rule_status status;
  confidence level;
  std::string_view article;  // as numbered in that window: "67", "48", "52の2"
  imprisonment kind;
  std::uint16_t max_months;  // maximum term; 0 with imprisonment::none
  std::uint32_t max_fine_yen;
  bool cumulative;           // 併科
  tristate abroad;           // 国外犯
  corporate_fine corporate;  // 両罰
  std::string_view note;
};

struct analogue_row {
  std::uint16_t offence;
  std::string_view law;
  std::string_view article;
  std::string_view penalty;
  date as_of;
  confidence level;
  std::string_view note;
};

// --- payment records ---
enum class payment_basis : std::uint8_t { per_year, per_payment };
enum class payer_condition : std::uint8_t { any, corporation_or_dealer };
// When a request before the amount is settled is permitted: when the amount is still undecided,
// at the contract (rents), or at the employment contract.
enum class anticipation : std::uint8_t { when_undecided, at_contract, at_employment };

struct payment_row {
  std::uint16_t rule;           // rule index (rule_id)
  std::uint32_t threshold_yen;  // record exempt at or below (gold: number given only above)
  payment_basis basis;
  payer_condition payer;
  anticipation early;
};

}  // namespace law
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_LAW_TYPES_HPP
