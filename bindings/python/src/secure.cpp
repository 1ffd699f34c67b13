// File: secure.cpp — the secure part of mynumber._core: Secret, KeyRing, LinkageToken,
// SealedValue, AuditLog and the module functions (token, seal, audit verification).
//
// Python display rules (docs/security.md, "Masking rules by surface"):
//   Secret           str/repr print "[secret]"; refuses to be pickled; reveal() gives bytes.
//   KeyRing          repr lists key ids only; refuses to be pickled.
//   LinkageToken     str is the text form (the stored form, still 特定個人情報); pickles.
//   SealedValue      str is the text form (ciphertext); pickles.
//   unseal()         returns an IndividualNumber, which masks itself (numbers.cpp).
// Errors are C++ mynumber::error, translated by module.cpp (TamperError for 500/504,
// SecureDataError for the rest of 500–599).
#include <pybind11/chrono.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "mynumber/secure.hpp"
#include "py_common.hpp"

namespace mynumber::python {
namespace {

// An IndividualNumber object, or str/bytes parsed leniently.
[[nodiscard]] individual_number number_arg(py::handle obj) {
  if (py::isinstance<individual_number>(obj)) return obj.cast<individual_number>();
  return individual_number::try_parse_lenient(text_arg(obj)).value();
}

[[nodiscard]] py::bytes to_py_bytes(const detail::bytes& b) {
  return py::bytes(reinterpret_cast<const char*>(b.data()), b.size());
}

[[nodiscard]] const key_ring* optional_ring(const std::optional<const key_ring*>& ring) {
  return ring ? *ring : nullptr;
}

[[nodiscard]] audit_head head_arg(const std::optional<py::tuple>& head) {
  audit_head out;
  if (!head) return out;
  if (head->size() != 2) throw error(errc::invalid_argument, "expected_head must be (entries, hash)");
  out.entries = (*head)[0].cast<std::uint64_t>();
  out.hash = (*head)[1].cast<std::string>();
  return out;
}

[[nodiscard]] py::tuple head_tuple(const audit_head& h) { return py::make_tuple(h.entries, h.hash); }

[[nodiscard]] audit_event event_arg(const std::string& actor, const std::string& action, const std::string& purpose,
                                    const std::string& record_id, std::optional<std::string> legal_basis,
                                    std::optional<std::string> detail,
                                    std::optional<std::chrono::system_clock::time_point> time) {
  audit_event e;
  e.actor = actor;
  e.action = try_parse_audit_action(action).value();
  e.purpose = purpose;
  e.record_id = record_id;
  e.legal_basis = std::move(legal_basis);
  e.detail = std::move(detail);
  e.time = time;
  return e;
}

[[noreturn]] void refuse_pickle(const char* what) {
  throw py::type_error(std::string(what) + " refuses to be pickled: it holds secret material");
}

}  // namespace

void register_secure(py::module_& m) {
  // ---- Secret ----------------------------------------------------------------------------------
  py::class_<secret>(m, "Secret",
                     "Bytes that wipe themselves (OPENSSL_cleanse) when freed: a PIN, a password, a number. "
                     "str()/repr() print '[secret]'; reveal() returns bytes; == compares in constant time; "
                     "refuses to be pickled. The Python str or bytes it was made from is NOT wiped (Python "
                     "strings are immutable); see docs/security.md.")
      .def(py::init([](py::handle value) { return secret(text_arg(value)); }), py::arg("value"))
      .def(
          "reveal", [](const secret& s) { return py::bytes(s.view().data(), s.view().size()); },
          "The bytes, as a new Python bytes object (which Python will not wipe).")
      .def("clear", &secret::clear, "Wipes the bytes now; the secret becomes empty.")
      .def("__len__", &secret::size)
      .def(
          "__eq__", [](const secret& a, const secret& b) { return a == b; }, py::is_operator())
      .def(
          "__ne__", [](const secret& a, const secret& b) { return a != b; }, py::is_operator())
      .def("__str__", [](const secret& s) { return to_string(s); })
      .def("__repr__", [](const secret&) { return std::string("Secret('[secret]')"); })
      .def("__reduce__", [](const secret&) -> py::object { refuse_pickle("Secret"); });
  // Secrets are not hashable (mutable via clear(), and a hash would leak information).
  m.attr("Secret").attr("__hash__") = py::none();

  m.def(
      "reveal_into_secret", [](py::handle number) { return reveal_into_secret(number_arg(number)); }, py::arg("number"),
      "The 12 digits of an Individual Number as a Secret.");

  // ---- KeyRing ---------------------------------------------------------------------------------
  py::class_<key_ring>(m, "KeyRing",
                       "Organisation keys ('mnk1:<id>:<64 hex>' entries); the first entry is current. Load from a "
                       "file (KeyRing.load_file) or the environment (KeyRing.from_env), never from argv. repr() "
                       "shows key ids only; refuses to be pickled.")
      .def_static(
          "load_file", [](const std::string& path) { return key_ring::try_load_file(path).value(); }, py::arg("path"),
          "Reads a key file; refuses one that other users can read.")
      .def_static(
          "from_env", [](const std::string& name) { return key_ring::try_from_env(name.c_str()).value(); },
          py::arg("name") = std::string(default_key_environment_variable),
          "Reads key entries from an environment variable.")
      .def_static(
          "parse", [](py::handle text) { return key_ring::try_parse(text_arg(text)).value(); }, py::arg("text"),
          "Parses key entries from a str/bytes (which Python will not wipe: prefer load_file).")
      .def_property_readonly("current_id", [](const key_ring& r) { return r.current().id(); })
      .def_property_readonly("ids", &key_ring::ids, "Key ids, current first.")
      .def("__len__", &key_ring::size)
      .def("__repr__",
           [](const key_ring& r) {
             std::string out = "KeyRing([";
             bool first = true;
             for (const auto& id : r.ids()) {
               if (!first) out += ", ";
               first = false;
               out += "'" + id + "'";
             }
             return out + "])";
           })
      .def("__reduce__", [](const key_ring&) -> py::object { refuse_pickle("KeyRing"); });

  m.def(
      "generate_key_entry",
      [](const std::string& id) {
        const symmetric_key key = symmetric_key::generate(id);
        std::string entry = key.export_entry();
        const secret held = secret::take(entry);
        return py::str(held.view().data(), held.view().size());
      },
      py::arg("id"),
      "A new random key entry 'mnk1:<id>:<hex>'. The result IS key material: write it to a file with mode 0600.");

  // ---- LinkageToken ------------------------------------------------------------------------------
  py::class_<linkage_token>(m, "LinkageToken",
                            "A linkage token (符号-style pseudonym). NOT anonymisation: a token is still 特定個人情報. "
                            "str() is the text form 'mnt1.<key id>.<mac>'.")
      .def_static(
          "parse", [](py::handle text) { return linkage_token::try_parse(text_arg(text)).value(); }, py::arg("text"))
      .def_static(
          "from_bytes",
          [](const py::bytes& b) {
            const std::string_view v = text_arg(b);
            return linkage_token::try_from_bytes(reinterpret_cast<const std::uint8_t*>(v.data()), v.size()).value();
          },
          py::arg("data"))
      .def_property_readonly("key_id", &linkage_token::key_id)
      .def_property_readonly("version", &linkage_token::version)
      .def_property_readonly("text", &linkage_token::to_text)
      .def("to_bytes", [](const linkage_token& t) { return to_py_bytes(t.to_bytes()); })
      .def("__str__", &linkage_token::to_text)
      .def("__repr__", [](const linkage_token& t) { return "LinkageToken('" + t.to_text() + "')"; })
      .def(
          "__eq__", [](const linkage_token& a, const linkage_token& b) { return a == b; }, py::is_operator())
      .def(
          "__ne__", [](const linkage_token& a, const linkage_token& b) { return a != b; }, py::is_operator())
      .def("__hash__", [](const linkage_token& t) { return py::hash(py::str(t.to_text())); })
      .def(py::pickle([](const linkage_token& t) { return py::make_tuple(t.to_text()); },
                      [](const py::tuple& state) {
                        if (state.size() != 1) throw error(errc::invalid_argument, "bad LinkageToken state");
                        return linkage_token::try_parse(text_arg(state[0])).value();
                      }));

  m.def(
      "derive_token",
      [](py::handle number, const std::string& domain, const key_ring& ring) {
        return derive_token(number_arg(number), domain, ring);
      },
      py::arg("number"), py::arg("domain"), py::arg("ring"),
      "The token of an Individual Number (IndividualNumber or str) in a linkage domain, under the current key.");
  m.def(
      "token_matches",
      [](const linkage_token& token, py::handle number, const std::string& domain, const key_ring& ring) {
        return try_token_matches(token, number_arg(number), domain, ring).value();
      },
      py::arg("token"), py::arg("number"), py::arg("domain"), py::arg("ring"),
      "Whether the token belongs to the number in the domain (under the key the token names).");
  m.def(
      "rotate_token",
      [](const linkage_token& token, py::handle number, const std::string& domain, const key_ring& ring) {
        return rotate_token(token, number_arg(number), domain, ring);
      },
      py::arg("token"), py::arg("number"), py::arg("domain"), py::arg("ring"),
      "Re-derives under the current key after checking the old token (TamperError if it does not match).");

  // ---- SealedValue -------------------------------------------------------------------------------
  py::class_<sealed_value>(m, "SealedValue",
                           "An AES-256-GCM sealed value bound to its record id. Still a My Number in law (PPC FAQ "
                           "Q9-2). str() is the text form 'mns1.<base64url>'.")
      .def_static(
          "parse", [](py::handle text) { return sealed_value::try_parse(text_arg(text)).value(); }, py::arg("text"))
      .def_static(
          "from_bytes",
          [](const py::bytes& b) {
            const std::string_view v = text_arg(b);
            return sealed_value::try_from_bytes(reinterpret_cast<const std::uint8_t*>(v.data()), v.size()).value();
          },
          py::arg("data"))
      .def_property_readonly("key_id", &sealed_value::key_id)
      .def_property_readonly("version", &sealed_value::version)
      .def_property_readonly("text", &sealed_value::to_text)
      .def("to_bytes", [](const sealed_value& v) { return to_py_bytes(v.to_bytes()); })
      .def("__str__", &sealed_value::to_text)
      .def("__repr__", [](const sealed_value& v) { return "SealedValue('" + v.to_text() + "')"; })
      .def(
          "__eq__", [](const sealed_value& a, const sealed_value& b) { return a == b; }, py::is_operator())
      .def(
          "__ne__", [](const sealed_value& a, const sealed_value& b) { return a != b; }, py::is_operator())
      .def("__hash__", [](const sealed_value& v) { return py::hash(py::str(v.to_text())); })
      .def(py::pickle([](const sealed_value& v) { return py::make_tuple(v.to_text()); },
                      [](const py::tuple& state) {
                        if (state.size() != 1) throw error(errc::invalid_argument, "bad SealedValue state");
                        return sealed_value::try_parse(text_arg(state[0])).value();
                      }));

  m.def(
      "seal",
      [](py::handle number, const std::string& record_id, const key_ring& ring) {
        return seal(number_arg(number), record_id, ring);
      },
      py::arg("number"), py::arg("record_id"), py::arg("ring"), "Seals an Individual Number for a record.");
  m.def(
      "unseal",
      [](const sealed_value& value, const std::string& record_id, const key_ring& ring) {
        return unseal(value, record_id, ring);
      },
      py::arg("value"), py::arg("record_id"), py::arg("ring"),
      "Opens a sealed number (an IndividualNumber, masked when printed). TamperError on any mismatch.");
  m.def(
      "reseal",
      [](const sealed_value& value, const std::string& record_id, const key_ring& ring) {
        return reseal(value, record_id, ring);
      },
      py::arg("value"), py::arg("record_id"), py::arg("ring"), "Re-seals under the current key (rotation).");
  m.def(
      "seal_secret",
      [](const secret& value, const std::string& record_id, const key_ring& ring) {
        return try_seal_secret(value, record_id, ring).value();
      },
      py::arg("value"), py::arg("record_id"), py::arg("ring"), "Seals a Secret (PIN, password) for a record.");
  m.def(
      "unseal_secret",
      [](const sealed_value& value, const std::string& record_id, const key_ring& ring) {
        return try_unseal_secret(value, record_id, ring).value();
      },
      py::arg("value"), py::arg("record_id"), py::arg("ring"), "Opens a sealed Secret.");

  // ---- audit trail -------------------------------------------------------------------------------
  py::class_<audit_log>(m, "AuditLog",
                        "An append-only, hash-chained JSON Lines audit log (docs/security.md). Entries name the "
                        "record id, never the number; fields holding an Individual Number are refused.")
      .def(py::init([](const std::string& path, std::optional<const key_ring*> ring) {
             return audit_log(path, optional_ring(ring));
           }),
           py::arg("path"), py::arg("ring") = py::none(), py::keep_alive<1, 3>(),
           "ring: keys for a keyed (HMAC) chain; the current key signs new entries.")
      .def(
          "append",
          [](audit_log& log, const std::string& actor, const std::string& action, const std::string& purpose,
             const std::string& record_id, std::optional<std::string> legal_basis, std::optional<std::string> detail,
             std::optional<std::chrono::system_clock::time_point> time) {
            return log.append(
                event_arg(actor, action, purpose, record_id, std::move(legal_basis), std::move(detail), time));
          },
          py::kw_only(), py::arg("actor"), py::arg("action"), py::arg("purpose"), py::arg("record_id"),
          py::arg("legal_basis") = py::none(), py::arg("detail") = py::none(), py::arg("time") = py::none(),
          "Appends one event (action: 'reveal', 'provide', 'store' or 'delete'); returns its line.")
      .def(
          "verify",
          [](const audit_log& log, std::optional<py::tuple> expected_head) {
            std::optional<audit_head> head;
            if (expected_head) head = head_arg(expected_head);
            return head_tuple(log.verify(head));
          },
          py::arg("expected_head") = py::none(),
          "Verifies the file; returns (entries, head_hash). TamperError names the first bad line.")
      .def_property_readonly("path", [](const audit_log& log) { return log.path().string(); });

  m.def(
      "verify_audit_log",
      [](py::handle text, std::optional<const key_ring*> ring, std::optional<py::tuple> expected_head) {
        audit_verify_options options;
        options.keys = optional_ring(ring);
        if (expected_head) options.expected_head = head_arg(expected_head);
        return head_tuple(try_verify_audit_log(text_arg(text), options).value());
      },
      py::arg("text"), py::arg("ring") = py::none(), py::arg("expected_head") = py::none(),
      "Verifies a whole log given as text; returns (entries, head_hash).");
  m.def(
      "deletion_certificate",
      [](py::handle text, const std::string& issuer, std::optional<std::string> record_id,
         std::optional<const key_ring*> ring) {
        audit_verify_options options;
        options.keys = optional_ring(ring);
        deletion_filter filter;
        filter.record_id = std::move(record_id);
        return try_make_deletion_certificate(text_arg(text), issuer, filter, options).value().to_json();
      },
      py::arg("text"), py::arg("issuer"), py::kw_only(), py::arg("record_id") = py::none(),
      py::arg("ring") = py::none(), "The deletion certificate (廃棄記録) JSON of a verified log's delete entries.");
}

}  // namespace mynumber::python
