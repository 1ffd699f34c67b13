#!/usr/bin/env bash
# clang-tidy over the core headers (tools/lint.sh, checks in .clang-tidy). Run by tools/test-all.sh.
set -euo pipefail
exec bash "$(dirname "$0")/../lint.sh"
