#include <doctest/doctest.h>

#include <mynumber/card/transport.hpp>

#include "scripted_transport.hpp"

using namespace mynumber;
using card_test::bytes;
using card_test::scripted_transport;

TEST_CASE("exchange follows 61xx with GET RESPONSE") {
  int round = 0;
  scripted_transport link([&](const bytes& cmd) -> result<bytes> {
    if (cmd[1] == 0xB0) return bytes{0x01, 0x02, 0x61, 0x03};
    ++round;
    if (round == 1) return bytes{0x03, 0x04, 0x05, 0x61, 0x01};
    return bytes{0x06, 0x90, 0x00};
  });
  auto r = card::exchange(link, card::apdu::try_read_binary(0, 6).value());
  REQUIRE(r);
  CHECK(r->data == bytes{1, 2, 3, 4, 5, 6});
  CHECK(r->sw == 0x9000);
  REQUIRE(link.sent.size() == 3);
  CHECK(link.sent[1] == bytes{0x00, 0xC0, 0x00, 0x00, 0x03});
}

TEST_CASE("exchange resends once on 6Cxx with the corrected Le") {
  scripted_transport link([&](const bytes& cmd) -> result<bytes> {
    if (cmd.back() == 0x10) return bytes{0x6C, 0x02};
    return bytes{0xAA, 0xBB, 0x90, 0x00};
  });
  auto r = card::exchange(link, card::apdu::try_read_binary(0, 16).value());
  REQUIRE(r);
  CHECK(r->data == bytes{0xAA, 0xBB});
  REQUIRE(link.sent.size() == 2);
  CHECK(link.sent[1].back() == 0x02);
}

TEST_CASE("exchange stops an endless 61xx chain and passes transport errors through") {
  scripted_transport endless([](const bytes&) -> result<bytes> { return bytes{0x61, 0x01}; });
  auto r = card::exchange(endless, card::apdu::verify_status());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::apdu_malformed);
  CHECK(endless.sent.size() == 65);

  scripted_transport gone([](const bytes&) -> result<bytes> { return errc::card_removed; });
  auto g = card::exchange(gone, card::apdu::verify_status());
  REQUIRE_FALSE(g);
  CHECK(g.error().code == errc::card_removed);
  CHECK(gone.sent.size() == 1);  // no retry

  scripted_transport mute([](const bytes&) -> result<bytes> { return bytes{0x90}; });
  CHECK(card::exchange(mute, card::apdu::verify_status()).error().code == errc::apdu_malformed);
}
