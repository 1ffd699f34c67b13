"""One version source: include/mynumber/version.hpp. CMake reads it for the project version, the
extension compiles it in (mynumber.__version__, `mynumber --version`), the C ABI returns it
(mn_version_string, tests/c) and pyproject.toml's version is read from it by scikit-build-core's regex
provider (the installed distribution's metadata)."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys

import mynumber

from conftest import DATA_DIR

VERSION_HPP = DATA_DIR.parent / "include" / "mynumber" / "version.hpp"


def _header_version() -> str:
    text = VERSION_HPP.read_text(encoding="utf-8")
    parts = [re.search(rf"^#define MYNUMBER_VERSION_{part} (\d+)$", text, re.M) for part in ("MAJOR", "MINOR", "PATCH")]
    assert all(parts), "version.hpp no longer defines MYNUMBER_VERSION_MAJOR/MINOR/PATCH"
    return ".".join(m.group(1) for m in parts if m)


def test_package_cli_and_metadata_carry_the_version_of_version_hpp() -> None:
    version = _header_version()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert mynumber.__version__ == version
    assert importlib.metadata.version("mynumber") == version
    cli = subprocess.run([sys.executable, "-m", "mynumber", "--version"], capture_output=True, text=True, check=True)
    assert cli.stdout == f"mynumber {version}\n"
