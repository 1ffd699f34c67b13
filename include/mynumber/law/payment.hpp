// File: law/payment.hpp — question 4: must a payer collect the payee's number for this
// payment? (所得税法施行規則 / 施行令 submission thresholds, via 番号法9④)
//
// Each 支払調書 / 源泉徴収票 need not be submitted when the amount is at or below its figure
// (law.md §9; gold bullion: the number is given only above 2,000,000円). Three answers:
//   required                   — the record must be filed, and it carries the payee's number;
//   permitted_in_anticipation  — not (yet) required, but the PPC guideline lets the payer ask at
//                                contract / employment time unless it is already clear that no
//                                record will be needed;
//   not_permitted              — no record is needed; asking would breach Art. 15.
#ifndef MYNUMBER_LAW_PAYMENT_HPP
#define MYNUMBER_LAW_PAYMENT_HPP

#include <cstdint>
#include <iterator>
#include <string_view>

#include "rules.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace law {

enum class payment_verdict : std::uint8_t { required, permitted_in_anticipation, not_permitted };

[[nodiscard]] constexpr std::string_view to_string(payment_verdict v) noexcept {
  switch (v) {
    case payment_verdict::required: return "required";
    case payment_verdict::permitted_in_anticipation: return "permitted_in_anticipation";
    case payment_verdict::not_permitted: return "not_permitted";
  }
  return "not_permitted";
}

enum class payer_kind : std::uint8_t { corporation, real_estate_dealer, individual };

[[nodiscard]] constexpr std::string_view to_string(payer_kind p) noexcept {
  switch (p) {
    case payer_kind::corporation: return "corporation";
    case payer_kind::real_estate_dealer: return "real_estate_dealer";
    case payer_kind::individual: return "individual";
  }
  return "corporation";
}

struct payment_query {
  date on;
  rule_id kind = rule_id::pay_fees_other;  // a PAY.* rule
  payer_kind payer = payer_kind::corporation;
  std::uint64_t amount_yen = 0;   // yearly total to the payee, or the single payment (see basis)
  bool amount_final = true;       // false: the amount is not settled yet (e.g. at contract time)
  bool payee_is_officer = false;  // PAY.RETIREMENT: the record is submitted only for 法人役員
};

struct payment_answer {
  payment_verdict decision;
  confidence level;
  rule_id basis;                      // the PAY.* rule
  const rule_version* basis_version;  // its citation on the date
  std::uint32_t threshold_yen;        // 0 where no figure applies (retirement)
  payment_basis per;
};

namespace detail {
[[nodiscard]] constexpr const payment_row* payment_row_of(rule_id id) noexcept {
  for (const payment_row& r : payment_rows) {
    if (r.rule == index_of(id)) return &r;
  }
  return nullptr;
}
}  // namespace detail

[[nodiscard]] inline result<payment_answer> try_evaluate_payment(const payment_query& q, trace* why = nullptr) {
  if (auto ok = check_date(q.on); !ok) return ok.error();
  const payment_row* row = detail::payment_row_of(q.kind);
  if (row == nullptr && q.kind != rule_id::pay_retirement) {
    return error_info{errc::law_invalid_query, no_position, -1, "kind must be a payment rule (PAY.*)"};
  }
  detail::evaluation ev(q.on, why);
  ev.consult(rule_id::a9_related_affairs, true, "payers filing records under 所得税法225〜228条の3の2 use the number");
  payment_answer out{payment_verdict::not_permitted,
                     confidence::statute,
                     q.kind,
                     nullptr,
                     row != nullptr ? row->threshold_yen : 0U,
                     row != nullptr ? row->basis : payment_basis::per_year};
  auto finish = [&](payment_verdict v) {
    out.decision = v;
    out.basis_version = &ev.peek(q.kind);
    out.level = ev.level();
    return out;
  };
  const auto anticipate = [&](std::string_view note) {
    ev.consult(rule_id::pay_request_at_contract, true, note);
    return finish(payment_verdict::permitted_in_anticipation);
  };
  if (row == nullptr) {  // retirement income: officers only, no amount figure
    ev.consult(q.kind, q.payee_is_officer,
               q.payee_is_officer ? "payee is a corporate officer" : "submitted only for corporate officers");
    if (q.payee_is_officer) return finish(payment_verdict::required);
    return anticipate("employees may be asked at the employment contract");
  }
  if (row->payer == payer_condition::corporation_or_dealer && q.payer == payer_kind::individual) {
    ev.consult(q.kind, false, "only corporations and real-estate dealers file this record");
    ev.consult(rule_id::a15_ban, true, "no record is due: asking for the number is barred");
    return finish(payment_verdict::not_permitted);
  }
  const bool above = q.amount_yen > row->threshold_yen;
  ev.consult(q.kind, above,
             above ? "amount above the figure: the record is due" : "amount at or below the figure: no record");
  if (above) return finish(payment_verdict::required);
  if (row->early == anticipation::at_employment) return anticipate("employees may be asked at the employment contract");
  if (!q.amount_final) return anticipate("amount not settled: the number may be asked at contract time");
  ev.consult(rule_id::a15_ban, true, "no record is due: asking for the number is barred");
  return finish(payment_verdict::not_permitted);
}
[[nodiscard]] inline payment_answer evaluate_payment(const payment_query& q, trace* why = nullptr) {
  return try_evaluate_payment(q, why).value();
}

}  // namespace law
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_LAW_PAYMENT_HPP
