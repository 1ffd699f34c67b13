// File: law/use.hpp — question 1: may this actor use My Numbers for this affair? (Art. 9)
//
// Art. 9 is a closed list of paths (law.md §2); use outside them is not permitted:
//   annex          9① — an entity in the 上欄 of 別表第一 (2015) / 別表 (2025) for the 下欄 affair;
//   ordinance      9② — a local-government organ for affairs fixed by 条例;
//   related        9③ (2015) / 9④ (2025) — 個人番号関係事務: employers, payers and others that a
//                  law or ordinance obliges to file documents bearing others' numbers;
//   disaster       9④ / 9⑤ — banks and insurers paying under prior contracts in a 激甚災害;
//   recipient      9⑤ / 9⑥ — someone who received the number under Art. 19 items 11–14 (2015) /
//                  13–17 (2025), within the purpose it was provided for.
#ifndef MYNUMBER_LAW_USE_HPP
#define MYNUMBER_LAW_USE_HPP

#include <optional>
#include <string_view>

#include "annex.hpp"
#include "rules.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace law {

enum class use_path : std::uint8_t { annex, ordinance, related_affairs, disaster_payment, art19_recipient, none };

[[nodiscard]] constexpr std::string_view to_string(use_path p) noexcept {
  switch (p) {
    case use_path::annex: return "annex";
    case use_path::ordinance: return "ordinance";
    case use_path::related_affairs: return "related_affairs";
    case use_path::disaster_payment: return "disaster_payment";
    case use_path::art19_recipient: return "art19_recipient";
    case use_path::none: return "none";
  }
  return "none";
}

struct use_query {
  date on;
  use_path path = use_path::none;
  // annex: the actor (matched as a substring of the row's 上欄) and either the item label as
  // numbered on the date ("二の二") or a keyword of the affair (first matching row is used).
  std::string_view actor;
  std::string_view annex_item;
  std::string_view affair_keyword;
  // ordinance: the actor is a local-government organ and an ordinance fixes the affair.
  bool local_government = false;
  bool ordinance_enacted = false;
  // related_affairs: a law or ordinance obliges the actor to file documents bearing the number.
  bool statutory_filing_duty = false;
  // disaster_payment: bank/insurer of 所得税法225①1・2・4〜6号, a 激甚災害 (or similar by Cabinet
  // Order), and a payment under a prior contract.
  bool financial_institution = false;
  bool disaster_declared = false;
  bool prior_contract = false;
  // art19_recipient: the Art. 19 rule the number was received under (e.g. P19.PUBLIC_INTEREST),
  // and whether the use stays within the purpose it was provided for.
  std::optional<rule_id> received_under;
  bool within_purpose = false;
};

struct use_answer {
  verdict decision;
  confidence level;
  rule_id basis;                      // the deciding rule
  const rule_version* basis_version;  // its citation as numbered on the date
  const annex_row* row;               // annex path: the matching row
};

namespace detail {
[[nodiscard]] constexpr bool is_recipient_item(rule_id id) noexcept {
  return id == rule_id::p19_commission || id == rule_id::p19_mic_jlis || id == rule_id::p19_public_interest ||
         id == rule_id::p19_life_body_property || id == rule_id::p19_commission_rules;
}
}  // namespace detail

[[nodiscard]] inline result<use_answer> try_evaluate_use(const use_query& q, trace* why = nullptr) {
  if (auto ok = check_date(q.on); !ok) return ok.error();
  detail::evaluation ev(q.on, why);
  use_answer out{verdict::not_permitted, confidence::statute, rule_id::a9_no_path, nullptr, nullptr};
  auto finish = [&](verdict v, rule_id basis, const rule_version& version) {
    out.decision = v;
    out.basis = basis;
    out.basis_version = &version;
    out.level = ev.level();
    return out;
  };
  switch (q.path) {
    case use_path::annex: {
      const annex_table t = use_table_on(q.on);
      ev.consult(rule_of(t), true, "annex table in force on the date");
      const annex_row* row = nullptr;
      if (!q.annex_item.empty()) {
        row = find_annex_item(q.on, q.annex_item);
      } else {
        for (std::size_t i = 0; i < annex_size(t) && row == nullptr; ++i) {
          const annex_row& r = annex_entry(t, i);
          if (!q.affair_keyword.empty() && detail::contains(r.affair, q.affair_keyword) &&
              detail::contains(r.actor, q.actor)) {
            row = &r;
          }
        }
      }
      out.row = row;
      const bool actor_ok = row != nullptr && !q.actor.empty() && detail::contains(row->actor, q.actor);
      const rule_version& v = ev.consult(rule_id::a9_annex, actor_ok,
                                         row == nullptr ? "no annex row matches the item or keyword on this date"
                                         : actor_ok     ? "the actor is named in the row's 上欄"
                                                        : "the actor is not named in the row's 上欄");
      if (actor_ok) return finish(verdict::permitted, rule_id::a9_annex, v);
      break;
    }
    case use_path::ordinance: {
      const bool ok = q.local_government && q.ordinance_enacted;
      const rule_version& v = ev.consult(rule_id::a9_ordinance, ok,
                                         ok ? "local-government organ, affair fixed by 条例"
                                            : "needs a local-government organ and an ordinance fixing the affair");
      if (ok) return finish(verdict::permitted, rule_id::a9_ordinance, v);
      break;
    }
    case use_path::related_affairs: {
      const rule_version& v =
          ev.consult(rule_id::a9_related_affairs, q.statutory_filing_duty,
                     q.statutory_filing_duty ? "a law or ordinance obliges filing documents bearing the number"
                                             : "no statutory duty to file documents bearing the number");
      if (q.statutory_filing_duty) return finish(verdict::permitted, rule_id::a9_related_affairs, v);
      break;
    }
    case use_path::disaster_payment: {
      const bool ok = q.financial_institution && q.disaster_declared && q.prior_contract;
      const rule_version& v = ev.consult(rule_id::a9_disaster, ok,
                                         ok ? "bank/insurer paying under a prior contract in a 激甚災害"
                                            : "needs a bank/insurer, a 激甚災害 and a prior contract");
      if (ok) return finish(verdict::permitted, rule_id::a9_disaster, v);
      break;
    }
    case use_path::art19_recipient: {
      bool ok = false;
      if (q.received_under && detail::is_recipient_item(*q.received_under)) {
        const rule_version& item = ev.consult(*q.received_under, true, "the number was received under this item");
        if (item.status == rule_status::unknown) {
          const rule_version& v =
              ev.consult(rule_id::a9_recipient, false, "whether the item existed on the date is not known");
          ev.weaken(confidence::unconfirmed);
          return finish(verdict::undetermined, rule_id::a9_recipient, v);
        }
        ok = item.status == rule_status::in_force && q.within_purpose;
      }
      const rule_version& v = ev.consult(rule_id::a9_recipient, ok,
                                         ok ? "use within the purpose of the Art. 19 provision"
                                            : "needs a provision under the recipient items and use within its purpose");
      if (ok) return finish(verdict::permitted, rule_id::a9_recipient, v);
      break;
    }
    case use_path::none: break;
  }
  const rule_version& v =
      ev.consult(rule_id::a9_no_path, true, "no Art. 9 path applies: use is outside the Act's scope");
  return finish(verdict::not_permitted, rule_id::a9_no_path, v);
}
[[nodiscard]] inline use_answer evaluate_use(const use_query& q, trace* why = nullptr) {
  return try_evaluate_use(q, why).value();
}

}  // namespace law
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_LAW_USE_HPP
