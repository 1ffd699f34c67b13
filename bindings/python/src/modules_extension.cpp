// File: modules_extension.cpp — the extension mynumber._modules: the optional modules compiled
// into this build (law, secure, jpki, card, corp), each from src/<m>.cpp. Kept apart from
// mynumber._core because it links their dependencies (OpenSSL, SQLite, zlib, pcsc-lite), whose
// loading the number functions and `mynumber validate` should not pay for. Its errors are raised
// as the exception classes of mynumber._core, which it imports first.
#include <pybind11/pybind11.h>

#include "py_common.hpp"

namespace mp = mynumber::python;

namespace py = pybind11;

PYBIND11_MODULE(_modules, m) {
  m.doc() = "Private extension of the mynumber package (the optional modules); use the public package instead.";
  mp::adopt_exception_classes();

  py::list modules;
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
}
