// File: result.hpp — a small non-throwing result type.
// std::expected is unavailable with clang 14 + libstdc++ 12, so result<T> borrows its member
// names (has_value, value, error, value_or) to keep a later migration mechanical. value() on an
// error throws mynumber::error, which is how every throwing API is built on its try_ twin.
#ifndef MYNUMBER_RESULT_HPP
#define MYNUMBER_RESULT_HPP

#include <type_traits>
#include <utility>
#include <variant>

#include "error.hpp"

MYNUMBER_BEGIN_NAMESPACE

template <class T>
class [[nodiscard]] result {
  static_assert(!std::is_same_v<std::decay_t<T>, error_info>, "result<error_info> is ambiguous");

 public:
  using value_type = T;
  using error_type = error_info;

  // Implicit on purpose (as std::expected's are): try_x returns a value, an error_info or an errc.
  result(const T& value) : state_(std::in_place_index<0>, value) {}           // NOLINT(google-explicit-constructor)
  result(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}     // NOLINT(google-explicit-constructor)
  result(error_info err) : state_(std::in_place_index<1>, std::move(err)) {}  // NOLINT(google-explicit-constructor)
  result(errc code) : state_(std::in_place_index<1>, error_info{code}) {}     // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  // Returns the value; throws mynumber::error if this holds an error.
  [[nodiscard]] T& value() & {
    check();
    return std::get<0>(state_);
  }
  [[nodiscard]] const T& value() const& {
    check();
    return std::get<0>(state_);
  }
  [[nodiscard]] T&& value() && {
    check();
    return std::get<0>(std::move(state_));
  }

  // Precondition: has_value().
  [[nodiscard]] T& operator*() & noexcept { return *std::get_if<0>(&state_); }
  [[nodiscard]] const T& operator*() const& noexcept { return *std::get_if<0>(&state_); }
  [[nodiscard]] T* operator->() noexcept { return std::get_if<0>(&state_); }
  [[nodiscard]] const T* operator->() const noexcept { return std::get_if<0>(&state_); }

  // Precondition: !has_value().
  [[nodiscard]] const error_info& error() const& noexcept { return *std::get_if<1>(&state_); }

  template <class U>
  [[nodiscard]] T value_or(U&& fallback) const& {
    return has_value() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  void check() const {
    if (!has_value()) throw mynumber::error(std::get<1>(state_));
  }
  std::variant<T, error_info> state_;
};

template <>
class [[nodiscard]] result<void> {
 public:
  using value_type = void;
  using error_type = error_info;

  result() = default;
  // Implicit on purpose, as above.
  result(error_info err) : error_(std::move(err)) {}  // NOLINT(google-explicit-constructor)
  result(errc code) : error_(error_info{code}) {}     // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool has_value() const noexcept { return error_.code == errc::ok; }
  explicit operator bool() const noexcept { return has_value(); }
  void value() const {
    if (!has_value()) throw mynumber::error(error_);
  }
  [[nodiscard]] const error_info& error() const& noexcept { return error_; }

 private:
  error_info error_{};
};

MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_RESULT_HPP
