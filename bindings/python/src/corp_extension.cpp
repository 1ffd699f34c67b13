// File: corp_extension.cpp — the extension mynumber._corp: corporate-number data (corp.cpp). It links SQLite and zlib,
// which only `import mynumber.corp` loads. Its errors are raised as the exception classes of mynumber._core, which it
// imports first.
#include <pybind11/pybind11.h>

#include "py_common.hpp"

PYBIND11_MODULE(_corp, m) {
  m.doc() = "Private extension of the mynumber package (mynumber.corp); use the public module instead.";
  mynumber::python::adopt_exception_classes();
  mynumber::python::register_corp(m);
}
