// File: card/pcsc.hpp — the PC/SC transport on pcsc-lite (libpcsclite). Available only when the
// build found libpcsclite (CMake defines MYNUMBER_HAS_PCSC=1 and adds this header to the set).
// RAII owns the SCARDCONTEXT and the SCARDHANDLE; disconnecting resets the card, so a verified
// PIN does not outlive the session. PC/SC failures become typed errors and are never retried.
#ifndef MYNUMBER_CARD_PCSC_HPP
#define MYNUMBER_CARD_PCSC_HPP

#include <winscard.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "../config.hpp"
#include "../error.hpp"
#include "../result.hpp"
#include "transport.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace card {

namespace detail {
// The errc for a PC/SC return code, with pcsc-lite's own text as the detail.
[[nodiscard]] inline error_info pcsc_error(LONG rv, const char* call) {
  errc code = errc::card_transport;
  switch (rv) {
    case static_cast<LONG>(SCARD_W_REMOVED_CARD):
    case static_cast<LONG>(SCARD_E_NO_SMARTCARD):
    case static_cast<LONG>(SCARD_W_UNPOWERED_CARD): code = errc::card_removed; break;
    case static_cast<LONG>(SCARD_E_NO_READERS_AVAILABLE):
    case static_cast<LONG>(SCARD_E_UNKNOWN_READER):
    case static_cast<LONG>(SCARD_E_READER_UNAVAILABLE):
    case static_cast<LONG>(SCARD_E_NO_SERVICE):
    case static_cast<LONG>(SCARD_E_SERVICE_STOPPED): code = errc::reader_not_found; break;
    case static_cast<LONG>(SCARD_E_TIMEOUT): code = errc::card_timeout; break;
    default: break;
  }
  std::string detail = std::string(call) + ": " + pcsc_stringify_error(rv);
  if (rv == static_cast<LONG>(SCARD_W_RESET_CARD)) detail += " (another application reset the card; log in again)";
  return error_info{code, no_position, -1, std::move(detail)};
}
}  // namespace detail

// An established PC/SC context (SCardEstablishContext / SCardReleaseContext).
class pcsc_context {
 public:
  [[nodiscard]] static result<pcsc_context> try_establish() {
    SCARDCONTEXT ctx = 0;
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx);
    if (rv != SCARD_S_SUCCESS) return detail::pcsc_error(rv, "SCardEstablishContext");
    return pcsc_context(ctx);
  }
  pcsc_context(pcsc_context&& other) noexcept
      : ctx_(std::exchange(other.ctx_, 0)), valid_(std::exchange(other.valid_, false)) {}
  pcsc_context& operator=(pcsc_context&& other) noexcept {
    if (this != &other) {
      release();
      ctx_ = std::exchange(other.ctx_, 0);
      valid_ = std::exchange(other.valid_, false);
    }
    return *this;
  }
  pcsc_context(const pcsc_context&) = delete;
  pcsc_context& operator=(const pcsc_context&) = delete;
  ~pcsc_context() { release(); }

  [[nodiscard]] SCARDCONTEXT native() const noexcept { return ctx_; }

  // Names of the connected readers. errc::reader_not_found when there are none.
  [[nodiscard]] result<std::vector<std::string>> try_list_readers() const {
    DWORD size = 0;
    LONG rv = SCardListReaders(ctx_, nullptr, nullptr, &size);
    if (rv != SCARD_S_SUCCESS) return detail::pcsc_error(rv, "SCardListReaders");
    std::string buffer(size, '\0');
    rv = SCardListReaders(ctx_, nullptr, buffer.data(), &size);
    if (rv != SCARD_S_SUCCESS) return detail::pcsc_error(rv, "SCardListReaders");
    std::vector<std::string> names;
    for (std::size_t i = 0; i < buffer.size() && buffer[i] != '\0';) {
      const std::size_t end = buffer.find('\0', i);
      names.emplace_back(buffer.substr(i, end - i));
      i = end + 1;
    }
    if (names.empty()) return error_info{errc::reader_not_found, no_position, -1, "no PC/SC reader"};
    return names;
  }

  // Waits up to `timeout` for a card in `reader`. errc::card_timeout if none arrives.
  [[nodiscard]] result<void> try_wait_for_card(const std::string& reader, std::chrono::milliseconds timeout) const {
    SCARD_READERSTATE state{};
    state.szReader = reader.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    LONG rv = SCardGetStatusChange(ctx_, 0, &state, 1);
    if (rv != SCARD_S_SUCCESS) return detail::pcsc_error(rv, "SCardGetStatusChange");
    if ((state.dwEventState & SCARD_STATE_PRESENT) != 0) return {};
    state.dwCurrentState = state.dwEventState;
    rv = SCardGetStatusChange(ctx_, static_cast<DWORD>(timeout.count()), &state, 1);
    if (rv != SCARD_S_SUCCESS) return detail::pcsc_error(rv, "SCardGetStatusChange");
    if ((state.dwEventState & SCARD_STATE_PRESENT) == 0) {
      return error_info{errc::card_timeout, no_position, -1, "no card inserted in time"};
    }
    return {};
  }

 private:
  explicit pcsc_context(SCARDCONTEXT ctx) noexcept : ctx_(ctx), valid_(true) {}
  void release() noexcept {
    if (valid_) SCardReleaseContext(ctx_);
    valid_ = false;
  }
  SCARDCONTEXT ctx_ = 0;
  bool valid_ = false;
};

struct pcsc_options {
  std::string reader{};               // exact reader name; empty = the first reader that holds a card
  std::chrono::milliseconds wait{0};  // how long to wait for a card before card_timeout
};

// A connected card (SCardConnect / SCardDisconnect with SCARD_RESET_CARD).
class pcsc_transport final : public transport {
 public:
  [[nodiscard]] static result<pcsc_transport> try_connect(const pcsc_options& options = {}) {
    auto ctx = pcsc_context::try_establish();
    if (!ctx) return ctx.error();
    auto readers = ctx->try_list_readers();
    if (!readers) return readers.error();
    std::string chosen;
    if (!options.reader.empty()) {
      for (const auto& r : *readers) {
        if (r == options.reader) chosen = r;
      }
      if (chosen.empty())
        return error_info{errc::reader_not_found, no_position, -1, "no reader named " + options.reader};
      if (auto w = ctx->try_wait_for_card(chosen, options.wait); !w) return w.error();
    } else {
      for (const auto& r : *readers) {
        if (ctx->try_wait_for_card(r, std::chrono::milliseconds(0))) {
          chosen = r;
          break;
        }
      }
      if (chosen.empty()) {
        if (options.wait.count() == 0) return error_info{errc::card_removed, no_position, -1, "no card in any reader"};
        chosen = readers->front();
        if (auto w = ctx->try_wait_for_card(chosen, options.wait); !w) return w.error();
      }
    }
    SCARDHANDLE handle = 0;
    DWORD protocol = 0;
    const LONG rv = SCardConnect(ctx->native(), chosen.c_str(), SCARD_SHARE_SHARED,
                                 SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &handle, &protocol);
    if (rv != SCARD_S_SUCCESS) return detail::pcsc_error(rv, "SCardConnect");
    return pcsc_transport(std::move(*ctx), handle, protocol, std::move(chosen));
  }

  pcsc_transport(pcsc_transport&& other) noexcept
      : transport(std::move(other)),
        ctx_(std::move(other.ctx_)),
        handle_(std::exchange(other.handle_, 0)),
        protocol_(other.protocol_),
        connected_(std::exchange(other.connected_, false)),
        reader_(std::move(other.reader_)) {}
  pcsc_transport& operator=(pcsc_transport&&) = delete;
  ~pcsc_transport() override {
    if (connected_) SCardDisconnect(handle_, SCARD_RESET_CARD);
  }

  [[nodiscard]] const std::string& reader_name() const noexcept { return reader_; }

  // The card's ATR. Errors as transmit().
  [[nodiscard]] result<std::vector<std::uint8_t>> try_atr() const {
    std::vector<std::uint8_t> atr(MAX_ATR_SIZE);
    DWORD atr_len = static_cast<DWORD>(atr.size());
    DWORD state = 0;
    DWORD protocol = 0;
    DWORD name_len = 0;
    const LONG rv = SCardStatus(handle_, nullptr, &name_len, &state, &protocol, atr.data(), &atr_len);
    if (rv != SCARD_S_SUCCESS) return detail::pcsc_error(rv, "SCardStatus");
    atr.resize(atr_len);
    return atr;
  }

  [[nodiscard]] result<std::vector<std::uint8_t>> transmit(const std::vector<std::uint8_t>& command) override {
    std::vector<std::uint8_t> response(258);
    DWORD length = static_cast<DWORD>(response.size());
    const SCARD_IO_REQUEST* pci = protocol_ == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    const LONG rv = SCardTransmit(handle_, pci, command.data(), static_cast<DWORD>(command.size()), nullptr,
                                  response.data(), &length);
    if (rv != SCARD_S_SUCCESS) return detail::pcsc_error(rv, "SCardTransmit");
    response.resize(length);
    return response;
  }

 private:
  pcsc_transport(pcsc_context ctx, SCARDHANDLE handle, DWORD protocol, std::string reader) noexcept
      : ctx_(std::move(ctx)), handle_(handle), protocol_(protocol), connected_(true), reader_(std::move(reader)) {}

  pcsc_context ctx_;
  SCARDHANDLE handle_ = 0;
  DWORD protocol_ = 0;
  bool connected_ = false;
  std::string reader_;
};

}  // namespace card
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_CARD_PCSC_HPP
