// File: card/transport.hpp — the abstract link to a card, and the one exchange() that every
// command goes through (it follows 61xx with GET RESPONSE and answers 6Cxx by resending once).
// Transports report failures as typed errors (card_removed, reader_not_found, card_timeout,
// card_transport) and never retry on their own: a failed exchange is returned at once, so a
// pulled card cannot start a retry storm or repeat a VERIFY.
#ifndef MYNUMBER_CARD_TRANSPORT_HPP
#define MYNUMBER_CARD_TRANSPORT_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#include "../config.hpp"
#include "../error.hpp"
#include "../result.hpp"
#include "apdu.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace card {

class transport {
 public:
  virtual ~transport() = default;
  transport() = default;
  transport(const transport&) = delete;
  transport& operator=(const transport&) = delete;

  // Sends one encoded command APDU and returns the raw response (data + SW1 SW2).
  [[nodiscard]] virtual result<std::vector<std::uint8_t>> transmit(const std::vector<std::uint8_t>& command) = 0;

 protected:
  transport(transport&&) noexcept = default;
  transport& operator=(transport&&) noexcept = default;
};

// Sends `cmd` and returns the complete response. 61xx: fetches the rest with GET RESPONSE, at
// most 64 times; 6Cxx: resends once with the Le the card asked for. The status word is NOT
// checked here (callers use check_status); transport errors pass through unchanged.
[[nodiscard]] inline result<response_apdu> exchange(transport& link, const command_apdu& cmd) {
  auto raw = link.transmit(cmd.encode());
  if (!raw) return raw.error();
  auto resp = response_apdu::try_parse(*raw);
  if (!resp) return resp;
  if (resp->sw1() == 0x6C && cmd.ins != 0x20 && cmd.ins != 0x24) {
    command_apdu again = cmd;
    again.le = resp->sw2() == 0 ? 256 : resp->sw2();
    raw = link.transmit(again.encode());
    if (!raw) return raw.error();
    resp = response_apdu::try_parse(*raw);
    if (!resp) return resp;
  }
  std::vector<std::uint8_t> data = std::move(resp->data);
  for (int round = 0; resp->sw1() == 0x61; ++round) {
    if (round == 64) return error_info{errc::apdu_malformed, no_position, -1, "more than 64 GET RESPONSE rounds"};
    raw = link.transmit(apdu::get_response(resp->sw2()).encode());
    if (!raw) return raw.error();
    resp = response_apdu::try_parse(*raw);
    if (!resp) return resp;
    data.insert(data.end(), resp->data.begin(), resp->data.end());
  }
  resp->data = std::move(data);
  return resp;
}

// exchange() followed by check_status(); returns the response data.
[[nodiscard]] inline result<std::vector<std::uint8_t>> exchange_ok(transport& link, const command_apdu& cmd,
                                                                   std::string_view what = {}) {
  auto resp = exchange(link, cmd);
  if (!resp) return resp.error();
  if (auto ok = check_status(resp->sw, what.empty() ? cmd.name() : what); !ok) return ok.error();
  return std::move(resp->data);
}

}  // namespace card
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CARD_TRANSPORT_HPP
