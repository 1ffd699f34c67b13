// File: law/penalty.hpp — question 5: what penalty attaches to this act? (番号法 Arts. 48–57,
// before 2016-01-01 Arts. 67–77)
//
// The penalty is chosen by the date of the act (each amending law keeps the earlier penalty for
// earlier acts, law.md §7.4): the article as numbered then; 懲役 before 2025-06-01, 拘禁刑 from
// then; the fine cap and 併科; the corporate fine (1億円 for Arts. 48, 49 and 53 from 2020-12-12);
// whether acts abroad are covered (Art. 56 / 76).
#ifndef MYNUMBER_LAW_PENALTY_HPP
#define MYNUMBER_LAW_PENALTY_HPP

#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

#include "rules.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace law {

[[nodiscard]] constexpr std::string_view to_string(imprisonment k) noexcept {
  switch (k) {
    case imprisonment::none: return "none";
    case imprisonment::choueki: return "懲役";
    case imprisonment::kokinkei: return "拘禁刑";
  }
  return "none";
}
[[nodiscard]] constexpr std::string_view to_string(tristate t) noexcept {
  switch (t) {
    case tristate::no: return "no";
    case tristate::yes: return "yes";
    case tristate::unknown: return "unknown";
  }
  return "unknown";
}
[[nodiscard]] constexpr std::string_view to_string(corporate_fine c) noexcept {
  switch (c) {
    case corporate_fine::none: return "none";
    case corporate_fine::same_as_individual: return "same_as_individual";
    case corporate_fine::hundred_million_yen: return "hundred_million_yen";
    case corporate_fine::unknown: return "unknown";
  }
  return "unknown";
}

struct penalty_query {
  date on;                                   // date of the act
  rule_id offence = rule_id::pen_file_leak;  // a PEN.* offence rule
};

struct penalty_answer {
  rule_id offence;
  rule_status status;  // not_in_force: the article did not exist; unknown: not known
  confidence level;
  const penalty_row* row;
  // Convenience copies of row fields.
  std::string_view article;
  imprisonment kind;
  std::uint16_t max_months;
  std::uint32_t max_fine_yen;
  bool cumulative;
  tristate abroad;
  corporate_fine corporate;
  std::uint64_t corporate_max_fine_yen;  // 0 when none or unknown
};

namespace detail {
[[nodiscard]] constexpr const penalty_row* penalty_row_on(rule_id offence, date on) noexcept {
  for (const penalty_row& r : penalty_rows) {
    if (r.offence == index_of(offence) && r.from <= on && on < r.to) return &r;
  }
  return nullptr;
}
}  // namespace detail

// The offence whose article had this number on the date ("48", "52の2", "67").
[[nodiscard]] inline result<rule_id> try_offence_for_article(std::string_view article, date on) {
  if (auto ok = check_date(on); !ok) return ok.error();
  for (const penalty_row& r : detail::penalty_rows) {
    if (r.from <= on && on < r.to && r.status != rule_status::not_in_force && r.article == article) {
      return static_cast<rule_id>(r.offence);
    }
  }
  return error_info{errc::law_unknown_id, no_position, -1, "no penal article with this number on " + on.to_string()};
}

[[nodiscard]] inline result<penalty_answer> try_evaluate_penalty(const penalty_query& q, trace* why = nullptr) {
  if (auto ok = check_date(q.on); !ok) return ok.error();
  const penalty_row* row = detail::penalty_row_on(q.offence, q.on);
  if (row == nullptr)
    return error_info{errc::law_invalid_query, no_position, -1, "offence must be a penalty rule (PEN.*)"};
  detail::evaluation ev(q.on, why);
  ev.consult(q.offence, row->status == rule_status::in_force,
             row->status == rule_status::in_force  ? "article in force for an act on this date"
             : row->status == rule_status::unknown ? "whether this article existed on the date is not known"
                                                   : "this article did not exist on the date");
  ev.weaken(row->level);
  penalty_answer out{q.offence,       row->status,       confidence::statute, row,         row->article,   row->kind,
                     row->max_months, row->max_fine_yen, row->cumulative,     row->abroad, row->corporate, 0};
  if (row->status == rule_status::in_force) {
    if (row->kind != imprisonment::none) {
      const bool kokin = ev.peek(rule_id::pen_kokinkei).status == rule_status::in_force;
      ev.consult(rule_id::pen_kokinkei, kokin,
                 kokin ? "拘禁刑 for acts on or after 2025-06-01" : "懲役 for acts before 2025-06-01");
    }
    ev.consult(rule_id::pen_abroad, row->abroad == tristate::yes,
               row->abroad == tristate::yes  ? "applies to acts abroad"
               : row->abroad == tristate::no ? "does not apply to acts abroad"
                                             : "coverage of acts abroad on this date is not known");
    ev.consult(rule_id::pen_corporate, row->corporate != corporate_fine::none,
               row->corporate == corporate_fine::hundred_million_yen  ? "corporate fine up to 1億円"
               : row->corporate == corporate_fine::same_as_individual ? "corporate fine as in the article (各本条)"
               : row->corporate == corporate_fine::none               ? "no corporate liability for this article"
                                                        : "corporate liability on this date is not known");
    out.corporate_max_fine_yen = row->corporate == corporate_fine::hundred_million_yen  ? 100000000ULL
                                 : row->corporate == corporate_fine::same_as_individual ? row->max_fine_yen
                                                                                        : 0ULL;
  }
  out.level = ev.level();
  return out;
}
[[nodiscard]] inline penalty_answer evaluate_penalty(const penalty_query& q, trace* why = nullptr) {
  return try_evaluate_penalty(q, why).value();
}

// The comparison with analogous laws for an offence. Rows carry the date they were tabulated;
// for an earlier date they are returned as UNCONFIRMED (the figures may have differed then).
struct analogue {
  const analogue_row* row;
  confidence level;
};
[[nodiscard]] inline std::vector<analogue> analogues_of(rule_id offence, date on) {
  std::vector<analogue> out;
  for (const analogue_row& r : detail::analogue_rows) {
    if (r.offence != index_of(offence)) continue;
    out.push_back(analogue{&r, on < r.as_of ? confidence::unconfirmed : r.level});
  }
  return out;
}

}  // namespace law
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_LAW_PENALTY_HPP
