// File: secure_extension.cpp — the extension mynumber._secure: sensitive-data handling (secure.cpp). It links OpenSSL's
// libcrypto, which only `import mynumber.secure` loads. Its errors are raised as the exception classes of
// mynumber._core, which it imports first.
#include <pybind11/pybind11.h>

#include "py_common.hpp"

PYBIND11_MODULE(_secure, m) {
  m.doc() = "Private extension of the mynumber package (mynumber.secure); use the public module instead.";
  mynumber::python::adopt_exception_classes();
  mynumber::python::register_secure(m);
}
