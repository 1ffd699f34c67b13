// File: py_common.hpp — what every part of the Python extensions shares: mynumber._core (errors
// and numbers, core_extension.cpp) and one extension mynumber._<m> per optional module
// (<m>_extension.cpp). errors.cpp is compiled into each.
//
// A module <m> adds bindings/python/src/<m>.cpp with `void register_<m>(pybind11::module_&)`,
// called from its own entry point <m>_extension.cpp. Inside it:
//   - throw mynumber::error (or call result.value()): the translator installed by errors.cpp
//     raises the Python exception chosen by the errc range, with .code/.reason/.position set;
//   - take and return the number classes of _core (IndividualNumber, ...) as C++ values: _<m>
//     imports _core first, and pybind11 shares class registrations between the extensions;
//   - read text arguments with text_arg() (str or bytes; anything else is TypeError, a str that
//     cannot be UTF-8 encoded is InvalidNumberError(invalid_utf8));
//   - release the GIL around long C++ work (pybind11::gil_scoped_release) after copying or pinning
//     the Python objects it reads.
#ifndef MYNUMBER_BINDINGS_PY_COMMON_HPP
#define MYNUMBER_BINDINGS_PY_COMMON_HPP

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>

#include "mynumber/error.hpp"

namespace mynumber::python {

namespace py = pybind11;

// The snake_case name of an error code, e.g. "check_digit_mismatch" (the Python `.reason`).
// Unknown codes give "error_<value>".
[[nodiscard]] std::string reason_name(errc code);

// The Python exception class for an error code (by range, see docs/python.md). Borrowed reference.
[[nodiscard]] PyObject* exception_type(errc code) noexcept;

// An instance of exception_type(info.code) with `message` and .code, .reason, .position and
// .expected attributes, not raised: for paths that report an error without raising it.
[[nodiscard]] py::object make_exception(const error_info& info, const std::string& message);

// Sets the Python error indicator for `info`: make_exception(info, info.message()) (the message
// never contains the input). Returns nullptr so CPython-level functions can `return set_error(...)`.
PyObject* set_error(const error_info& info) noexcept;

// Raises the Python exception for `info` from pybind11 code.
[[noreturn]] void raise(const error_info& info);

// Creates the exception classes on mynumber._core and installs the translator of C++ errors.
void create_exception_classes(py::module_& m);

// For mynumber._<m>: imports mynumber._core, takes its exception classes (the same objects, not
// copies) and installs the translator.
void adopt_exception_classes();

// A view of a str (as UTF-8) or bytes-like argument, valid while `obj` is alive.
// Raises TypeError for any other type and InvalidNumberError(invalid_utf8) for a str holding
// lone surrogates.
[[nodiscard]] std::string_view text_arg(py::handle obj);

// The same without exceptions, for CPython-level fast paths: returns false with a Python error
// set on failure.
[[nodiscard]] bool text_arg_nothrow(PyObject* obj, std::string_view& out) noexcept;

// Registration functions: the numbers part of _core, and each optional module of its extension.
void register_numbers(py::module_& m);
void register_law(py::module_& m);
void register_secure(py::module_& m);
void register_jpki(py::module_& m);
void register_card(py::module_& m);
void register_corp(py::module_& m);

}  // namespace mynumber::python

#endif  // MYNUMBER_BINDINGS_PY_COMMON_HPP
