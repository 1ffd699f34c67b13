// File: law/detail/json.hpp — the law module reads queries and writes answers with the library's
// one JSON facility (detail/json.hpp); this name keeps `law::detail::json` pointing at it.
// Malformed query JSON is errc::json_malformed (303), the shared reader's own code.
#ifndef MYNUMBER_LAW_DETAIL_JSON_HPP
#define MYNUMBER_LAW_DETAIL_JSON_HPP

#include "../../detail/json.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace law {
namespace detail {
namespace json = ::mynumber::detail::json;
}  // namespace detail
}  // namespace law
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_LAW_DETAIL_JSON_HPP
