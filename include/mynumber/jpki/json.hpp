// File: jpki/json.hpp — JSON renderings of certificate info and verdicts: the one wire form shared
// by the C ABI, the Python package and the CLI's --json output.
// The basic attributes (personal data) appear only when the caller asks for them.
#ifndef MYNUMBER_JPKI_JSON_HPP
#define MYNUMBER_JPKI_JSON_HPP

#include <string>
#include <string_view>
#include <vector>

#include "../detail/json.hpp"
#include "signature.hpp"

MYNUMBER_BEGIN_NAMESPACE
namespace jpki {
namespace detail {

// Strings are written by the library's one escaper (detail/json.hpp): UTF-8 passes through,
// quotes and controls are escaped, bytes that are not UTF-8 become \ufffd, so the output is
// always valid JSON.
using ::mynumber::detail::json::quote;

[[nodiscard]] inline std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i != 0 ? "," : "") + quote(items[i]);
  return out + "]";
}

[[nodiscard]] inline std::string json_bool(bool b) { return b ? "true" : "false"; }

[[nodiscard]] inline std::string json_text_or_null(const std::string& s) { return s.empty() ? "null" : quote(s); }

[[nodiscard]] inline std::string json_substituted(const substituted_text& t) {
  std::string positions = "[";
  const auto p = t.substitute_positions();
  for (std::size_t i = 0; i < p.size(); ++i) positions += (i != 0 ? "," : "") + std::to_string(p[i]);
  positions += "]";
  return "{\"text\":" + quote(t.text) + ",\"substitute_map\":" + quote(t.substitute_map) +
         ",\"substitute_positions\":" + positions +
         ",\"substitute_characters\":" + json_list(t.substitute_characters()) +
         ",\"map_consistent\":" + json_bool(t.map_consistent()) + "}";
}

}  // namespace detail

// The basic attributes as a JSON object.
[[nodiscard]] inline std::string to_json(const basic_info& b) {
  using namespace detail;
  return "{\"name\":" + json_substituted(b.name) + ",\"address\":" + json_substituted(b.address) +
         ",\"sex\":" + quote(b.sex) + ",\"sex_label\":" + quote(sex_label(b.sex)) +
         ",\"birth_date_raw\":" + quote(b.birth.raw) + ",\"birth_date\":" + json_text_or_null(b.birth.iso()) +
         ",\"era\":" + quote(to_string(b.birth.era)) + ",\"wareki\":" + json_text_or_null(b.birth.wareki()) + "}";
}

// Certificate info as a JSON object. "basic_info" holds the personal attributes only when
// `include_basic_info`; otherwise it is null and "basic_info_present" says whether there are any.
[[nodiscard]] inline std::string to_json(const certificate_info& info, bool include_basic_info) {
  using namespace detail;
  std::string evidence = "[";
  for (std::size_t i = 0; i < info.evidence.size(); ++i) {
    const auto& e = info.evidence[i];
    evidence += std::string(i != 0 ? "," : "") + "{\"source\":" + quote(e.source) +
                ",\"says\":" + quote(to_string(e.says)) + ",\"detail\":" + quote(e.detail) + "}";
  }
  evidence += "]";
  std::string out = "{";
  out += "\"kind\":" + quote(to_string(info.kind));
  out += ",\"kind_ja\":" + quote(japanese_name(info.kind));
  out += ",\"purpose\":" + quote(to_string(info.purpose));
  out += ",\"decided_by\":" + quote(info.decided_by);
  out += ",\"evidence\":" + evidence;
  out += ",\"test_hierarchy\":" + json_bool(info.test_hierarchy);
  out += ",\"serial_hex\":" + quote(info.serial_hex);
  out += ",\"serial_decimal\":" + quote(info.serial_decimal);
  out += ",\"not_before\":" + quote(format_utc_iso(info.not_before));
  out += ",\"not_after\":" + quote(format_utc_iso(info.not_after));
  out += ",\"not_before_jst\":" + quote(info.not_before_jst());
  out += ",\"not_after_jst\":" + quote(info.not_after_jst());
  out += ",\"subject\":" + quote(info.subject);
  out += ",\"issuer\":" + quote(info.issuer);
  out += ",\"prefecture\":" + json_text_or_null(info.prefecture);
  out += ",\"city\":" + json_text_or_null(info.city);
  out += ",\"common_name\":" + json_text_or_null(info.common_name);
  out += ",\"key_algorithm\":" + quote(info.key_algorithm);
  out += ",\"key_bits\":" + std::to_string(info.key_bits);
  out += ",\"key_usage\":" + json_list(info.usage.names());
  out += ",\"key_usage_critical\":" + json_bool(info.usage.critical);
  out += ",\"is_ca\":" + json_bool(info.is_ca);
  out += ",\"policies\":" + json_list(info.policies);
  out += ",\"crl_distribution_points\":" + json_list(info.crl_distribution_points);
  out += ",\"sha256_fingerprint\":" + quote(info.sha256_fingerprint);
  out += ",\"warnings\":" + json_list(info.warnings);
  out += ",\"basic_info_present\":" + json_bool(info.basic.has_value());
  out += ",\"basic_info\":" + (include_basic_info && info.basic ? to_json(*info.basic) : std::string("null"));
  return out + "}";
}

[[nodiscard]] inline std::string to_json(const check_result& c) {
  using namespace detail;
  return "{\"name\":" + quote(c.name) + ",\"outcome\":" + quote(to_string(c.outcome)) +
         ",\"reason\":" + quote(c.reason) + ",\"detail\":" + quote(c.detail) + "}";
}

// A verification verdict as a JSON object (no personal data: names and addresses never appear).
[[nodiscard]] inline std::string to_json(const verification& v) {
  using namespace detail;
  std::string checks = "[";
  for (std::size_t i = 0; i < v.checks.size(); ++i) checks += (i != 0 ? "," : "") + to_json(v.checks[i]);
  checks += "]";
  std::string crls = "[";
  for (std::size_t i = 0; i < v.crls.size(); ++i) {
    const auto& c = v.crls[i];
    crls += std::string(i != 0 ? "," : "") + "{\"issuer\":" + quote(c.issuer) +
            ",\"this_update\":" + quote(format_utc_iso(c.this_update)) +
            ",\"next_update\":" + (c.next_update ? quote(format_utc_iso(*c.next_update)) : std::string("null")) +
            ",\"applies\":" + json_bool(c.applies) + ",\"status\":" + quote(c.status) + "}";
  }
  crls += "]";
  const check_result* failure = v.first_failure();
  return "{\"ok\":" + json_bool(v.ok) + ",\"kind\":" + quote(to_string(v.kind)) +
         ",\"at\":" + quote(format_utc_iso(v.at)) + ",\"at_jst\":" + quote(format_jst(v.at)) +
         ",\"first_failure\":" + (failure ? to_json(*failure) : std::string("null")) + ",\"checks\":" + checks +
         ",\"crls\":" + crls + ",\"chain\":" + json_list(v.chain) + "}";
}

// A signature verdict: the signature check, the signer's serial and its certificate verdict.
[[nodiscard]] inline std::string to_json(const signature_verification& s) {
  using namespace detail;
  return "{\"ok\":" + json_bool(s.ok) + ",\"signature\":" + to_json(s.signature) +
         ",\"signer_serial_hex\":" + (s.signer ? quote(s.signer->info().serial_hex) : std::string("null")) +
         ",\"signer_kind\":" + (s.signer ? quote(to_string(s.signer->kind())) : std::string("null")) +
         ",\"certificate\":" + (s.certificate_verdict ? to_json(*s.certificate_verdict) : std::string("null")) + "}";
}

}  // namespace jpki
MYNUMBER_END_NAMESPACE

#endif  // MYNUMBER_JPKI_JSON_HPP
