// Fuzz target: the NTA bulk-CSV reader (corp/reader.hpp) on arbitrary bytes, with a small buffer so
// refills, long rows and resynchronisation are reached. Properties beyond "no crash": the totals
// reconcile (rows == good + bad), every good row's corporate number passes the check digit, every
// bad row names a line, and the Web-API CSV parser agrees with the reader on the good-row count.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <mynumber/corp/reader.hpp>
#include <mynumber/corp/webapi.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mynumber::corp;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  reader_options options;
  options.max_record_bytes = 1024;
  options.buffer_size = 2048;
  std::uint64_t reported = 0;
  options.on_bad_row = [&](const bad_row& b) {
    if (b.line == 0 || b.reason.empty()) std::abort();
    ++reported;
  };
  bulk_reader reader(std::make_unique<memory_source>(bytes, "fuzz"), options);
  record r;
  std::uint64_t good = 0;
  for (;;) {
    auto more = reader.try_next(r);
    if (!more) break;  // an archive error (zip signature on a stream) ends the read
    if (!*more) break;
    ++good;
    if (!mynumber::corporate_number::try_parse(r.corporate_number)) std::abort();
    if (!is_valid_utf8(r.name) || !is_valid_utf8(r.change_cause)) std::abort();
  }
  const read_stats& s = reader.stats();
  if (s.rows != s.good + s.bad || s.good != good || s.bad != reported) std::abort();
  const auto api = try_parse_api_csv(bytes);
  if (api && reader.header() && api->records.size() != good) std::abort();
  return 0;
}
