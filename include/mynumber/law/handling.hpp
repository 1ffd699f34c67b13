// File: law/handling.hpp — question 2: may a number be requested, provided, collected or
// stored in this situation? (Arts. 15, 19, 20)
//
// Art. 19 forbids providing 特定個人情報 except in its listed items; Art. 20 forbids collecting
// or storing others' 特定個人情報 except in those same items; Art. 15 forbids asking 他人 for a
// number unless one could receive it under an Art. 19 item, where 他人 excludes members of
// one's own household (law.md §3–5). The situation is named by its stable Art. 19 rule ID, and
// the answer gives the item number as it was on the date.
#ifndef MYNUMBER_LAW_HANDLING_HPP
#define MYNUMBER_LAW_HANDLING_HPP

#include <optional>
#include <string_view>

#include "rules.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace law {

enum class handling : std::uint8_t { request, provide, collect, store };

[[nodiscard]] constexpr std::string_view to_string(handling h) noexcept {
  switch (h) {
    case handling::request: return "request";
    case handling::provide: return "provide";
    case handling::collect: return "collect";
    case handling::store: return "store";
  }
  return "request";
}

struct handling_query {
  date on;
  handling act = handling::request;
  std::optional<rule_id> situation;  // an Art. 19 item ("P19.*"); empty = none applies
  bool same_household = false;       // request only: the person asked belongs to one's household
  bool consent = false;              // P19.JOB_CHANGE needs the employee's consent
};

struct handling_answer {
  verdict decision;
  confidence level;
  rule_id basis;                      // the Art. 19 item that permits, or the prohibiting article
  const rule_version* basis_version;  // item / article as numbered on the date
};

[[nodiscard]] inline result<handling_answer> try_evaluate_handling(const handling_query& q, trace* why = nullptr) {
  if (auto ok = check_date(q.on); !ok) return ok.error();
  if (q.situation && !in_family(*q.situation, "P19.")) {
    return error_info{errc::law_invalid_query, no_position, -1, "situation must be an Art. 19 rule (P19.*)"};
  }
  detail::evaluation ev(q.on, why);
  handling_answer out{verdict::not_permitted, confidence::statute, rule_id::a19_base, nullptr};
  auto finish = [&](verdict v, rule_id basis, const rule_version& version) {
    out.decision = v;
    out.basis = basis;
    out.basis_version = &version;
    out.level = ev.level();
    return out;
  };
  const rule_id ban = q.act == handling::request   ? rule_id::a15_ban
                      : q.act == handling::provide ? rule_id::a19_base
                                                   : rule_id::a20_ban;
  if (q.act == handling::request && q.same_household) {
    const rule_version& v =
        ev.consult(rule_id::a15_household, true, "the person asked is in one's own household: not 他人");
    return finish(verdict::permitted, rule_id::a15_household, v);
  }
  if (q.act == handling::request) ev.consult(rule_id::a15_ban, true, "asking 他人 for a number needs an Art. 19 item");
  if (q.act == handling::collect || q.act == handling::store) {
    ev.consult(rule_id::a20_ban, true, "collecting or storing needs an Art. 19 item");
  }
  if (q.situation) {
    const rule_version& item = ev.peek(*q.situation);
    bool holds = item.status == rule_status::in_force;
    std::string_view note =
        holds ? "the situation falls under this item on the date" : "this item is not in force on the date";
    if (holds && *q.situation == rule_id::p19_job_change && !q.consent) {
      holds = false;
      note = "job-change provision needs the employee's consent";
    }
    if (item.status == rule_status::unknown) note = "whether this item existed on the date is not known";
    const rule_version& v = ev.consult(*q.situation, holds, note);
    if (holds) return finish(verdict::permitted, *q.situation, v);
    if (item.status == rule_status::unknown) {
      ev.weaken(confidence::unconfirmed);
      return finish(verdict::undetermined, *q.situation, v);
    }
  }
  const rule_version& base = ev.consult(rule_id::a19_base, false, "no Art. 19 item applies");
  if (ban == rule_id::a19_base) return finish(verdict::not_permitted, ban, base);
  return finish(verdict::not_permitted, ban, ev.peek(ban));
}
[[nodiscard]] inline handling_answer evaluate_handling(const handling_query& q, trace* why = nullptr) {
  return try_evaluate_handling(q, why).value();
}

}  // namespace law
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_LAW_HANDLING_HPP
