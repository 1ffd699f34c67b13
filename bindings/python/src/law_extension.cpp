// File: law_extension.cpp — the extension mynumber._law: the My Number Act as rules (law.cpp). It links the header-only
// law module only, so `import mynumber.law` loads no OpenSSL, SQLite, zlib or pcsc-lite. Its errors are raised as the
// exception classes of mynumber._core, which it imports first.
#include <pybind11/pybind11.h>

#include "py_common.hpp"

PYBIND11_MODULE(_law, m) {
  m.doc() = "Private extension of the mynumber package (mynumber.law); use the public module instead.";
  mynumber::python::adopt_exception_classes();
  mynumber::python::register_law(m);
}
