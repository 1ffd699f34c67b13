// File: law/rules.hpp — the dated rule records of the My Number Act engine and the explanation
// trace every question returns.
//
// Each rule has a stable semantic ID ("P19.NETWORK"); the article, paragraph and item it sits
// in are recorded per date range, because item numbers move between revisions (law.md §4).
// The records are generated from tools/law_rules.py into detail/rule_tables.hpp.
#ifndef MYNUMBER_LAW_RULES_HPP
#define MYNUMBER_LAW_RULES_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../date.hpp"
#include "../error.hpp"
#include "../result.hpp"
#include "detail/rule_tables.hpp"
#include "types.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace law {

// The dates the engine answers for. Before the first day no text is in the fact base.
[[nodiscard]] constexpr date earliest_date() noexcept { return date::from_ymd_unchecked(2015, 12, 1); }
[[nodiscard]] constexpr date latest_date() noexcept { return date::from_ymd_unchecked(9999, 12, 30); }
// The last day covered by a text that was read (text A retrieved 2025-09-24); later answers are
// UNCONFIRMED.
[[nodiscard]] constexpr date last_seen_text_date() noexcept { return date::from_ymd_unchecked(2025, 9, 24); }

// Amendment boundaries (law.md §1.2), exposed for tests and callers.
namespace boundaries {
inline constexpr date renumbering = date::from_ymd_unchecked(2016, 1, 1);
inline constexpr date notification_card_abolished = date::from_ymd_unchecked(2020, 5, 25);
inline constexpr date corporate_fine_raised = date::from_ymd_unchecked(2020, 12, 12);
inline constexpr date pension_book_no_longer_issued = date::from_ymd_unchecked(2022, 4, 1);
inline constexpr date annex2_abolished = date::from_ymd_unchecked(2024, 5, 27);
inline constexpr date health_insurance_card_stopped = date::from_ymd_unchecked(2024, 12, 2);
inline constexpr date kokinkei = date::from_ymd_unchecked(2025, 6, 1);
}  // namespace boundaries

[[nodiscard]] constexpr std::uint16_t index_of(rule_id id) noexcept { return static_cast<std::uint16_t>(id); }

[[nodiscard]] constexpr const rule_record& record(rule_id id) noexcept { return detail::rule_records[index_of(id)]; }

// The version of a rule in force on `on`. Precondition: earliest_date() <= on <= latest_date()
// (every rule covers that whole range; the generator checks it).
[[nodiscard]] constexpr const rule_version& version_on(rule_id id, date on) noexcept {
  const rule_record& rec = record(id);
  const std::size_t last = static_cast<std::size_t>(rec.first_version) + rec.version_count - 1;
  for (std::size_t i = rec.first_version; i < last; ++i) {
    if (on < detail::rule_versions[i].to) return detail::rule_versions[i];
  }
  return detail::rule_versions[last];
}

// Looks a rule up by its semantic ID ("P19.NETWORK"); law_unknown_id if there is none.
[[nodiscard]] inline result<rule_id> try_find_rule(std::string_view id) {
  for (std::size_t i = 0; i < rule_count; ++i) {
    if (detail::rule_records[i].id == id) return static_cast<rule_id>(i);
  }
  return error_info{errc::law_unknown_id, no_position, -1, "no rule with this id"};
}
[[nodiscard]] inline rule_id find_rule(std::string_view id) { return try_find_rule(id).value(); }

// True when the ID names a rule of the given family prefix ("P19.", "PEN.", "PAY.").
[[nodiscard]] constexpr bool in_family(rule_id id, std::string_view prefix) noexcept {
  const std::string_view s = record(id).id;
  return s.size() > prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Checks that a query date lies in the engine's range.
[[nodiscard]] inline result<void> check_date(date on) {
  if (on < earliest_date() || on > latest_date()) {
    return error_info{errc::law_date_out_of_range, no_position, -1,
                      on.to_string() + " is outside " + earliest_date().to_string() + " .. " +
                          latest_date().to_string() + " (no text of the Act before Dec 2015 in the fact base)"};
  }
  return {};
}

// Human-readable citation: "番号法 第19条第8号（主務省令）".
[[nodiscard]] inline std::string format_citation(const citation& c) {
  std::string out(c.law);
  if (!c.article.empty()) {
    if (!out.empty()) out += ' ';
    // "52の2" is written 第52条の2 (a branch article).
    const std::size_t branch = c.article.find("の");
    out += "第";
    out += c.article.substr(0, branch);
    out += "条";
    if (branch != std::string_view::npos) out += c.article.substr(branch);
    if (!c.paragraph.empty()) {
      out += "第";
      out += c.paragraph;
      out += "項";
    }
    if (!c.item.empty()) {
      out += "第";
      out += c.item;
      out += "号";
    }
  }
  if (!c.extra.empty()) {
    // A parenthetical attaches to the citation; a table name is a separate word.
    const bool parenthetical = c.extra.substr(0, 3) == "（";
    if (!out.empty() && !parenthetical) out += ' ';
    out += c.extra;
  }
  return out;
}

// One step of an explanation: which rule was consulted (in which dated version), whether its
// condition held, and a short static note on what was tested.
struct trace_step {
  rule_id rule;
  const rule_version* version;
  bool holds;
  std::string_view note;
};

// The ordered explanation of one answer. Steps are appended in evaluation order.
struct trace {
  std::vector<trace_step> steps;
  [[nodiscard]] bool empty() const noexcept { return steps.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return steps.size(); }
  // True if some step consulted this rule.
  [[nodiscard]] bool mentions(rule_id id) const noexcept {
    for (const trace_step& s : steps) {
      if (s.rule == id) return true;
    }
    return false;
  }
};

// One line per step: "[✓] P19.NETWORK 番号法 第19条第7号（別表第二） (2016-01-01..2024-05-26,
// secondary) — note".
[[nodiscard]] inline std::string explain(const trace& t) {
  std::string out;
  for (const trace_step& s : t.steps) {
    out += s.holds ? "[yes] " : "[no]  ";
    out += record(s.rule).id;
    const std::string cite = format_citation(s.version->cite);
    if (!cite.empty()) {
      out += "  ";
      out += cite;
    }
    out += "  (";
    out += s.version->from.to_string();
    out += "..";
    out += s.version->to == date::from_ymd_unchecked(9999, 12, 31) ? std::string()
                                                                   : s.version->to.add_days(-1).to_string();
    out += ", ";
    out += to_string(s.version->status);
    out += ", ";
    out += to_string(s.version->level);
    out += ")";
    if (!s.note.empty()) {
      out += " — ";
      out += s.note;
    }
    if (!s.version->note.empty()) {
      out += " [";
      out += s.version->note;
      out += "]";
    }
    out += '\n';
  }
  return out;
}

namespace detail {

// Evaluation state shared by the questions: the date, the weakest confidence so far, and the
// optional trace (nullptr = no trace, the fast path).
class evaluation {
 public:
  constexpr evaluation(date on, trace* out) noexcept : on_(on), trace_(out) {}

  // Consults a rule: records it in the trace and weakens the confidence to the version's.
  const rule_version& consult(rule_id id, bool holds, std::string_view note = {}) {
    const rule_version& v = version_on(id, on_);
    level_ = weakest(level_, v.level);
    if (trace_ != nullptr) trace_->steps.push_back(trace_step{id, &v, holds, note});
    return v;
  }
  // Looks at a rule without relying on it (no confidence change, no trace).
  [[nodiscard]] const rule_version& peek(rule_id id) const noexcept { return version_on(id, on_); }
  void weaken(confidence c) noexcept { level_ = weakest(level_, c); }

  [[nodiscard]] constexpr date on() const noexcept { return on_; }
  [[nodiscard]] constexpr confidence level() const noexcept { return level_; }

 private:
  date on_;
  trace* trace_;
  confidence level_ = confidence::statute;
};

}  // namespace detail
}  // namespace law
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_LAW_RULES_HPP
