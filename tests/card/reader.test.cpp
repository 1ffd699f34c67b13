// Decisions the reader takes before it sends anything. The full flows run against the virtual
// card through pcscd in e2e.test.cpp.
#include <doctest/doctest.h>

#include <mynumber/card/reader.hpp>

#include "scripted_transport.hpp"

using namespace mynumber;
using card_test::bytes;
using card_test::scripted_transport;

namespace {
// A card whose every SELECT succeeds and whose empty VERIFY answers `status`; a VERIFY with data
// answers 9000. Counts VERIFYs with data.
struct fake_pin_card {
  std::uint16_t status;
  int verifies = 0;
  scripted_transport link{[this](const bytes& cmd) -> result<bytes> {
    if (cmd[1] == 0x20 && cmd.size() == 4) {
      return bytes{static_cast<std::uint8_t>(status >> 8), static_cast<std::uint8_t>(status & 0xFF)};
    }
    if (cmd[1] == 0x20) ++verifies;
    return bytes{0x90, 0x00};
  }};
};
}  // namespace

TEST_CASE("a malformed PIN is refused before any APDU") {
  fake_pin_card c{0x63C3};
  card::reader r(c.link);
  CHECK(r.try_verify(card::pin_kind::jpki_auth, "12a4").error().code == errc::pin_format);
  CHECK(r.try_verify(card::pin_kind::jpki_sign, "abcdef").error().code == errc::pin_format);
  CHECK(c.link.sent.empty());
}

TEST_CASE("lockout safety: one try left needs an explicit opt-in") {
  fake_pin_card c{0x63C1};
  card::reader r(c.link);
  auto refused = r.try_verify(card::pin_kind::text_pin, "1234");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::lockout_guard);
  CHECK(c.verifies == 0);
  card::verify_options opt;
  opt.allow_last_try = true;
  CHECK(r.try_verify(card::pin_kind::text_pin, "1234", opt));
  CHECK(c.verifies == 1);
}

TEST_CASE("a blocked PIN is reported without a VERIFY") {
  for (std::uint16_t sw : {std::uint16_t{0x63C0}, std::uint16_t{0x6984}}) {
    fake_pin_card c{sw};
    card::reader r(c.link);
    card::verify_options opt;
    opt.allow_last_try = true;
    CHECK(r.try_verify(card::pin_kind::jpki_auth, "1234", opt).error().code == errc::pin_blocked);
    CHECK(c.verifies == 0);
    CHECK(r.try_pin_status(card::pin_kind::jpki_auth).value().blocked());
  }
}

TEST_CASE("pin_status selects the AP and the key EF, then sends the empty VERIFY") {
  fake_pin_card c{0x63C5};
  card::reader r(c.link);
  auto st = r.try_pin_status(card::pin_kind::jpki_sign).value();
  CHECK(st.tries_left == 5);
  REQUIRE(c.link.sent.size() == 3);
  CHECK(c.link.sent[0] == card::apdu::select_application(card::jpki_ap).encode());
  CHECK(c.link.sent[1] == card::apdu::select_ef(0x001B).encode());
  CHECK(c.link.sent[2] == bytes{0x00, 0x20, 0x00, 0x80});
}
