// File: card.hpp — umbrella header of the My Number Card (個人番号カード) module: the card face,
// chip applications and PINs, validity rules, 照合番号B, APDUs, BER-TLV records, transports and
// the high-level reader. The PC/SC transport is included when the build found libpcsclite.
#ifndef MYNUMBER_CARD_HPP
#define MYNUMBER_CARD_HPP

#include "card/apdu.hpp"
#include "card/application.hpp"
#include "card/face.hpp"
#include "card/pin.hpp"
#include "card/reader.hpp"
#include "card/tlv.hpp"
#include "card/transport.hpp"
#include "card/validity.hpp"

#if defined(MYNUMBER_HAS_PCSC)
#include "card/pcsc.hpp"
#endif

#endif  // MYNUMBER_CARD_HPP
