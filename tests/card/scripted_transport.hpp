// A transport that answers from a script, for unit tests of exchange() and the reader's
// decisions (which commands it sends). End-to-end behaviour is tested against the virtual card
// through pcscd (e2e.test.cpp).
#ifndef MYNUMBER_TESTS_CARD_SCRIPTED_TRANSPORT_HPP
#define MYNUMBER_TESTS_CARD_SCRIPTED_TRANSPORT_HPP

#include <mynumber/card/transport.hpp>

#include <deque>
#include <functional>
#include <vector>

namespace card_test {

using bytes = std::vector<std::uint8_t>;

class scripted_transport final : public mynumber::card::transport {
 public:
  // Answers each command with the result of `respond`, and records it.
  explicit scripted_transport(std::function<mynumber::result<bytes>(const bytes&)> respond)
      : respond_(std::move(respond)) {}
  mynumber::result<bytes> transmit(const bytes& command) override {
    sent.push_back(command);
    return respond_(command);
  }
  std::vector<bytes> sent;

 private:
  std::function<mynumber::result<bytes>(const bytes&)> respond_;
};

}  // namespace card_test

#endif  // MYNUMBER_TESTS_CARD_SCRIPTED_TRANSPORT_HPP
