"""The optional modules of the package, and the one error for a module that was not built.

Each optional module ``mynumber.<m>`` (law, secure, jpki, card, corp) has its own extension
``mynumber._<m>``, built only when its system libraries were found at build time. Whether it was
built is read from the package directory (``importlib.util.find_spec``), without loading the
extension or its libraries.
"""

from __future__ import annotations

from ._core import NotSupportedError, reason_name

OPTIONAL_MODULES = ("law", "secure", "jpki", "card", "corp")

# What each module's extension needs at build time: the libraries, and the Debian and Ubuntu
# packages that provide them. law and card need nothing beyond the C++ standard library (card
# also uses pcsc-lite for readers, and jpki for certificates, when they are there), so they are
# missing only when switched off at build time (-DMYNUMBER_WITH_<M>=OFF).
_BUILD_REQUIREMENTS = {
    "law": ("", ()),
    "secure": ("OpenSSL 3", ("libssl-dev",)),
    "jpki": ("OpenSSL 3", ("libssl-dev",)),
    "card": ("", ()),
    "corp": ("SQLite 3 and zlib", ("libsqlite3-dev", "zlib1g-dev")),
}

_NOT_SUPPORTED = 905  # mynumber::errc::not_supported


def _message(module: str) -> str:
    libraries, packages = _BUILD_REQUIREMENTS[module]
    if not packages:
        return (f"mynumber.{module} was not built: it was switched off when this copy of mynumber was built; "
                f"reinstall mynumber without -DMYNUMBER_WITH_{module.upper()}=OFF")
    return (f"mynumber.{module} was not built (it needs {libraries}): install {' and '.join(packages)} "
            f"and reinstall mynumber")


class ModuleNotBuiltError(NotSupportedError, ImportError):
    """An optional module that this installation of mynumber was built without. The message names the
    module and the system packages it needs; ``.module`` is its short name (e.g. ``'corp'``), ``.name``
    its full name (``'mynumber.corp'``), ``.code`` is 905 (``not_supported``)."""

    def __init__(self, module: str) -> None:
        if module not in _BUILD_REQUIREMENTS:
            raise ValueError(f"not an optional module of mynumber: {module!r}")
        message = _message(module)
        super().__init__(message)
        self.msg = message
        self.name = f"mynumber.{module}"
        self.module = module
        self.code = _NOT_SUPPORTED
        self.reason = reason_name(_NOT_SUPPORTED)


ModuleNotBuiltError.__module__ = "mynumber"  # its public name


def is_built(module: str) -> bool:
    """True if the extension of optional module `module` is installed (it is not loaded)."""
    import importlib.util

    return importlib.util.find_spec(f"mynumber._{module}") is not None


def require(module: str) -> None:
    """Raises ModuleNotBuiltError unless optional module `module` was built. Called first by each
    ``mynumber/<m>.py``, before it imports its extension."""
    if not is_built(module):
        raise ModuleNotBuiltError(module)


def available_modules() -> tuple[str, ...]:
    """The optional modules built into this installation, e.g. ``('law', 'secure', 'jpki', 'card', 'corp')``."""
    return tuple(name for name in OPTIONAL_MODULES if is_built(name))
