// File: py_common.hpp — what every part of the Python extension mynumber._core shares.
//
// A module <m> adds bindings/python/src/<m>.cpp with `void register_<m>(pybind11::module_&)`
// (called from module.cpp when MYNUMBER_PY_<M> is defined). Inside it:
//   - throw mynumber::error (or call result.value()): the translator installed by module.cpp
//     raises the Python exception chosen by the errc range, with .code/.reason/.position set;
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

// Sets the Python error indicator for `info`: an instance of exception_type(info.code) whose
// message is info.message() (which never contains the input) with .code, .reason, .position and
// .expected attributes. Returns nullptr so CPython-level functions can `return set_error(...)`.
PyObject* set_error(const error_info& info) noexcept;

// Raises the Python exception for `info` from pybind11 code.
[[noreturn]] void raise(const error_info& info);

// Creates the exception classes on the module and installs the translator (module.cpp).
void register_errors(py::module_& m);

// A view of a str (as UTF-8) or bytes-like argument, valid while `obj` is alive.
// Raises TypeError for any other type and InvalidNumberError(invalid_utf8) for a str holding
// lone surrogates.
[[nodiscard]] std::string_view text_arg(py::handle obj);

// The same without exceptions, for CPython-level fast paths: returns false with a Python error
// set on failure.
[[nodiscard]] bool text_arg_nothrow(PyObject* obj, std::string_view& out) noexcept;

// Registration functions of the parts of _core.
void register_numbers(py::module_& m);
#ifdef MYNUMBER_PY_LAW
void register_law(py::module_& m);
#endif
#ifdef MYNUMBER_PY_SECURE
void register_secure(py::module_& m);
#endif
#ifdef MYNUMBER_PY_JPKI
void register_jpki(py::module_& m);
#endif
#ifdef MYNUMBER_PY_CARD
void register_card(py::module_& m);
#endif
#ifdef MYNUMBER_PY_CORP
void register_corp(py::module_& m);
#endif

}  // namespace mynumber::python

#endif  // MYNUMBER_BINDINGS_PY_COMMON_HPP
