// File: errors.cpp — the Python exception hierarchy and the translation of mynumber::error, compiled
// into every extension: mynumber._core creates the classes, each mynumber._<m> adopts the same class
// objects from it, so `except mynumber.CertificateError` catches errors raised by any of them.
#include <pybind11/pybind11.h>

#include <array>
#include <exception>
#include <string>

#include "mynumber/error.hpp"
#include "py_common.hpp"

namespace mynumber::python {
namespace {

// The classes of this extension, set once by create_exception_classes or adopt_exception_classes
// and kept alive for the process (each holds a reference that is never released).
struct exception_classes {
  PyObject* base = nullptr;              // MyNumberError(Exception)
  PyObject* invalid_number = nullptr;    // 1–99
  PyObject* certificate = nullptr;       // 100–199
  PyObject* card = nullptr;              // 200–299
  PyObject* pin = nullptr;               // 204–207
  PyObject* law_query = nullptr;         // 300–399
  PyObject* corporate_data = nullptr;    // 400–499
  PyObject* secure_data = nullptr;       // 500–599
  PyObject* tamper = nullptr;            // 500, 504
  PyObject* invalid_argument = nullptr;  // 900–902, 906
  PyObject* io = nullptr;                // 904
  PyObject* not_supported = nullptr;     // 905
};
exception_classes classes;

// One class of the hierarchy: where it is kept, its name in mynumber._core, and its bases (a class
// of the hierarchy listed earlier, or Exception for the root; plus a builtin, or nullptr).
struct class_spec {
  PyObject* exception_classes::*slot;
  const char* name;
  const char* doc;
  PyObject* exception_classes::*parent;
  PyObject* builtin_base;
};

// A function, not a constant: the PyExc_* objects exist only once the interpreter runs.
std::array<class_spec, 12> class_specs() {
  using c = exception_classes;
  return {{
      {&c::base, "MyNumberError",
       "Base class of every mynumber error. Attributes: code (int errc value), reason (str, e.g. "
       "'check_digit_mismatch'), position (int or None), expected (int or None).",
       nullptr, nullptr},
      {&c::invalid_number, "InvalidNumberError",
       "A number, T-number or identifier failed validation (codes 1-99). .expected holds the correct check "
       "digit on a check-digit mismatch.",
       &c::base, PyExc_ValueError},
      {&c::certificate, "CertificateError", "A JPKI certificate or CRL problem (codes 100-199).", &c::base,
       PyExc_ValueError},
      {&c::card, "CardError", "A My Number Card or reader problem (codes 200-299).", &c::base, PyExc_OSError},
      {&c::pin, "PinError", "A PIN problem: format, incorrect, blocked, lockout guard (codes 204-207).", &c::card,
       nullptr},
      {&c::law_query, "LawQueryError", "A My Number Act rule query problem (codes 300-399).", &c::base,
       PyExc_ValueError},
      {&c::corporate_data, "CorporateDataError", "A corporate-number data problem (codes 400-499).", &c::base,
       PyExc_ValueError},
      {&c::secure_data, "SecureDataError", "A sensitive-data handling problem (codes 500-599).", &c::base,
       PyExc_ValueError},
      {&c::tamper, "TamperError", "Tampering detected: tag, hash chain or audit chain (codes 500, 504).",
       &c::secure_data, nullptr},
      {&c::invalid_argument, "InvalidArgumentError", "An invalid argument or date (codes 900-902, 906).", &c::base,
       PyExc_ValueError},
      {&c::io, "MyNumberIOError", "File or stream I/O failed (code 904).", &c::base, PyExc_OSError},
      {&c::not_supported, "NotSupportedError", "A feature not compiled in or not available (code 905).", &c::base,
       PyExc_NotImplementedError},
  }};
}

// Each extension translates its own C++ errors (pybind11 translators are per extension here).
void install_translator() {
  py::register_local_exception_translator([](std::exception_ptr p) {
    if (!p) return;
    try {
      std::rethrow_exception(p);
    } catch (const mynumber::error& e) {
      set_error(e.info());
    }
  });
}

}  // namespace

std::string reason_name(errc code) {
  switch (code) {
    // clang-format off
#define MN_NAME(x) \
  case errc::x: return #x;
    MN_NAME(ok) MN_NAME(empty) MN_NAME(too_short) MN_NAME(too_long) MN_NAME(invalid_character)
    MN_NAME(check_digit_mismatch) MN_NAME(invalid_utf8) MN_NAME(missing_prefix) MN_NAME(unknown_scheme)
    MN_NAME(reserved_range) MN_NAME(invalid_structure)
    MN_NAME(certificate_malformed) MN_NAME(certificate_not_jpki) MN_NAME(certificate_extension)
    MN_NAME(verification_failed) MN_NAME(signature_invalid) MN_NAME(crl_malformed) MN_NAME(crypto_error)
    MN_NAME(card_transport) MN_NAME(card_removed) MN_NAME(reader_not_found) MN_NAME(card_timeout)
    MN_NAME(pin_format) MN_NAME(pin_incorrect) MN_NAME(pin_blocked) MN_NAME(lockout_guard)
    MN_NAME(security_status) MN_NAME(file_not_found) MN_NAME(wrong_length) MN_NAME(status_word)
    MN_NAME(tlv_malformed) MN_NAME(apdu_malformed) MN_NAME(date_invalid)
    MN_NAME(law_unknown_id) MN_NAME(law_invalid_query) MN_NAME(law_date_out_of_range) MN_NAME(json_malformed)
    MN_NAME(csv_malformed) MN_NAME(encoding) MN_NAME(database) MN_NAME(diff_order) MN_NAME(archive)
    MN_NAME(xml_malformed)
    MN_NAME(tamper_detected) MN_NAME(key_invalid) MN_NAME(key_unknown) MN_NAME(format_version)
    MN_NAME(audit_chain_broken)
    MN_NAME(invalid_argument) MN_NAME(null_pointer) MN_NAME(buffer_too_small) MN_NAME(out_of_memory) MN_NAME(io)
    MN_NAME(not_supported) MN_NAME(invalid_date) MN_NAME(internal)
#undef MN_NAME
        // clang-format on
        default : break;  // a code appended after this table: derive the name from its description
  }
  const std::string_view text = describe(code);
  if (text == "unknown error") return "error_" + std::to_string(static_cast<int>(code));
  std::string name;
  for (const char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) name.push_back(c);
    else if (c >= 'A' && c <= 'Z') name.push_back(static_cast<char>(c - 'A' + 'a'));
    else if (!name.empty() && name.back() != '_') name.push_back('_');
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name;
}

PyObject* exception_type(errc code) noexcept {
  const int c = static_cast<int>(code);
  if (c >= 1 && c <= 99) return classes.invalid_number;
  if (c >= 100 && c <= 199) return classes.certificate;
  if (c >= 204 && c <= 207) return classes.pin;
  if (c >= 200 && c <= 299) return classes.card;
  if (c >= 300 && c <= 399) return classes.law_query;
  if (c >= 400 && c <= 499) return classes.corporate_data;
  if (c == 500 || c == 504) return classes.tamper;
  if (c >= 500 && c <= 599) return classes.secure_data;
  if ((c >= 900 && c <= 902) || c == 906) return classes.invalid_argument;
  if (c == 903) return PyExc_MemoryError;
  if (c == 904) return classes.io;
  if (c == 905) return classes.not_supported;
  return classes.base;
}

py::object make_exception(const error_info& info, const std::string& message) {
  py::object exc = py::reinterpret_borrow<py::object>(exception_type(info.code))(message);
  exc.attr("code") = static_cast<int>(info.code);
  exc.attr("reason") = reason_name(info.code);
  exc.attr("position") = info.position == no_position ? py::none() : py::object(py::int_(info.position));
  exc.attr("expected") = info.expected < 0 ? py::none() : py::object(py::int_(info.expected));
  return exc;
}

PyObject* set_error(const error_info& info) noexcept {
  try {
    const py::object exc = make_exception(info, info.message());
    PyErr_SetObject(exception_type(info.code), exc.ptr());
  } catch (py::error_already_set& e) {
    e.restore();
  } catch (...) {
    PyErr_SetString(PyExc_MemoryError, "mynumber: could not create the exception");
  }
  return nullptr;
}

void raise(const error_info& info) {
  set_error(info);
  throw py::error_already_set();
}

bool text_arg_nothrow(PyObject* obj, std::string_view& out) noexcept {
  if (PyUnicode_Check(obj)) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(obj, &size);
    if (data == nullptr) {
      // Lone surrogates cannot be encoded as UTF-8; report it like invalid UTF-8 bytes.
      PyErr_Clear();
      set_error(error_info{errc::invalid_utf8});
      return false;
    }
    out = std::string_view(data, static_cast<std::size_t>(size));
    return true;
  }
  if (PyBytes_Check(obj)) {
    out = std::string_view(PyBytes_AS_STRING(obj), static_cast<std::size_t>(PyBytes_GET_SIZE(obj)));
    return true;
  }
  PyErr_Format(PyExc_TypeError, "expected str or bytes, not %.100s", Py_TYPE(obj)->tp_name);
  return false;
}

std::string_view text_arg(py::handle obj) {
  std::string_view out;
  if (!text_arg_nothrow(obj.ptr(), out)) throw py::error_already_set();
  return out;
}

void create_exception_classes(py::module_& m) {
  for (const class_spec& spec : class_specs()) {
    py::tuple bases(spec.builtin_base != nullptr ? 2 : 1);
    bases[0] = py::reinterpret_borrow<py::object>(spec.parent != nullptr ? classes.*spec.parent : PyExc_Exception);
    if (spec.builtin_base != nullptr) bases[1] = py::reinterpret_borrow<py::object>(spec.builtin_base);
    const std::string qualified = std::string("mynumber._core.") + spec.name;
    py::dict attributes;
    PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), spec.doc, bases.ptr(), attributes.ptr());
    if (cls == nullptr) throw py::error_already_set();
    m.add_object(spec.name, py::reinterpret_borrow<py::object>(cls));
    classes.*spec.slot = cls;  // the new reference is kept for the life of the process
  }
  // Defaults, so instances created from Python also carry the attributes.
  py::handle base(classes.base);
  base.attr("code") = 0;
  base.attr("reason") = "";
  base.attr("position") = py::none();
  base.attr("expected") = py::none();
  install_translator();
}

void adopt_exception_classes() {
  const py::module_ core = py::module_::import("mynumber._core");
  for (const class_spec& spec : class_specs())
    classes.*spec.slot = py::object(core.attr(spec.name)).release().ptr();  // kept for the process
  install_translator();
}

}  // namespace mynumber::python
