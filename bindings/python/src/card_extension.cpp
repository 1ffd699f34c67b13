// File: card_extension.cpp — the extension mynumber._card: the My Number Card (card.cpp). It links pcsc-lite when the
// build found it (and the jpki module's OpenSSL only if the card code calls it), which only `import mynumber.card`
// loads. Its errors are raised as the exception classes of mynumber._core, which it imports first.
#include <pybind11/pybind11.h>

#include "py_common.hpp"

PYBIND11_MODULE(_card, m) {
  m.doc() = "Private extension of the mynumber package (mynumber.card); use the public module instead.";
  mynumber::python::adopt_exception_classes();
  mynumber::python::register_card(m);
}
