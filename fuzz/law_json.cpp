// Fuzz target: the law module's JSON interface (strict reader, query mapping, all six
// questions, JSON writer). Properties checked beyond "no crash": every failure carries a code of
// the law range (300–399); every success is itself valid JSON that carries the disclaimer, and a
// request that succeeded answers identically when repeated (the engine is a pure function).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <mynumber/law.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = mynumber::detail::json::parse(text);
  const auto answer = mynumber::law::try_answer_json(text);
  if (!answer) {
    const int code = static_cast<int>(answer.error().code);
    if (code < 300 || code > 399) std::abort();
    if (!parsed && answer.error().code != mynumber::errc::json_malformed) std::abort();
    (void)mynumber::law::error_json(answer.error());
    return 0;
  }
  if (!parsed) std::abort();  // an answer implies the request was valid JSON
  const auto reparsed = mynumber::detail::json::parse(*answer);
  if (!reparsed || reparsed->find("disclaimer") == nullptr) std::abort();
  const auto again = mynumber::law::try_answer_json(text);
  if (!again || *again != *answer) std::abort();
  return 0;
}
