// File: secure/detail/screen.hpp — a last-line check that free-text fields meant for logs, record
// ids and certificates do not carry an Individual Number. The PPC guideline (安全管理措置,
// 取扱状況を確認する手段の整備) says the records kept to check handling must not contain
// 特定個人情報, so the audit trail refuses such text instead of writing it.
#ifndef MYNUMBER_SECURE_DETAIL_SCREEN_HPP
#define MYNUMBER_SECURE_DETAIL_SCREEN_HPP

#include <cstddef>
#include <string_view>

#include "../../check_digit.hpp"
#include "../../error.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace detail {

// Position of the first run of exactly 12 ASCII digits (not part of a longer run) that passes the
// Individual Number check digit, or no_position. Longer digit runs are not flagged: they are not
// a number of this shape, and flagging every 12-digit window would reject ordinary ids.
[[nodiscard]] constexpr std::size_t find_individual_number(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] < '0' || text[i] > '9') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end - i == 12 && is_valid_individual(text.substr(i, 12))) return i;
    i = end;
  }
  return no_position;
}

}  // namespace detail
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_SECURE_DETAIL_SCREEN_HPP
