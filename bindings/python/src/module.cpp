// File: module.cpp — the extension module mynumber._core: exception hierarchy, error
// translation, shared argument helpers, and the registration of every part.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <exception>
#include <new>
#include <optional>
#include <string>

#include "mynumber/error.hpp"
#include "mynumber/version.hpp"
#include "py_common.hpp"

namespace mynumber::python {
namespace {

// The classes, created once in register_errors and kept alive for the process (module
// attributes hold references too; these are borrowed from there).
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

PyObject* make_class(py::module_& m, const char* name, const char* doc, std::initializer_list<PyObject*> bases) {
  py::tuple base_tuple(bases.size());
  std::size_t i = 0;
  for (PyObject* b : bases) base_tuple[i++] = py::reinterpret_borrow<py::object>(b);
  py::dict attributes;
  const std::string qualified = std::string("mynumber._core.") + name;
  PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base_tuple.ptr(), attributes.ptr());
  if (cls == nullptr) throw py::error_already_set();
  m.add_object(name, py::reinterpret_borrow<py::object>(cls));
  return cls;  // the new reference is kept for the life of the process
}

}  // namespace

std::string reason_name(errc code) {
  switch (code) {
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
    default:
      break;  // a code appended after this table: derive the name from its description
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

PyObject* set_error(const error_info& info) noexcept {
  try {
    PyObject* type = exception_type(info.code);
    py::object cls = py::reinterpret_borrow<py::object>(type);
    py::object exc = cls(info.message());
    exc.attr("code") = static_cast<int>(info.code);
    exc.attr("reason") = reason_name(info.code);
    exc.attr("position") = info.position == no_position ? py::none() : py::object(py::int_(info.position));
    exc.attr("expected") = info.expected < 0 ? py::none() : py::object(py::int_(info.expected));
    PyErr_SetObject(type, exc.ptr());
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

void register_errors(py::module_& m) {
  classes.base = make_class(m, "MyNumberError",
                            "Base class of every mynumber error. Attributes: code (int errc value), reason "
                            "(str, e.g. 'check_digit_mismatch'), position (int or None), expected (int or None).",
                            {PyExc_Exception});
  // Defaults, so instances created from Python also carry the attributes.
  PyObject_SetAttrString(classes.base, "code", py::int_(0).ptr());
  PyObject_SetAttrString(classes.base, "reason", py::str("").ptr());
  PyObject_SetAttrString(classes.base, "position", Py_None);
  PyObject_SetAttrString(classes.base, "expected", Py_None);

  classes.invalid_number = make_class(m, "InvalidNumberError",
                                      "A number, T-number or identifier failed validation (codes 1-99). .expected "
                                      "holds the correct check digit on a check-digit mismatch.",
                                      {classes.base, PyExc_ValueError});
  classes.certificate =
      make_class(m, "CertificateError", "A JPKI certificate or CRL problem (codes 100-199).", {classes.base, PyExc_ValueError});
  classes.card = make_class(m, "CardError", "A My Number Card or reader problem (codes 200-299).", {classes.base, PyExc_OSError});
  classes.pin = make_class(m, "PinError", "A PIN problem: format, incorrect, blocked, lockout guard (codes 204-207).",
                           {classes.card});
  classes.law_query = make_class(m, "LawQueryError", "A My Number Act rule query problem (codes 300-399).",
                                 {classes.base, PyExc_ValueError});
  classes.corporate_data = make_class(m, "CorporateDataError", "A corporate-number data problem (codes 400-499).",
                                      {classes.base, PyExc_ValueError});
  classes.secure_data = make_class(m, "SecureDataError", "A sensitive-data handling problem (codes 500-599).",
                                   {classes.base, PyExc_ValueError});
  classes.tamper = make_class(m, "TamperError", "Tampering detected: tag, hash chain or audit chain (codes 500, 504).",
                              {classes.secure_data});
  classes.invalid_argument = make_class(m, "InvalidArgumentError", "An invalid argument or date (codes 900-902, 906).",
                                        {classes.base, PyExc_ValueError});
  classes.io = make_class(m, "MyNumberIOError", "File or stream I/O failed (code 904).", {classes.base, PyExc_OSError});
  classes.not_supported = make_class(m, "NotSupportedError", "A feature not compiled in or not available (code 905).",
                                     {classes.base, PyExc_NotImplementedError});

  py::register_local_exception_translator([](std::exception_ptr p) {
    if (!p) return;
    try {
      std::rethrow_exception(p);
    } catch (const mynumber::error& e) {
      set_error(e.info());
    }
  });
}

}  // namespace mynumber::python

namespace mp = mynumber::python;

namespace py = pybind11;

PYBIND11_MODULE(_core, m) {
  m.doc() = "Private extension of the mynumber package; use the public package instead.";
  m.attr("__version__") = MYNUMBER_PY_VERSION;  // the CMake project version
  mp::register_errors(m);

  py::list modules;
  mp::register_numbers(m);
#ifdef MYNUMBER_PY_LAW
  mp::register_law(m);
  modules.append("law");
#endif
#ifdef MYNUMBER_PY_SECURE
  mp::register_secure(m);
  modules.append("secure");
#endif
#ifdef MYNUMBER_PY_JPKI
  mp::register_jpki(m);
  modules.append("jpki");
#endif
#ifdef MYNUMBER_PY_CARD
  mp::register_card(m);
  modules.append("card");
#endif
#ifdef MYNUMBER_PY_CORP
  mp::register_corp(m);
  modules.append("corp");
#endif
  // The optional modules compiled into this build (the CLI registers their subcommands).
  m.attr("compiled_modules") = py::tuple(modules);

  m.def(
      "reason_name", [](int code) { return mp::reason_name(static_cast<mynumber::errc>(code)); }, py::arg("code"),
      "The snake_case name of an error code, e.g. 5 -> 'check_digit_mismatch'.");
  m.def(
      "_raise_error",
      [](int code, std::optional<std::size_t> position, std::optional<int> expected) {
        throw mynumber::error(mynumber::error_info{static_cast<mynumber::errc>(code),
                                                   position.value_or(mynumber::no_position), expected.value_or(-1), {}});
      },
      py::arg("code"), py::arg("position") = py::none(), py::arg("expected") = py::none(),
      "Throws the C++ mynumber::error for `code` (tests the translation to Python exceptions).");
  m.def(
      "describe", [](int code) { return std::string(mynumber::describe(static_cast<mynumber::errc>(code))); },
      py::arg("code"), "Short English description of an error code.");
}
