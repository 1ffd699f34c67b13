// File: law/identity.hpp — question 3: did the documents presented satisfy 番号確認 (number
// check) and 身元確認 (identity check)? (Art. 16, 施行令12条, 施行規則)
//
// Structure per the PPC guideline 第4-3-⑷〈参考1〉 (law.md §8); the texts of 施行令 and 施行規則
// are not in the fact base, so their citations are `official` at best.
//   In person / by post (post: copies, 規11):
//     個人番号カード (16一) satisfies both; カード代替電磁的記録 (16二) too, once in force;
//     otherwise 番号確認書類 (令12①一: 住民票の写し等, or until 2020-05-24 the 通知カード, and from
//     2020-05-25 a 通知カード whose entries are unchanged, transitional) with fallback 規2① (earlier
//     verified file), plus 身元確認書類 (令12①二: photo ID) with fallbacks 規2⑥ (identity obvious,
//     e.g. employment relationship) and 規2③ (two or more documents).
//   Telephone: 規2① earlier file for the number, 規2⑤ earlier file + facts only the person knows.
//   Online (規3): card IC chip / electronic certificate / J-LIS check.
//   Agent (令12②): authority (委任状, 戸籍謄本), the agent's identity (photo ID, or obvious), the
//     principal's number document.
#ifndef MYNUMBER_LAW_IDENTITY_HPP
#define MYNUMBER_LAW_IDENTITY_HPP

#include <string_view>
#include <vector>

#include "rules.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace law {

enum class channel : std::uint8_t { in_person, agent, online, post, telephone };

[[nodiscard]] constexpr std::string_view to_string(channel c) noexcept {
  switch (c) {
    case channel::in_person: return "in_person";
    case channel::agent: return "agent";
    case channel::online: return "online";
    case channel::post: return "post";
    case channel::telephone: return "telephone";
  }
  return "in_person";
}

enum class document_kind : std::uint8_t {
  my_number_card,                          // 個人番号カード
  card_alternative_record,                 // カード代替電磁的記録 (smartphone), checked with the program
  notification_card,                       // 通知カード
  residence_record_with_number,            // 住民票の写し / 住民票記載事項証明書 bearing the number
  drivers_license,                         // 運転免許証
  driving_history_certificate,             // 運転経歴証明書
  passport,                                // 旅券
  disability_certificate,                  // 身体障害者手帳 / 精神障害者保健福祉手帳 / 療育手帳
  residence_card,                          // 在留カード
  special_permanent_resident_certificate,  // 特別永住者証明書
  other_public_photo_id,                   // other photo ID issued by a public office
  health_insurance_card,                   // 健康保険の被保険者証
  qualification_certificate,               // 資格確認書
  pension_book,                            // 年金手帳
  allowance_certificate,                   // 児童扶養手当証書 etc.
  power_of_attorney,                       // 委任状
  family_register,                         // 戸籍謄本 (legal representation)
  electronic_certificate,                  // 署名用電子証明書 (online)
  jlis_check,                              // a check with J-LIS (online)
};

inline constexpr std::string_view document_kind_names[] = {"my_number_card",
                                                           "card_alternative_record",
                                                           "notification_card",
                                                           "residence_record_with_number",
                                                           "drivers_license",
                                                           "driving_history_certificate",
                                                           "passport",
                                                           "disability_certificate",
                                                           "residence_card",
                                                           "special_permanent_resident_certificate",
                                                           "other_public_photo_id",
                                                           "health_insurance_card",
                                                           "qualification_certificate",
                                                           "pension_book",
                                                           "allowance_certificate",
                                                           "power_of_attorney",
                                                           "family_register",
                                                           "electronic_certificate",
                                                           "jlis_check"};

[[nodiscard]] constexpr std::string_view to_string(document_kind k) noexcept {
  return document_kind_names[static_cast<std::size_t>(k)];
}

enum class holder : std::uint8_t { principal, agent };

struct document {
  document_kind kind;
  holder of = holder::principal;
  bool details_unchanged = true;  // 通知カード: name/address etc. still as printed
  bool expired = false;           // past its validity (e.g. health-insurance card's printed expiry)
};

struct identity_query {
  date on;
  channel via = channel::in_person;
  std::vector<document> documents;
  bool earlier_verified_file = false;  // a 特定個人情報ファイル made earlier after proper verification
  bool identity_obvious = false;       // e.g. employment relationship, checked at hiring (規2⑥ / 規9④)
  bool knows_personal_facts = false;   // telephone: states facts only the person would know
};

struct identity_check {
  verdict satisfied;  // permitted = satisfied, not_permitted = not satisfied
  rule_id by;         // the rule that satisfied it, or the one that was missing
  bool fallback;      // satisfied only through a fallback (特例)
};

struct identity_answer {
  identity_check number;     // 番号確認 (of the principal)
  identity_check identity;   // 身元確認 (of the person presenting: principal, or agent)
  identity_check authority;  // 代理権確認 (agent channel only; permitted otherwise)
  bool agent_channel;        // false: `authority` does not apply
  confidence level;
  std::vector<std::string_view> missing;  // what would still be needed
  [[nodiscard]] bool satisfied() const noexcept {
    return number.satisfied == verdict::permitted && identity.satisfied == verdict::permitted &&
           authority.satisfied == verdict::permitted;
  }
};

namespace detail {

[[nodiscard]] constexpr bool is_photo_id(document_kind k) noexcept {
  switch (k) {
    case document_kind::drivers_license:
    case document_kind::driving_history_certificate:
    case document_kind::passport:
    case document_kind::disability_certificate:
    case document_kind::residence_card:
    case document_kind::special_permanent_resident_certificate:
    case document_kind::other_public_photo_id: return true;
    default: return false;
  }
}

class identity_evaluator {
 public:
  identity_evaluator(const identity_query& q, trace* why) : q_(q), ev_(q.on, why) {}

  identity_answer run() {
    identity_answer out{{verdict::not_permitted, rule_id::idv_number_doc, false},
                        {verdict::not_permitted, rule_id::idv_identity_photo, false},
                        {verdict::permitted, rule_id::idv_agent_authority, false},
                        q_.via == channel::agent,
                        confidence::statute,
                        {}};
    switch (q_.via) {
      case channel::in_person:
      case channel::post: in_person(out, holder::principal); break;
      case channel::telephone: telephone(out); break;
      case channel::online: online(out); break;
      case channel::agent: agent(out); break;
    }
    out.level = ev_.level();
    return out;
  }

 private:
  [[nodiscard]] bool has(document_kind k, holder h) const noexcept {
    for (const document& d : q_.documents) {
      if (d.kind == k && d.of == h && !d.expired) return true;
    }
    return false;
  }
  [[nodiscard]] const document* find(document_kind k, holder h) const noexcept {
    for (const document& d : q_.documents) {
      if (d.kind == k && d.of == h && !d.expired) return &d;
    }
    return nullptr;
  }

  // Art. 16 item 1/2: a card (or its smartphone record) satisfies both checks.
  // Returns true when settled (both satisfied or undetermined).
  bool card_route(identity_answer& out, holder h) {
    if (has(document_kind::my_number_card, h)) {
      ev_.consult(rule_id::a16_card, true, "個人番号カード presented");
      out.number = {verdict::permitted, rule_id::a16_card, false};
      out.identity = {verdict::permitted, rule_id::a16_card, false};
      return true;
    }
    if (has(document_kind::card_alternative_record, h)) {
      const rule_version& v = ev_.peek(rule_id::a16_card_alternative);
      if (v.status == rule_status::in_force) {
        ev_.consult(rule_id::a16_card_alternative, true, "カード代替電磁的記録 checked with the program");
        out.number = {verdict::permitted, rule_id::a16_card_alternative, false};
        out.identity = {verdict::permitted, rule_id::a16_card_alternative, false};
        return true;
      }
      ev_.consult(rule_id::a16_card_alternative, false,
                  v.status == rule_status::unknown ? "whether the smartphone route existed on the date is not known"
                                                   : "the smartphone route did not exist on the date");
      if (v.status == rule_status::unknown) {
        out.number = {verdict::undetermined, rule_id::a16_card_alternative, false};
        out.identity = {verdict::undetermined, rule_id::a16_card_alternative, false};
        // Other documents may still settle it below.
      }
    }
    return false;
  }

  void number_check(identity_answer& out, holder h, bool allow_file_fallback) {
    if (const document* nc = find(document_kind::notification_card, h)) {
      const rule_version& v = ev_.peek(rule_id::a16_notification_card);
      if (v.status == rule_status::in_force) {
        ev_.consult(rule_id::a16_notification_card, true, "通知カード presented while it was current");
        out.number = {verdict::permitted, rule_id::a16_notification_card, false};
        return;
      }
      ev_.consult(rule_id::a16_notification_card, false, "通知カード abolished on 2020-05-25");
      const bool ok = nc->details_unchanged;
      ev_.consult(
          rule_id::a16_notification_card_transitional, ok,
          ok ? "entries unchanged: transitional use as 番号確認書類" : "entries changed since issue: no longer usable");
      if (ok) {
        out.number = {verdict::permitted, rule_id::a16_notification_card_transitional, false};
        return;
      }
    }
    if (has(document_kind::residence_record_with_number, h)) {
      ev_.consult(rule_id::idv_number_doc, true, "住民票の写し等 bearing the number");
      out.number = {verdict::permitted, rule_id::idv_number_doc, false};
      return;
    }
    if (allow_file_fallback && q_.earlier_verified_file) {
      ev_.consult(rule_id::idv_number_fallback_file, true, "checked against an earlier verified file");
      out.number = {verdict::permitted, rule_id::idv_number_fallback_file, true};
      return;
    }
    if (out.number.satisfied != verdict::undetermined) {
      ev_.consult(rule_id::idv_number_doc, false, "no 番号確認書類 presented");
      out.number = {verdict::not_permitted, rule_id::idv_number_doc, false};
      out.missing.push_back("番号確認書類 (住民票の写し等 bearing the number) or the 個人番号カード");
    }
  }

  void identity_check_for(identity_answer& out, holder h, bool obvious_rule_agent) {
    for (const document& d : q_.documents) {
      if (d.of == h && !d.expired && is_photo_id(d.kind)) {
        ev_.consult(h == holder::agent ? rule_id::idv_agent_identity : rule_id::idv_identity_photo, true,
                    "photo identity document presented");
        out.identity = {verdict::permitted,
                        h == holder::agent ? rule_id::idv_agent_identity : rule_id::idv_identity_photo, false};
        return;
      }
    }
    if (q_.identity_obvious) {
      const rule_id r = obvious_rule_agent ? rule_id::idv_agent_obvious : rule_id::idv_identity_obvious;
      ev_.consult(r, true, "identity obvious (e.g. employment relationship, checked at hiring)");
      out.identity = {verdict::permitted, r, true};
      return;
    }
    // Two or more documents from the secondary list (規2③).
    int certain = 0;
    int uncertain = 0;
    const struct {
      document_kind kind;
      rule_id rule;
    } listed[] = {
        {document_kind::health_insurance_card, rule_id::idv_health_card},
        {document_kind::qualification_certificate, rule_id::idv_qualification_cert},
        {document_kind::pension_book, rule_id::idv_pension_book},
        {document_kind::allowance_certificate, rule_id::idv_identity_two_docs},
    };
    for (const auto& entry : listed) {
      if (!has(entry.kind, h)) continue;
      const rule_version& v = ev_.peek(entry.rule);
      if (v.status == rule_status::in_force) {
        ev_.consult(entry.rule, true, "counts towards the two-document fallback");
        ++certain;
      } else if (v.status == rule_status::unknown) {
        ev_.consult(entry.rule, false, "whether this document is listed is not known");
        ++uncertain;
      } else {
        ev_.consult(entry.rule, false, "not a listed document on the date");
      }
    }
    if (certain >= 2) {
      ev_.consult(rule_id::idv_identity_two_docs, true, "two or more documents presented");
      out.identity = {verdict::permitted, rule_id::idv_identity_two_docs, true};
      return;
    }
    if (certain + uncertain >= 2) {
      ev_.consult(rule_id::idv_identity_two_docs, false, "two documents only if an unconfirmed document counts");
      ev_.weaken(confidence::unconfirmed);
      out.identity = {verdict::undetermined, rule_id::idv_identity_two_docs, true};
      return;
    }
    if (out.identity.satisfied != verdict::undetermined) {
      ev_.consult(h == holder::agent ? rule_id::idv_agent_identity : rule_id::idv_identity_photo, false,
                  "no identity document presented");
      out.identity = {verdict::not_permitted,
                      h == holder::agent ? rule_id::idv_agent_identity : rule_id::idv_identity_photo, false};
      out.missing.push_back(h == holder::agent
                                ? "the agent's photo identity document (運転免許証, 旅券 …)"
                                : "a photo identity document (運転免許証, 旅券 …) or two listed documents");
    }
  }

  void in_person(identity_answer& out, holder h) {
    if (q_.via == channel::post) ev_.consult(rule_id::idv_post, true, "by post: copies of the documents");
    if (card_route(out, h)) return;
    number_check(out, h, true);
    // Before 2020-05-25 the 通知カード route of Art. 16 required an identity document with it;
    // from then on the general route applies. Either way a 身元確認 is needed.
    identity_check_for(out, h, false);
  }

  void telephone(identity_answer& out) {
    if (q_.earlier_verified_file) {
      ev_.consult(rule_id::idv_number_fallback_file, true, "number checked against an earlier verified file");
      out.number = {verdict::permitted, rule_id::idv_number_fallback_file, true};
    } else {
      ev_.consult(rule_id::idv_number_fallback_file, false, "by telephone the number needs an earlier verified file");
      out.number = {verdict::not_permitted, rule_id::idv_number_fallback_file, true};
      out.missing.push_back("an earlier verified 特定個人情報ファイル to check the number against");
    }
    const bool ok = q_.earlier_verified_file && q_.knows_personal_facts;
    ev_.consult(
        rule_id::idv_telephone, ok,
        ok ? "earlier file plus facts only the person knows" : "needs an earlier file and facts only the person knows");
    out.identity = {ok ? verdict::permitted : verdict::not_permitted, rule_id::idv_telephone, true};
    if (!ok) out.missing.push_back("facts only the person would know, checked against an earlier verified file");
  }

  void online(identity_answer& out) {
    ev_.consult(rule_id::idv_online, true, "online: IC chip, electronic signature or J-LIS check");
    const bool chip = has(document_kind::my_number_card, holder::principal);
    const bool cert = has(document_kind::electronic_certificate, holder::principal);
    const bool jlis = has(document_kind::jlis_check, holder::principal);
    const bool number_ok =
        chip || jlis || has(document_kind::residence_record_with_number, holder::principal) || q_.earlier_verified_file;
    out.number = {number_ok ? verdict::permitted : verdict::not_permitted, rule_id::idv_online, false};
    out.identity = {chip || cert ? verdict::permitted : verdict::not_permitted, rule_id::idv_online, false};
    if (!number_ok) out.missing.push_back("the card's IC chip, a J-LIS check or an image of a 番号確認書類");
    if (!(chip || cert)) out.missing.push_back("the card's IC chip or an electronic certificate (署名用電子証明書)");
  }

  void agent(identity_answer& out) {
    const bool authority = has(document_kind::power_of_attorney, holder::agent) ||
                           has(document_kind::family_register, holder::agent) ||
                           has(document_kind::power_of_attorney, holder::principal) ||
                           has(document_kind::family_register, holder::principal);
    ev_.consult(rule_id::idv_agent_authority, authority,
                authority ? "委任状 or 戸籍謄本 presented" : "no proof of authority");
    out.authority = {authority ? verdict::permitted : verdict::not_permitted, rule_id::idv_agent_authority, false};
    if (!authority) out.missing.push_back("proof of authority (委任状, or 戸籍謄本 for a legal representative)");
    // The agent's own identity: photo ID or the agent's card, or identity obvious (規9④).
    if (has(document_kind::my_number_card, holder::agent)) {
      ev_.consult(rule_id::idv_agent_identity, true, "the agent's 個人番号カード");
      out.identity = {verdict::permitted, rule_id::idv_agent_identity, false};
    } else {
      identity_check_for(out, holder::agent, true);
    }
    // The principal's number: card, (transitional) 通知カード or 住民票の写し等 (規8).
    const bool principal_card = has(document_kind::my_number_card, holder::principal);
    if (principal_card) {
      ev_.consult(rule_id::idv_agent_principal_number, true, "the principal's 個人番号カード (or a copy)");
      out.number = {verdict::permitted, rule_id::idv_agent_principal_number, false};
    } else {
      number_check(out, holder::principal, true);
      if (out.number.satisfied == verdict::permitted) {
        ev_.consult(rule_id::idv_agent_principal_number, true, "the principal's number document");
      }
    }
  }

  const identity_query& q_;
  evaluation ev_;
};

}  // namespace detail

[[nodiscard]] inline result<identity_answer> try_evaluate_identity(const identity_query& q, trace* why = nullptr) {
  if (auto ok = check_date(q.on); !ok) return ok.error();
  return detail::identity_evaluator(q, why).run();
}
[[nodiscard]] inline identity_answer evaluate_identity(const identity_query& q, trace* why = nullptr) {
  return try_evaluate_identity(q, why).value();
}

}  // namespace law
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_LAW_IDENTITY_HPP
