#!/usr/bin/env bash
# Repository checks, run by tools/test-all.sh:
#  1. data/: every file has the SHA-256 its README records, the number vectors get the verdicts they
#     claim, and no tracked file hard-codes another checksum-valid Individual Number;
#  2. nothing tracked refers to a folder outside the repository;
#  3. C and C++ sources are formatted (.clang-format).
set -euo pipefail
cd "$(dirname "$0")/../.."

python3 tools/check_data.py

if git grep -n -e '\.\./shared' -e '/work/shared' -- ':!tools/test.d/repository.sh' ':!.pre-commit-config.yaml'; then
  echo "repository: the files above refer to a folder outside the repository" >&2
  exit 1
fi

bash tools/format.sh --check
