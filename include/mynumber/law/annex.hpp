// File: law/annex.hpp — the annex tables (別表) and the annex search (question 6).
//
// Three tables are compiled in, generated from the statute copies:
//   別表 (2025 text, 177 rows)           in force from 2024-05-27 (date UNCONFIRMED);
//   別表第一 (Dec-2015 text, 99 rows)     until 2024-05-26;
//   別表第二 (Dec-2015 text, 121 rows)    the information-linkage tuples of Art. 19 item 7,
//                                        abolished by 令和5年法律第48号 (2024-05-27, UNCONFIRMED).
// Rows of the 2015 tables are used for 2016–2024 as UNCONFIRMED: later additions are not known.
#ifndef MYNUMBER_LAW_ANNEX_HPP
#define MYNUMBER_LAW_ANNEX_HPP

#include <cstddef>
#include <iterator>
#include <string_view>
#include <vector>

#include "detail/annex_tables.hpp"
#include "rules.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace law {

enum class annex_table : std::uint8_t { table1_2015, table2_2015, current };

[[nodiscard]] constexpr std::string_view to_string(annex_table t) noexcept {
  switch (t) {
    case annex_table::table1_2015: return "別表第一";
    case annex_table::table2_2015: return "別表第二";
    case annex_table::current: return "別表";
  }
  return "別表";
}

// The whole tables, in statute order.
[[nodiscard]] constexpr std::size_t annex_size(annex_table t) noexcept {
  switch (t) {
    case annex_table::table1_2015: return std::size(detail::annex_2015_table1);
    case annex_table::table2_2015: return std::size(detail::annex_2015_table2);
    case annex_table::current: return std::size(detail::annex_current);
  }
  return 0;
}
// Precondition: t is table1_2015 or current, i < annex_size(t).
[[nodiscard]] constexpr const annex_row& annex_entry(annex_table t, std::size_t i) noexcept {
  return t == annex_table::current ? detail::annex_current[i] : detail::annex_2015_table1[i];
}
// Precondition: i < annex_size(annex_table::table2_2015).
[[nodiscard]] constexpr const annex2_row& annex2_entry(std::size_t i) noexcept { return detail::annex_2015_table2[i]; }
// Precondition: k < row.pair_count.
[[nodiscard]] constexpr const annex2_pair& annex2_pair_of(const annex2_row& row, std::size_t k) noexcept {
  return detail::annex_2015_table2_pairs[row.first_pair + k];
}

// The rule of each table (its dated versions say when it is in force and how surely).
[[nodiscard]] constexpr rule_id rule_of(annex_table t) noexcept {
  switch (t) {
    case annex_table::table1_2015: return rule_id::annex_table1;
    case annex_table::table2_2015: return rule_id::annex_table2;
    case annex_table::current: return rule_id::annex_current;
  }
  return rule_id::annex_current;
}

// The Art. 9(1) table in force on a date (別表第一 before 2024-05-27, 別表 from then).
[[nodiscard]] constexpr annex_table use_table_on(date on) noexcept {
  return on < boundaries::annex2_abolished ? annex_table::table1_2015 : annex_table::current;
}

// Finds an Art. 9(1) row by its item label as numbered on that date ("三十六の二"), or nullptr.
[[nodiscard]] constexpr const annex_row* find_annex_item(date on, std::string_view item_label) noexcept {
  const annex_table t = use_table_on(on);
  for (std::size_t i = 0; i < annex_size(t); ++i) {
    if (annex_entry(t, i).item_label == item_label) return &annex_entry(t, i);
  }
  return nullptr;
}

struct annex_query {
  date on;
  std::string_view actor;       // substring of 上欄 / 情報照会者 / 情報提供者; empty = any
  std::string_view keyword;     // substring of 下欄 / 事務 / 特定個人情報; empty = any
  bool include_linkage = true;  // also search 別表第二 on dates when it is in force
};

struct annex_hit {
  annex_table table;
  const annex_row* row;    // table1_2015 / current
  const annex2_row* row2;  // table2_2015
};

struct annex_answer {
  date on;
  confidence level;
  annex_table use_table;
  rule_status linkage_status;  // 別表第二 on that date
  std::vector<annex_hit> hits;
};

namespace detail {
[[nodiscard]] constexpr bool contains(std::string_view hay, std::string_view needle) noexcept {
  return needle.empty() || hay.find(needle) != std::string_view::npos;
}
}  // namespace detail

[[nodiscard]] inline result<annex_answer> try_search_annex(const annex_query& q, trace* why = nullptr) {
  if (auto ok = check_date(q.on); !ok) return ok.error();
  detail::evaluation ev(q.on, why);
  annex_answer out{q.on, confidence::statute, use_table_on(q.on), rule_status::not_in_force, {}};
  const annex_table t = out.use_table;
  ev.consult(rule_of(t), true, "Art. 9(1) table in force on the date");
  for (std::size_t i = 0; i < annex_size(t); ++i) {
    const annex_row& r = annex_entry(t, i);
    if (detail::contains(r.actor, q.actor) && detail::contains(r.affair, q.keyword)) {
      out.hits.push_back(annex_hit{t, &r, nullptr});
    }
  }
  const rule_version& link = ev.peek(rule_id::annex_table2);
  out.linkage_status = link.status;
  if (q.include_linkage) {
    const bool linked = link.status == rule_status::in_force;
    ev.consult(rule_id::annex_table2, linked,
               linked ? "別表第二 linkage tuples in force"
                      : "別表第二 abolished; tuples are fixed by 主務省令 (not in the fact base)");
    if (linked) {
      for (std::size_t i = 0; i < annex_size(annex_table::table2_2015); ++i) {
        const annex2_row& r = annex2_entry(i);
        bool actor_hit = detail::contains(r.requester, q.actor);
        bool keyword_hit = detail::contains(r.affair, q.keyword);
        for (std::size_t k = 0; k < r.pair_count && !(actor_hit && keyword_hit); ++k) {
          const annex2_pair& p = annex2_pair_of(r, k);
          actor_hit = actor_hit || detail::contains(p.provider, q.actor);
          keyword_hit = keyword_hit || detail::contains(p.data, q.keyword);
        }
        if (actor_hit && keyword_hit) out.hits.push_back(annex_hit{annex_table::table2_2015, nullptr, &r});
      }
    }
  }
  out.level = ev.level();
  return out;
}
[[nodiscard]] inline annex_answer search_annex(const annex_query& q, trace* why = nullptr) {
  return try_search_annex(q, why).value();
}

}  // namespace law
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_LAW_ANNEX_HPP
