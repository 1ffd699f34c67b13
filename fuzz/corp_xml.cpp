// Fuzz target: the Web-API v4 XML response parser (corp/webapi.hpp). Properties beyond "no crash":
// every parsed record has a valid corporate number and UTF-8 text, and every bad <corporation>
// names a line.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <mynumber/corp/webapi.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mynumber::corp;
  const auto parsed = try_parse_api_xml(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed) return 0;
  for (const record& r : parsed->records) {
    if (!mynumber::corporate_number::try_parse(r.corporate_number)) std::abort();
    if (!is_valid_utf8(r.name)) std::abort();
  }
  for (const bad_row& b : parsed->bad_rows)
    if (b.line == 0) std::abort();
  return 0;
}
