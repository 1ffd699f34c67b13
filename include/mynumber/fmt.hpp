// File: fmt.hpp — fmt::formatter support (needs {fmt}; the rest of the core needs only the
// standard library). Formatting masks: "{}" gives "********9018", "{:g}" the grouped masked form
// "**** **** 9018". There is no format spec that reveals: call reveal() explicitly.
#ifndef MYNUMBER_FMT_HPP
#define MYNUMBER_FMT_HPP

#include <fmt/format.h>

#include "invoice_number.hpp"
#include "number.hpp"

template <mynumber::number_kind Kind>
struct fmt::formatter<mynumber::basic_number<Kind>> {
  bool grouped = false;

  constexpr auto parse(format_parse_context& ctx) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it == 'g') {
      grouped = true;
      ++it;
    }
    if (it != ctx.end() && *it != '}') throw format_error("mynumber: only {} and {:g} are supported");
    return it;
  }

  template <class FormatContext>
  auto format(const mynumber::basic_number<Kind>& n, FormatContext& ctx) const {
    const std::string text = grouped ? n.format() : n.masked();
    return fmt::format_to(ctx.out(), "{}", text);
  }
};

// T-numbers are public registry data and print in full.
template <>
struct fmt::formatter<mynumber::invoice_number> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const mynumber::invoice_number& n, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(n.to_string(), ctx);
  }
};

#endif  // MYNUMBER_FMT_HPP
