// File: law.cpp — C ABI of the law module (mynumber_c/law.h): JSON requests in, JSON out.
#include <climits>
#include <string>
#include <string_view>

#include "c_api_common.hpp"
#include "mynumber/law.hpp"
#include "mynumber_c/law.h"

namespace mn = mynumber;

namespace {

// One question (or any, when `question` is empty) through the C conventions.
[[nodiscard]] int answer(std::string_view question, const char* request, size_t len, char* out, size_t out_size,
                         mn_error* err) noexcept {
  return mn::c_api::guard(err, [&] {
    std::string_view in;
    if (const int s = mn::c_api::input(request, len, in, err); s != MN_OK) return s;
    return mn::c_api::write_result(
        question.empty() ? mn::law::try_answer_json(in) : mn::law::try_answer_question_json(question, in), out,
        out_size, err);
  });
}

}  // namespace

extern "C" {

MN_API int mn_law_answer_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err) {
  return answer({}, request, len, out, out_size, err);
}
MN_API int mn_law_use_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err) {
  return answer("use", request, len, out, out_size, err);
}
MN_API int mn_law_request_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err) {
  return answer("request", request, len, out, out_size, err);
}
MN_API int mn_law_verify_identity_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err) {
  return answer("verify_identity", request, len, out, out_size, err);
}
MN_API int mn_law_payment_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err) {
  return answer("payment", request, len, out, out_size, err);
}
MN_API int mn_law_penalty_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err) {
  return answer("penalty", request, len, out, out_size, err);
}
MN_API int mn_law_annex_json(const char* request, size_t len, char* out, size_t out_size, mn_error* err) {
  return answer("annex", request, len, out, out_size, err);
}

MN_API int mn_law_error_json(const mn_error* err, char* out, size_t out_size) {
  return mn::c_api::guard(nullptr, [&] {
    if (err == nullptr) return mn::c_api::status_of(mn::errc::null_pointer);
    return mn::c_api::write(mn::law::error_json(mn::c_api::to_error_info(*err)), out, out_size);
  });
}

}  // extern "C"
