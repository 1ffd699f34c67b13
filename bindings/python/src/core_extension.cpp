// File: core_extension.cpp — the extension mynumber._core: the exception hierarchy (errors.cpp),
// the numbers part (numbers.cpp) and the error helpers. It needs the header-only core only, so
// `import mynumber` and `mynumber validate` load no OpenSSL, SQLite or PC/SC; each optional
// module has its own extension mynumber._<m> (<m>_extension.cpp).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>

#include "mynumber/error.hpp"
#include "mynumber/version.hpp"
#include "py_common.hpp"

namespace mp = mynumber::python;

namespace py = pybind11;

PYBIND11_MODULE(_core, m) {
  m.doc() = "Private extension of the mynumber package; use the public package instead.";
  m.attr("__version__") = MYNUMBER_VERSION_STRING;  // include/mynumber/version.hpp, the one version source
  mp::create_exception_classes(m);
  mp::register_numbers(m);

  m.def(
      "reason_name", [](int code) { return mp::reason_name(static_cast<mynumber::errc>(code)); }, py::arg("code"),
      "The snake_case name of an error code, e.g. 5 -> 'check_digit_mismatch'.");
  m.def(
      "_raise_error",
      [](int code, std::optional<std::size_t> position, std::optional<int> expected) {
        throw mynumber::error(mynumber::error_info{
            static_cast<mynumber::errc>(code), position.value_or(mynumber::no_position), expected.value_or(-1), {}});
      },
      py::arg("code"), py::arg("position") = py::none(), py::arg("expected") = py::none(),
      "Throws the C++ mynumber::error for `code` (tests the translation to Python exceptions).");
  m.def(
      "describe", [](int code) { return std::string(mynumber::describe(static_cast<mynumber::errc>(code))); },
      py::arg("code"), "Short English description of an error code.");
}
