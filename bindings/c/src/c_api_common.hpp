// File: c_api_common.hpp — the helpers every C ABI source uses (not installed).
// A module's bindings/c/src/<m>.cpp includes this and writes each function as
//
//   MN_API int mn_x(const char* text, size_t len, char* out, size_t out_size, mn_error* err) {
//     return mynumber::c_api::guard(err, [&] {
//       std::string_view in;
//       if (const int s = mynumber::c_api::input(text, len, in, err); s != MN_OK) return s;
//       return mynumber::c_api::write_result(mynumber::try_x(in), out, out_size, err);
//     });
//   }
//
// guard() is the only place exceptions stop: mynumber::error keeps its code, std::bad_alloc
// becomes MN_E_OUT_OF_MEMORY, anything else MN_E_INTERNAL.
#ifndef MYNUMBER_BINDINGS_C_API_COMMON_HPP
#define MYNUMBER_BINDINGS_C_API_COMMON_HPP

#include <climits>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "mynumber/error.hpp"
#include "mynumber/result.hpp"
#include "mynumber_c.h"

MYNUMBER_BEGIN_NAMESPACE
namespace c_api {

// The C status of an errc: 0 or its negation.
[[nodiscard]] constexpr int status_of(errc code) noexcept { return -static_cast<int>(code); }

// Resets *err (if any) to "no error".
inline void clear(mn_error* err) noexcept {
  if (err == nullptr) return;
  err->status = MN_OK;
  err->position = -1;
  err->expected = -1;
}

// Stores the error in *err (if any) and returns its status.
inline int fail(mn_error* err, errc code, std::size_t position = no_position, int expected = -1) noexcept {
  if (err != nullptr) {
    err->status = status_of(code);
    err->position = position == no_position ? -1 : static_cast<int64_t>(position);
    err->expected = expected;
  }
  return status_of(code);
}
inline int fail(mn_error* err, const error_info& info) noexcept {
  return fail(err, info.code, info.position, info.expected);
}

// The error_info an mn_error describes (the inverse of fail()); out-of-range fields are dropped.
[[nodiscard]] inline error_info to_error_info(const mn_error& err) noexcept {
  error_info info;
  const int status = err.status == INT_MIN ? INT_MAX : err.status;
  info.code = static_cast<errc>(status < 0 ? -status : status);
  info.position = err.position < 0 ? no_position : static_cast<std::size_t>(err.position);
  info.expected = err.expected >= 0 && err.expected <= 9 ? err.expected : -1;
  return info;
}

// Runs body() (returning int) so that no exception escapes; clears *err first.
template <class Body>
[[nodiscard]] int guard(mn_error* err, Body&& body) noexcept {
  clear(err);
  try {
    return std::forward<Body>(body)();
  } catch (const mynumber::error& e) {
    return fail(err, e.info());
  } catch (const std::bad_alloc&) {
    return fail(err, errc::out_of_memory);
  } catch (...) {
    return fail(err, errc::internal);
  }
}

// Turns a (pointer, length) argument into a view. NULL text is MN_E_NULL_POINTER, except that
// (NULL, 0) is the empty string; MN_NUL_TERMINATED measures with strlen.
[[nodiscard]] inline int input(const char* text, std::size_t len, std::string_view& out, mn_error* err) noexcept {
  if (text == nullptr) {
    if (len == 0) {
      out = {};
      return MN_OK;
    }
    return fail(err, errc::null_pointer);
  }
  out = std::string_view(text, len == MN_NUL_TERMINATED ? std::strlen(text) : len);
  return MN_OK;
}

// snprintf contract: returns the length of `s`; copies it with a NUL when it fits, otherwise
// writes an empty string (never a truncated number). Lengths above INT_MAX are an error.
[[nodiscard]] inline int write(std::string_view s, char* out, std::size_t out_size, mn_error* err = nullptr) noexcept {
  if (s.size() > static_cast<std::size_t>(INT_MAX)) return fail(err, errc::invalid_argument);
  if (out == nullptr) {
    if (out_size != 0) return fail(err, errc::null_pointer);
    return static_cast<int>(s.size());
  }
  if (out_size == 0) return static_cast<int>(s.size());
  if (s.size() < out_size) {
    if (!s.empty()) std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
  } else {
    out[0] = '\0';
  }
  return static_cast<int>(s.size());
}

// Writes a result<std::string> or reports its error.
[[nodiscard]] inline int write_result(const result<std::string>& r, char* out, std::size_t out_size,
                                      mn_error* err) noexcept {
  if (!r) return fail(err, r.error());
  return write(*r, out, out_size, err);
}

}  // namespace c_api
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_BINDINGS_C_API_COMMON_HPP
