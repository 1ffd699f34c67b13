// Shared helpers of the law tests: dates and the amendment boundaries the engine models.
#ifndef MYNUMBER_TESTS_LAW_TEST_SUPPORT_HPP
#define MYNUMBER_TESTS_LAW_TEST_SUPPORT_HPP

#include <mynumber/law.hpp>
#include <string_view>

namespace law_test {

inline mynumber::law::date d(std::string_view iso) { return mynumber::law::date::parse(iso); }

// The boundaries every question is checked at, on the day before and the day of.
inline constexpr std::string_view boundary_dates[] = {"2016-01-01", "2020-05-25", "2020-12-12",
                                                      "2022-04-01", "2024-05-27", "2025-06-01"};

}  // namespace law_test

#endif  // MYNUMBER_TESTS_LAW_TEST_SUPPORT_HPP
