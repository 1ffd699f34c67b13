// Fuzz target: the card's response parsers on arbitrary bytes — BER-TLV (single and sequence),
// the 個人番号 record (FF10), the 基本4情報 record (FF20/DF2x), DER certificate headers, response
// APDUs and status words. Properties beyond "no crash": every parsed element lies inside the
// input, every error offset is within the input (or its end), and a parsed number is valid.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include <mynumber/card/apdu.hpp>
#include <mynumber/card/tlv.hpp>

namespace {
void check_error_position(const mynumber::error_info& e, std::size_t size) {
  if (e.position != mynumber::no_position && e.position > size) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace card = mynumber::card;
  const card::byte_view in(data, size);

  if (auto t = card::try_parse_tlv(in)) {
    if (t->end() > size || t->value.data < data || t->value.data + t->value.size > data + size) std::abort();
  } else {
    check_error_position(t.error(), size);
  }
  if (auto seq = card::try_parse_tlv_sequence(in)) {
    std::size_t covered = 0;
    for (const auto& t : *seq) {
      if (t.offset != covered || t.end() > size) std::abort();
      covered = t.end();
    }
    if (covered != size) std::abort();
  } else {
    check_error_position(seq.error(), size);
  }
  if (auto n = card::try_parse_my_number_record(in)) {
    if (mynumber::individual_number::try_parse(n->reveal()).has_value() == false) std::abort();
  } else {
    check_error_position(n.error(), size);
  }
  if (auto info = card::try_parse_basic_info(in)) {
    if (!info->birth.valid()) std::abort();
    if (info->name.size() + info->address.size() > size) std::abort();
  } else {
    check_error_position(info.error(), size);
  }
  if (auto total = card::try_der_total_size(in)) {
    if (*total < 2) std::abort();
  }
  const std::vector<std::uint8_t> raw(data, data + size);
  if (auto r = card::response_apdu::try_parse(raw)) {
    if (r->data.size() + 2 != size) std::abort();
    const auto status = card::check_status(r->sw, "fuzz");
    if (status.has_value() != (r->sw == 0x9000 || r->sw == 0x6281 || r->sw == 0x6282)) std::abort();
    const auto tries = card::tries_left(r->sw);
    if (tries && (*tries < 0 || *tries > 15)) std::abort();
  } else if (size >= 2) {
    std::abort();
  }
  return 0;
}
