#!/usr/bin/env bash
# The documentation's code runs: every ```cpp, ```c, ```python and ```sh block of docs/*.md and
# README.md that is not marked <!-- fragment --> is extracted and run by tools/check_docs.py
# (C++ and C against the dev tree installed to a scratch prefix, Python with the package installed
# in the active venv, shell with the `mynumber` CLI on PATH). Run by tools/test-all.sh with
# MYNUMBER_BUILD_DIR = the configured and built dev tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${MYNUMBER_BUILD_DIR:?set MYNUMBER_BUILD_DIR to a configured and built dev tree}"
PYTHON=${PYTHON:-python}
"$PYTHON" -c 'import mynumber' || { echo "docs: the mynumber package is not installed in $("$PYTHON" -c 'import sys; print(sys.prefix)')" >&2; exit 1; }
exec "$PYTHON" tools/check_docs.py --build-dir "$MYNUMBER_BUILD_DIR" --jobs "${MYNUMBER_JOBS:-2}"
