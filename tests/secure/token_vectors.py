#!/usr/bin/env python3
"""Recomputes the linkage-token vectors published in docs/security.md with Python's own hmac and
hashlib modules, independently of the C++ code (which secure_tests checks against the same table).

Usage: token_vectors.py docs/security.md   (exit status 0 only if every row matches; at least 8)
"""
import base64
import hashlib
import hmac
import re
import sys

DOMAIN_LABEL = b"mynumber/linkage-token/v1/domain\x00"
SUBJECT_LABEL = b"mynumber/linkage-token/v1/subject\x00"


def token(key: bytes, key_id: str, domain: str, digits: str) -> str:
    domain_key = hmac.new(key, DOMAIN_LABEL + domain.encode("utf-8"), hashlib.sha256).digest()
    mac = hmac.new(domain_key, SUBJECT_LABEL + digits.encode("ascii"), hashlib.sha256).digest()
    return "mnt1." + key_id + "." + base64.urlsafe_b64encode(mac).decode("ascii").rstrip("=")


def main(path: str) -> int:
    text = open(path, encoding="utf-8").read()
    section = re.search(r"<!-- token-vectors:begin -->(.*?)<!-- token-vectors:end -->", text, re.S)
    if section is None:
        print("no token-vectors section in", path)
        return 1
    rows = [re.findall(r"`([^`]*)`", line) for line in section.group(1).splitlines()]
    rows = [r for r in rows if len(r) == 5]
    failures = 0
    for key_hex, key_id, domain, digits, expected in rows:
        got = token(bytes.fromhex(key_hex), key_id, domain, digits)
        if got != expected:
            failures += 1
            print(f"MISMATCH key {key_id} domain {domain}: table {expected}, python {got}")
    print(f"{len(rows)} token vectors checked, {failures} mismatches")
    return 0 if rows and len(rows) >= 8 and failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
