// File: law/json.hpp — JSON in, JSON out for every law question (schema in docs/law.md).
//
//   try_answer_json(R"({"question":"penalty","date":"2017-04-01","offence":"PEN.FILE_LEAK"})")
//
// Requests are strict: unknown members, wrong types, unknown IDs and bad dates are errors
// (errc::law_invalid_query, law_unknown_id, law_date_out_of_range; errc::json_malformed when
// the text is not JSON). The response always carries a "disclaimer" member.
#ifndef MYNUMBER_LAW_JSON_HPP
#define MYNUMBER_LAW_JSON_HPP

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "../detail/json.hpp"
#include "annex.hpp"
#include "handling.hpp"
#include "identity.hpp"
#include "payment.hpp"
#include "penalty.hpp"
#include "rules.hpp"
#include "use.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace law {

inline constexpr std::string_view disclaimer =
    "Informational only, not legal advice (法的助言ではありません). Check the statute; see the confidence of each "
    "step.";

namespace detail {
namespace json = ::mynumber::detail::json;  // the library's one JSON reader and writer
namespace jsonio {

using json::kind;
using json::value;

inline error_info invalid(std::string what) {
  return error_info{errc::law_invalid_query, no_position, -1, std::move(what)};
}

// Rejects members outside `allowed` (typos must not be silently ignored).
inline result<void> only_members(const value& v, std::initializer_list<std::string_view> allowed) {
  for (const auto& m : v.members) {
    bool ok = false;
    for (std::string_view a : allowed) ok = ok || m.key == a;
    if (ok) continue;
    // Echo the key only when it looks like a member name: input text that may hold a number
    // (digits or anything else) never goes into a message.
    bool plain = !m.key.empty() && m.key.size() <= 40;
    for (const char c : m.key) plain = plain && ((c >= 'a' && c <= 'z') || c == '_');
    return invalid(plain ? "unknown member \"" + m.key + "\"" : std::string("unknown member"));
  }
  return {};
}

inline result<bool> get_bool(const value& obj, std::string_view key, bool fallback) {
  const value* v = obj.find(key);
  if (v == nullptr) return fallback;
  if (v->type != kind::boolean) return invalid("\"" + std::string(key) + "\" must be true or false");
  return v->boolean;
}

inline result<std::string_view> get_string(const value& obj, std::string_view key, bool required) {
  const value* v = obj.find(key);
  if (v == nullptr) {
    if (required) return invalid("\"" + std::string(key) + "\" is required");
    return std::string_view{};
  }
  if (v->type != kind::string) return invalid("\"" + std::string(key) + "\" must be a string");
  return std::string_view(v->text);
}

template <class Enum, std::size_t N>
result<Enum> get_enum(const value& obj, std::string_view key, const std::string_view (&names)[N], Enum fallback,
                      bool required) {
  auto s = get_string(obj, key, required);
  if (!s) return s.error();
  if (s->empty() && !required && obj.find(key) == nullptr) return fallback;
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == *s) return static_cast<Enum>(i);
  }
  std::string list;
  for (std::size_t i = 0; i < N; ++i) list += (i ? ", " : "") + std::string(names[i]);
  return invalid("\"" + std::string(key) + "\" must be one of: " + list);
}

inline result<rule_id> get_rule(const value& obj, std::string_view key, std::string_view family) {
  auto s = get_string(obj, key, true);
  if (!s) return s.error();
  auto id = try_find_rule(*s);
  if (!id) return error_info{errc::law_unknown_id, no_position, -1, "\"" + std::string(key) + "\": unknown rule id"};
  if (!in_family(*id, family))
    return invalid("\"" + std::string(key) + "\" must be a " + std::string(family) + "* rule");
  return *id;
}

inline void write_version(json::writer& w, rule_id id, const rule_version& v) {
  w.key("rule").string(record(id).id);
  w.key("citation").string(format_citation(v.cite));
  w.key("law_id").string(v.cite.law_id);
  w.key("article").string(v.cite.article);
  w.key("paragraph").string(v.cite.paragraph);
  w.key("item").string(v.cite.item);
  w.key("from").string(v.from.to_string());
  if (v.to == date::from_ymd_unchecked(9999, 12, 31)) {
    w.key("until").null();
  } else {
    w.key("until").string(v.to.add_days(-1).to_string());
  }
  w.key("status").string(to_string(v.status));
  w.key("confidence").string(to_string(v.level));
  w.key("source").string(v.source);
}

inline void write_basis(json::writer& w, rule_id id, const rule_version& v) {
  w.key("basis").begin_object();
  write_version(w, id, v);
  w.end_object();
}

inline void write_trace(json::writer& w, const trace& t) {
  w.key("trace").begin_array();
  for (const trace_step& s : t.steps) {
    w.begin_object();
    write_version(w, s.rule, *s.version);
    w.key("holds").boolean(s.holds);
    w.key("note").string(s.note);
    w.key("version_note").string(s.version->note);
    w.end_object();
  }
  w.end_array();
}

inline constexpr std::string_view use_path_names[] = {
    "annex", "ordinance", "related_affairs", "disaster_payment", "art19_recipient", "none"};
inline constexpr std::string_view handling_names[] = {"request", "provide", "collect", "store"};
inline constexpr std::string_view channel_names[] = {"in_person", "agent", "online", "post", "telephone"};
inline constexpr std::string_view holder_names[] = {"principal", "agent"};
inline constexpr std::string_view payer_names[] = {"corporation", "real_estate_dealer", "individual"};

inline result<std::string> answer(const value& req) {
  if (req.type != kind::object) return invalid("the request must be a JSON object");
  auto question = get_string(req, "question", true);
  if (!question) return question.error();
  auto date_text = get_string(req, "date", true);
  if (!date_text) return date_text.error();
  auto on = date::try_parse(*date_text);
  // A malformed "date" member is a malformed query: the JSON interface reports every bad member
  // as law_invalid_query (docs/law.md), so errc::invalid_date from the parser is mapped here.
  if (!on) return invalid("\"date\": " + on.error().detail);
  if (auto ok = check_date(*on); !ok) return ok.error();
  auto want_trace = get_bool(req, "trace", true);
  if (!want_trace) return want_trace.error();
  trace t;
  trace* tp = *want_trace ? &t : nullptr;
  json::writer w;
  w.begin_object();
  w.key("question").string(*question);
  w.key("date").string(on->to_string());

  if (*question == "use") {
    if (auto ok = only_members(
            req, {"question", "date", "trace", "path", "actor", "annex_item", "affair_keyword", "local_government",
                  "ordinance_enacted", "statutory_filing_duty", "financial_institution", "disaster_declared",
                  "prior_contract", "received_under", "within_purpose"});
        !ok)
      return ok.error();
    use_query q;
    q.on = *on;
    auto path = get_enum(req, "path", use_path_names, use_path::none, true);
    if (!path) return path.error();
    q.path = *path;
    auto actor = get_string(req, "actor", false);
    auto item = get_string(req, "annex_item", false);
    auto keyword = get_string(req, "affair_keyword", false);
    if (!actor) return actor.error();
    if (!item) return item.error();
    if (!keyword) return keyword.error();
    q.actor = *actor;
    q.annex_item = *item;
    q.affair_keyword = *keyword;
    struct flag {
      std::string_view name;
      bool* target;
    } flags[] = {{"local_government", &q.local_government},
                 {"ordinance_enacted", &q.ordinance_enacted},
                 {"statutory_filing_duty", &q.statutory_filing_duty},
                 {"financial_institution", &q.financial_institution},
                 {"disaster_declared", &q.disaster_declared},
                 {"prior_contract", &q.prior_contract},
                 {"within_purpose", &q.within_purpose}};
    for (const flag& f : flags) {
      auto b = get_bool(req, f.name, false);
      if (!b) return b.error();
      *f.target = *b;
    }
    if (req.find("received_under") != nullptr) {
      auto r = get_rule(req, "received_under", "P19.");
      if (!r) return r.error();
      q.received_under = *r;
    }
    auto a = try_evaluate_use(q, tp);
    if (!a) return a.error();
    w.key("decision").string(to_string(a->decision));
    w.key("confidence").string(to_string(a->level));
    write_basis(w, a->basis, *a->basis_version);
    if (a->row != nullptr) {
      w.key("annex_row").begin_object();
      w.key("item").string(a->row->item_label).key("actor").string(a->row->actor);
      w.key("affair").string(a->row->affair).key("citation").string(a->row->citation);
      w.end_object();
    }
  } else if (*question == "request") {
    if (auto ok = only_members(req, {"question", "date", "trace", "act", "situation", "same_household", "consent"});
        !ok)
      return ok.error();
    handling_query q;
    q.on = *on;
    auto act = get_enum(req, "act", handling_names, handling::request, false);
    if (!act) return act.error();
    q.act = *act;
    const value* sit = req.find("situation");
    if (sit != nullptr && sit->type != kind::null) {
      auto r = get_rule(req, "situation", "P19.");
      if (!r) return r.error();
      q.situation = *r;
    }
    auto hh = get_bool(req, "same_household", false);
    auto consent = get_bool(req, "consent", false);
    if (!hh) return hh.error();
    if (!consent) return consent.error();
    q.same_household = *hh;
    q.consent = *consent;
    auto a = try_evaluate_handling(q, tp);
    if (!a) return a.error();
    w.key("act").string(to_string(q.act));
    w.key("decision").string(to_string(a->decision));
    w.key("confidence").string(to_string(a->level));
    write_basis(w, a->basis, *a->basis_version);
  } else if (*question == "verify_identity") {
    if (auto ok = only_members(req, {"question", "date", "trace", "channel", "documents", "earlier_verified_file",
                                     "identity_obvious", "knows_personal_facts"});
        !ok)
      return ok.error();
    identity_query q;
    q.on = *on;
    auto ch = get_enum(req, "channel", channel_names, channel::in_person, false);
    if (!ch) return ch.error();
    q.via = *ch;
    const value* docs = req.find("documents");
    if (docs != nullptr) {
      if (docs->type != kind::array) return invalid("\"documents\" must be an array");
      if (docs->items.size() > 64) return invalid("\"documents\" holds more than 64 entries");
      for (const value& d : docs->items) {
        document doc{document_kind::my_number_card};
        const value* spec = &d;
        value wrapper;
        if (d.type == kind::string) {
          wrapper.type = kind::object;
          wrapper.members.push_back(json::member{"kind", d});
          spec = &wrapper;
        } else if (d.type != kind::object) {
          return invalid("each document must be a string or an object");
        }
        if (auto ok = only_members(*spec, {"kind", "holder", "details_unchanged", "expired"}); !ok) return ok.error();
        auto k = get_enum(*spec, "kind", document_kind_names, document_kind::my_number_card, true);
        if (!k) return k.error();
        auto h = get_enum(*spec, "holder", holder_names, holder::principal, false);
        if (!h) return h.error();
        auto unchanged = get_bool(*spec, "details_unchanged", true);
        auto expired = get_bool(*spec, "expired", false);
        if (!unchanged) return unchanged.error();
        if (!expired) return expired.error();
        doc.kind = *k;
        doc.of = *h;
        doc.details_unchanged = *unchanged;
        doc.expired = *expired;
        q.documents.push_back(doc);
      }
    }
    struct flag {
      std::string_view name;
      bool* target;
    } flags[] = {{"earlier_verified_file", &q.earlier_verified_file},
                 {"identity_obvious", &q.identity_obvious},
                 {"knows_personal_facts", &q.knows_personal_facts}};
    for (const flag& f : flags) {
      auto b = get_bool(req, f.name, false);
      if (!b) return b.error();
      *f.target = *b;
    }
    auto a = try_evaluate_identity(q, tp);
    if (!a) return a.error();
    w.key("channel").string(to_string(q.via));
    w.key("decision").string(a->satisfied() ? "satisfied" : "not_satisfied");
    w.key("confidence").string(to_string(a->level));
    const struct {
      std::string_view name;
      const identity_check* check;
    } checks[] = {{"number_check", &a->number}, {"identity_check", &a->identity}, {"agent_authority", &a->authority}};
    for (const auto& c : checks) {
      if (c.check == &a->authority && !a->agent_channel) {
        w.key(c.name).begin_object().key("result").string("not_applicable").end_object();
        continue;
      }
      w.key(c.name).begin_object();
      w.key("result").string(c.check->satisfied == verdict::permitted       ? "satisfied"
                             : c.check->satisfied == verdict::not_permitted ? "not_satisfied"
                                                                            : "undetermined");
      w.key("rule").string(record(c.check->by).id);
      w.key("citation").string(format_citation(version_on(c.check->by, *on).cite));
      w.key("fallback").boolean(c.check->fallback);
      w.end_object();
    }
    w.key("missing").begin_array();
    for (std::string_view m : a->missing) w.string(m);
    w.end_array();
  } else if (*question == "payment") {
    if (auto ok = only_members(
            req, {"question", "date", "trace", "kind", "payer", "amount_yen", "amount_final", "payee_is_officer"});
        !ok)
      return ok.error();
    payment_query q;
    q.on = *on;
    auto k = get_rule(req, "kind", "PAY.");
    if (!k) return k.error();
    if (*k == rule_id::pay_request_at_contract) return invalid("\"kind\" must name a payment record");
    q.kind = *k;
    auto payer = get_enum(req, "payer", payer_names, payer_kind::corporation, false);
    if (!payer) return payer.error();
    q.payer = *payer;
    const value* amount = req.find("amount_yen");
    if (amount == nullptr) return invalid("\"amount_yen\" is required");
    if (amount->type != kind::number || !amount->integral || amount->integer < 0) {
      return invalid("\"amount_yen\" must be a non-negative integer");
    }
    q.amount_yen = static_cast<std::uint64_t>(amount->integer);
    auto fin = get_bool(req, "amount_final", true);
    auto officer = get_bool(req, "payee_is_officer", false);
    if (!fin) return fin.error();
    if (!officer) return officer.error();
    q.amount_final = *fin;
    q.payee_is_officer = *officer;
    auto a = try_evaluate_payment(q, tp);
    if (!a) return a.error();
    w.key("decision").string(to_string(a->decision));
    w.key("confidence").string(to_string(a->level));
    w.key("threshold_yen").integer(a->threshold_yen);
    w.key("threshold_basis").string(a->per == payment_basis::per_payment ? "per_payment" : "per_year");
    write_basis(w, a->basis, *a->basis_version);
  } else if (*question == "penalty") {
    if (auto ok = only_members(req, {"question", "date", "trace", "offence", "article"}); !ok) return ok.error();
    penalty_query q;
    q.on = *on;
    const bool by_offence = req.find("offence") != nullptr;
    const bool by_article = req.find("article") != nullptr;
    if (by_offence == by_article) return invalid("give exactly one of \"offence\" and \"article\"");
    if (by_offence) {
      auto r = get_rule(req, "offence", "PEN.");
      if (!r) return r.error();
      q.offence = *r;
    } else {
      auto art = get_string(req, "article", true);
      if (!art) return art.error();
      auto r = try_offence_for_article(*art, *on);
      if (!r) return r.error();
      q.offence = *r;
    }
    auto a = try_evaluate_penalty(q, tp);
    if (!a) return a.error();
    w.key("offence").string(record(q.offence).id);
    w.key("status").string(to_string(a->status));
    w.key("confidence").string(to_string(a->level));
    w.key("article").string(a->article);
    w.key("imprisonment").string(to_string(a->kind));
    w.key("max_months").integer(a->max_months);
    w.key("max_fine_yen").integer(a->max_fine_yen);
    w.key("cumulative").boolean(a->cumulative);
    w.key("abroad").string(to_string(a->abroad));
    w.key("corporate").string(to_string(a->corporate));
    w.key("corporate_max_fine_yen").integer(static_cast<std::int64_t>(a->corporate_max_fine_yen));
    w.key("note").string(a->row->note);
    write_basis(w, q.offence, version_on(q.offence, *on));
    w.key("analogues").begin_array();
    for (const analogue& an : analogues_of(q.offence, *on)) {
      w.begin_object();
      w.key("law").string(an.row->law).key("article").string(an.row->article).key("penalty").string(an.row->penalty);
      w.key("as_of").string(an.row->as_of.to_string()).key("confidence").string(to_string(an.level));
      w.key("note").string(an.row->note);
      w.end_object();
    }
    w.end_array();
  } else if (*question == "annex") {
    if (auto ok = only_members(req, {"question", "date", "trace", "actor", "keyword", "include_linkage", "limit"}); !ok)
      return ok.error();
    annex_query q;
    q.on = *on;
    auto actor = get_string(req, "actor", false);
    auto keyword = get_string(req, "keyword", false);
    auto linkage = get_bool(req, "include_linkage", true);
    if (!actor) return actor.error();
    if (!keyword) return keyword.error();
    if (!linkage) return linkage.error();
    q.actor = *actor;
    q.keyword = *keyword;
    q.include_linkage = *linkage;
    std::int64_t limit = -1;
    if (const value* l = req.find("limit")) {
      if (l->type != kind::number || !l->integral || l->integer < 0)
        return invalid("\"limit\" must be a non-negative integer");
      limit = l->integer;
    }
    auto a = try_search_annex(q, tp);
    if (!a) return a.error();
    w.key("confidence").string(to_string(a->level));
    w.key("table").string(to_string(a->use_table));
    w.key("linkage_table_status").string(to_string(a->linkage_status));
    w.key("count").integer(static_cast<std::int64_t>(a->hits.size()));
    w.key("rows").begin_array();
    std::int64_t written = 0;
    for (const annex_hit& h : a->hits) {
      if (limit >= 0 && written >= limit) break;
      ++written;
      w.begin_object();
      w.key("table").string(to_string(h.table));
      if (h.row != nullptr) {
        w.key("item").string(h.row->item_label).key("actor").string(h.row->actor);
        w.key("affair").string(h.row->affair).key("citation").string(h.row->citation);
      } else {
        w.key("item").string(h.row2->item_label).key("requester").string(h.row2->requester);
        w.key("affair").string(h.row2->affair).key("citation").string(h.row2->citation);
        w.key("providers").begin_array();
        for (std::size_t k = 0; k < h.row2->pair_count; ++k) {
          const annex2_pair& p = annex2_pair_of(*h.row2, k);
          w.begin_object().key("provider").string(p.provider).key("data").string(p.data).end_object();
        }
        w.end_array();
      }
      w.end_object();
    }
    w.end_array();
  } else {
    return invalid("\"question\" must be one of: use, request, verify_identity, payment, penalty, annex");
  }
  if (tp != nullptr) write_trace(w, t);
  w.key("disclaimer").string(disclaimer);
  w.end_object();
  return std::move(w.str());
}

}  // namespace jsonio
}  // namespace detail

// Answers one JSON request (see docs/law.md for the schema) with a JSON response.
[[nodiscard]] inline result<std::string> try_answer_json(std::string_view request) {
  auto parsed = detail::json::parse(request);
  if (!parsed) return parsed.error();
  return detail::jsonio::answer(*parsed);
}
[[nodiscard]] inline std::string answer_json(std::string_view request) { return try_answer_json(request).value(); }

// Answers a request for one named question ("use", "request", "verify_identity", "payment",
// "penalty", "annex"): the request's "question" member may be left out; if present it must match.
[[nodiscard]] inline result<std::string> try_answer_question_json(std::string_view question, std::string_view request) {
  auto parsed = detail::json::parse(request);
  if (!parsed) return parsed.error();
  if (parsed->type != detail::json::kind::object) return detail::jsonio::invalid("the request must be a JSON object");
  if (const detail::json::value* q = parsed->find("question")) {
    if (q->type != detail::json::kind::string || q->text != question) {
      return detail::jsonio::invalid("\"question\" does not match the function called");
    }
  } else {
    detail::json::value name;
    name.type = detail::json::kind::string;
    name.text = std::string(question);
    parsed->members.push_back(detail::json::member{"question", std::move(name)});
  }
  return detail::jsonio::answer(*parsed);
}

// A JSON error document for a failed request: {"error":{"code":301,"name":"...","message":"..."}}.
[[nodiscard]] inline std::string error_json(const error_info& e) {
  detail::json::writer w;
  w.begin_object().key("error").begin_object();
  w.key("code").integer(static_cast<int>(e.code));
  w.key("name").string(describe(e.code));
  w.key("message").string(e.message());
  w.end_object().end_object();
  return std::move(w.str());
}

}  // namespace law
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_LAW_JSON_HPP
