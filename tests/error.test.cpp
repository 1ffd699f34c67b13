#include <doctest/doctest.h>

#include <mynumber/error.hpp>
#include <mynumber/result.hpp>

#include <string>

using namespace mynumber;

TEST_CASE("every errc has a description and pinned values do not move") {
  CHECK(static_cast<int>(errc::check_digit_mismatch) == 5);
  CHECK(static_cast<int>(errc::certificate_malformed) == 100);
  CHECK(static_cast<int>(errc::card_transport) == 200);
  CHECK(static_cast<int>(errc::law_unknown_id) == 300);
  CHECK(static_cast<int>(errc::csv_malformed) == 400);
  CHECK(static_cast<int>(errc::tamper_detected) == 500);
  CHECK(static_cast<int>(errc::null_pointer) == 901);
  for (errc code : {errc::empty, errc::too_short, errc::too_long, errc::invalid_character, errc::check_digit_mismatch,
                    errc::invalid_utf8, errc::missing_prefix, errc::unknown_scheme, errc::reserved_range,
                    errc::invalid_structure, errc::null_pointer, errc::buffer_too_small, errc::internal}) {
    CHECK(describe(code) != "unknown error");
  }
  CHECK(describe(static_cast<errc>(12345)) == "unknown error");
}

TEST_CASE("error_info messages") {
  CHECK(error_info{errc::invalid_character, 3}.message() == "invalid character at position 3");
  CHECK(error_info{errc::check_digit_mismatch, 0, 7}.message() ==
        "check digit mismatch at position 0: expected check digit 7");
  CHECK(error_info{errc::io, no_position, -1, "cannot open x"}.message() == "I/O error: cannot open x");
  CHECK(error_info{errc::invalid_character, 3}.shifted(2).position == 5);
  CHECK(error_info{errc::too_short}.shifted(2).position == no_position);
}

TEST_CASE("result<T> holds a value or an error; value() throws") {
  result<int> ok = 5;
  CHECK(ok.has_value());
  CHECK(*ok == 5);
  CHECK(ok.value_or(1) == 5);
  result<int> bad = errc::too_long;
  CHECK_FALSE(bad);
  CHECK(bad.error().code == errc::too_long);
  CHECK(bad.value_or(1) == 1);
  try {
    (void)bad.value();
    FAIL("value() must throw");
  } catch (const mynumber::error& e) {
    CHECK(e.code() == errc::too_long);
    CHECK(e.position() == no_position);
  }
  result<std::string> moved = std::string("abc");
  CHECK(std::move(moved).value() == "abc");
  result<void> done;
  CHECK(done.has_value());
  result<void> failed = errc::io;
  CHECK_THROWS_AS(failed.value(), mynumber::error);
}
