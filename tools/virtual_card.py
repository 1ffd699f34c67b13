#!/usr/bin/env python3
"""A software My Number Card (個人番号カード) for tests, served to the real PC/SC stack.

It connects to vsmartcard's virtual reader driver (vpcd, loaded by pcscd) over TCP and answers
APDUs like the card's chip, following the community-documented layout summarised in docs/card.md
(the J-LIS card specification is not public; the layout comes from OpenSC's JPKI driver and the
open-source jpki/myna and soltia48/myna-card readers): the AIDs, the JPKI-AP, the
券面事項入力補助AP, the 券面事項確認AP, PINs and status words:

* JPKI-AP: the 利用者証明用 / 署名用 certificates and CA certificates of the repository's test PKI
  (tools/jpki_test_pki.cpp, `--out DIR`), COMPUTE DIGITAL SIGNATURE with their private keys
  (PKCS#1 v1.5 over the host's DigestInfo, done by `openssl pkeyutl`), PIN 3 tries, password 5;
* 券面事項入力補助AP: a generated 個人番号 (FF10) and the four attributes (FF20/DF21-DF25) taken
  from the signature certificate's SAN inputs, opened by the PIN or 照合番号A/B;
* 券面事項確認AP: the card face (FF20) opened by 照合番号A or B; images are synthetic
  placeholders (a 1x1 PNG, a JPEG 2000 signature box), not real renderings;
* 住基AP: its PIN only.

Retry counters are real: a wrong value decrements, 63C0 blocks, later attempts get 6984; a
correct value resets the counter. Power-off and reset clear the selection and security state.
Counters live for the process lifetime. Nothing here is a real person's data.

vpcd protocol (vsmartcard, "Creating a virtual smart card"): each message is a 2-byte big-endian
length followed by that many bytes. A 1-byte message from vpcd is a control code: 0 power off,
1 power on, 2 reset, 4 "send the ATR"; any longer message is a command APDU. The card answers
the ATR request and each APDU with a length-prefixed reply; power and reset get no reply.

Usage: virtual_card.py --pki DIR [--port 35963] [--profile-out FILE] [--seed N] ...
The profile file (JSON) records the values a test needs: the number, PINs, attributes,
security code, expiry and 照合番号B. TEST DATA ONLY.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import zlib

# ATR listed for JPKI cards in OpenSC's card-jpki.c (card_jpki.md §1.6 "ATRs"); OpenSC also
# recognises the card by SELECTing the JPKI AID, and our own reader never looks at the ATR.
ATR = bytes.fromhex("3BE000FF8131FE4514")

AID_JPKI = bytes.fromhex("D392F000260100000001")
AID_TEXT = bytes.fromhex("D3921000310001010408")
AID_VISUAL = bytes.fromhex("D3921000310001010402")
AID_JUKI = bytes.fromhex("D3921000310001010401")

SW_OK = b"\x90\x00"
SW_WRONG_LENGTH = b"\x67\x00"
SW_SECURITY = b"\x69\x82"
SW_BLOCKED = b"\x69\x84"
SW_NO_EF = b"\x69\x86"
SW_NOT_FOUND = b"\x6A\x82"
SW_WRONG_P1P2 = b"\x6A\x86"
SW_WRONG_OFFSET = b"\x6B\x00"
SW_INS = b"\x6D\x00"
SW_CLA = b"\x6E\x00"


def check_digit(base11: str) -> int:
    """個人番号 check digit (平成26年総務省令第85号 第5条; same rule as check_digit.hpp)."""
    weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    remainder = sum(int(d) * w for d, w in zip(base11, weights)) % 11
    return 0 if remainder <= 1 else 11 - remainder


ERAS = [  # card_jpki.md §1.6 (after myna-card Date::to_era)
    (dt.date(2019, 5, 1), "reiwa"),
    (dt.date(1989, 1, 8), "heisei"),
    (dt.date(1926, 12, 25), "showa"),
    (dt.date(1912, 7, 30), "taisho"),
    (dt.date(1868, 1, 25), "meiji"),
]


def wareki_yymmdd(d: dt.date) -> str:
    for start, _name in ERAS:
        if d >= start:
            return f"{d.year - start.year + 1:02d}{d.month:02d}{d.day:02d}"
    raise ValueError("birth date before 明治")


def anniversary(birth: dt.date, year: int) -> dt.date:
    """The birthday in `year`; 29 February falls back to 28 February in common years."""
    try:
        return birth.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


def nth_birthday_after(birth: dt.date, after: dt.date, n: int) -> dt.date:
    first = anniversary(birth, after.year)
    if first <= after:
        first = anniversary(birth, after.year + 1)
    return anniversary(birth, first.year + n - 1)


def tlv(tag: int, value: bytes) -> bytes:
    """BER-TLV with the card's two-byte tags (FF20, DF21, ...) and definite lengths."""
    t = tag.to_bytes(2 if tag > 0xFF else 1, "big")
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    elif n <= 0xFF:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82]) + n.to_bytes(2, "big")
    return t + length + value


def record_with_offsets(outer_tag: int, offsets_tag: int, items: list[tuple[int, bytes]]) -> bytes:
    """FF20 { DFx1 offsets, items... } where the offsets (2 bytes each, from the start of the file)
    point at each item's tag, as in the myna-card test vector (card_jpki.md §1.3)."""
    encoded = [tlv(tag, value) for tag, value in items]
    offsets_len = 2 * len(items)
    body_len = len(tlv(offsets_tag, bytes(offsets_len))) + sum(len(e) for e in encoded)
    header_len = len(tlv(outer_tag, bytes(body_len))) - body_len
    pos = header_len + len(tlv(offsets_tag, bytes(offsets_len)))
    offsets = b""
    for e in encoded:
        offsets += pos.to_bytes(2, "big")
        pos += len(e)
    return tlv(outer_tag, tlv(offsets_tag, offsets) + b"".join(encoded))


def tiny_png() -> bytes:
    """A valid 1x1 white PNG (placeholder for the name/address/code images)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x80")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


# JPEG 2000 signature box only: marks the photo's format, holds no picture.
JP2_PLACEHOLDER = bytes.fromhex("0000000C6A5020200D0A870A")


class Credential:
    def __init__(self, name: str, value: str, max_tries: int):
        self.name = name
        self.value = value.encode("ascii")
        self.max_tries = max_tries
        self.tries = max_tries


class EF:
    def __init__(self, data: bytes = b"", needs: tuple[str, ...] = (), credential: Credential | None = None,
                 key: str | None = None):
        self.data = data
        self.needs = needs              # credential names, any of which opens the file
        self.credential = credential    # a key-reference EF (VERIFY target)
        self.key = key                  # a private-key EF: path of the PEM key


class VirtualCard:
    def __init__(self, args: argparse.Namespace):
        pki = args.pki
        with open(os.path.join(pki, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        certs = {c["id"]: c for c in manifest["certificates"]}

        def der(cert_id: str) -> bytes:
            with open(os.path.join(pki, certs[cert_id]["der"]), "rb") as f:
                return f.read()

        rng = random.Random(args.seed)
        sign = certs["sign_good"]
        attrs = sign["attributes"]
        birth = dt.date.fromisoformat(attrs["birth_date"])
        issued = dt.date.fromisoformat(args.issued) if args.issued else dt.date.today()
        expiry = nth_birthday_after(birth, issued, 10)  # the holder is an adult
        base = "".join(str(rng.randrange(10)) for _ in range(11))
        number = base + str(check_digit(base))
        security_code = args.security_code or f"{rng.randrange(10000):04d}"
        code_b = wareki_yymmdd(birth) + f"{expiry.year:04d}" + security_code

        self.auth_pin = Credential("jpki_auth", args.auth_pin, 3)
        self.sign_password = Credential("jpki_sign", args.sign_password, 5)
        self.text_pin = Credential("text_pin", args.text_pin, 3)
        # Retry limits of the 照合番号 are UNCONFIRMED (card_jpki.md §1.6): A 3, B 10, birth key 3 here.
        self.text_code_a = Credential("text_code_a", number, 3)
        self.text_code_b = Credential("text_code_b", code_b, 10)
        self.visual_code_a = Credential("visual_code_a", number, 3)
        self.visual_code_b = Credential("visual_code_b", code_b, 10)
        self.visual_birth = Credential("visual_birth", wareki_yymmdd(birth), 3)
        self.juki_pin = Credential("juki_pin", args.juki_pin, 3)

        token_label = b"JPKIAPICCTOKEN2".ljust(32, b" ")
        jpki = {
            0x0001: EF(der("sign_good"), needs=("jpki_sign",)),
            0x0002: EF(der("sign_root")),
            0x0006: EF(token_label + bytes(128)),  # label confirmed; the rest of CK_TOKEN_INFO [1] left zero
            0x0008: EF(bytes.fromhex("8F8F00")),
            0x000A: EF(der("auth_good")),
            0x000B: EF(der("auth_root")),
            0x0017: EF(needs=("jpki_auth",), key=os.path.join(pki, certs["auth_good"]["private_key"])),
            0x0018: EF(credential=self.auth_pin),
            0x001A: EF(needs=("jpki_sign",), key=os.path.join(pki, sign["private_key"])),
            0x001B: EF(credential=self.sign_password),
        }
        number_record = tlv(0xFF10, number.encode("ascii")) + b"\xFF\xFF"
        attributes = record_with_offsets(0xFF20, 0xDF21, [
            (0xDF22, attrs["name"].encode("utf-8")),
            (0xDF23, attrs["address"].encode("utf-8")),
            (0xDF24, birth.strftime("%Y%m%d").encode("ascii")),
            (0xDF25, attrs["sex"].encode("ascii")),
        ])
        text = {
            0x0001: EF(number_record, needs=("text_pin", "text_code_a")),
            0x0002: EF(attributes, needs=("text_pin", "text_code_b")),
            0x0011: EF(credential=self.text_pin),
            0x0014: EF(credential=self.text_code_a),
            0x0015: EF(credential=self.text_code_b),
        }
        png = tiny_png()
        # The chip's card key (DF24) and face signature (DF28) are left out: their format is [1].
        face = record_with_offsets(0xFF20, 0xDF21, [
            (0xDF22, birth.strftime("%Y%m%d").encode("ascii")),
            (0xDF23, attrs["sex"].encode("ascii")),
            (0xDF25, png),
            (0xDF26, png),
            (0xDF27, JP2_PLACEHOLDER),
            (0xDF29, expiry.strftime("%Y%m%d").encode("ascii")),
            (0xDF2A, png),
        ])
        visual = {
            0x0002: EF(face, needs=("visual_code_a", "visual_code_b")),
            0x0011: EF(credential=self.visual_birth),
            0x0012: EF(credential=self.visual_code_b),
            0x0013: EF(credential=self.visual_code_a),
        }
        juki = {0x001C: EF(credential=self.juki_pin)}
        self.apps = {AID_JPKI: jpki, AID_TEXT: text, AID_VISUAL: visual, AID_JUKI: juki}

        self.profile = {
            "format": "mynumber-virtual-card/1",
            "individual_number": number,
            "auth_pin": args.auth_pin,
            "sign_password": args.sign_password,
            "text_pin": args.text_pin,
            "juki_pin": args.juki_pin,
            "name": attrs["name"],
            "address": attrs["address"],
            "birth_date": birth.isoformat(),
            "sex": attrs["sex"],
            "issued": issued.isoformat(),
            "expiry": expiry.isoformat(),
            "security_code": security_code,
            "verification_code_b": code_b,
            "certificates": {"auth": certs["auth_good"]["der"], "sign": sign["der"],
                             "auth_ca": certs["auth_root"]["der"], "sign_ca": certs["sign_root"]["der"]},
            "pki": os.path.abspath(pki),
        }
        self.reset()

    # -- session state ----------------------------------------------------------------------
    def reset(self) -> None:
        self.app: dict[int, EF] | None = None
        self.ef: EF | None = None
        self.verified: set[str] = set()

    # -- APDU processing ----------------------------------------------------------------------
    def process(self, apdu: bytes) -> bytes:
        if len(apdu) < 4:
            return SW_WRONG_LENGTH
        cla, ins, p1, p2 = apdu[0], apdu[1], apdu[2], apdu[3]
        body = apdu[4:]
        lc, data, le = 0, b"", None
        if len(body) == 1:
            le = body[0] or 256
        elif len(body) > 1:
            lc = body[0]
            data = body[1:1 + lc]
            if len(data) != lc:
                return SW_WRONG_LENGTH
            rest = body[1 + lc:]
            if len(rest) > 1:
                return SW_WRONG_LENGTH
            if rest:
                le = rest[0] or 256
        if cla == 0x80 and ins == 0x2A:
            return self.compute_signature(p1, p2, data)
        if cla != 0x00:
            return SW_CLA
        if ins == 0xA4:
            return self.select(p1, p2, data)
        if ins == 0xB0:
            return self.read_binary(p1, p2, le or 256)
        if ins == 0x20:
            return self.verify(p1, p2, data)
        if ins == 0x24:
            return self.change(p1, p2, data)
        return SW_INS

    def select(self, p1: int, p2: int, data: bytes) -> bytes:
        if p1 == 0x04:
            app = self.apps.get(bytes(data))
            if app is None:
                return SW_NOT_FOUND
            if app is not self.app:
                self.app, self.ef = app, None
            return SW_OK
        if p1 == 0x02 and len(data) == 2:
            if self.app is None:
                return SW_NOT_FOUND
            ef = self.app.get(int.from_bytes(data, "big"))
            if ef is None:
                return SW_NOT_FOUND
            self.ef = ef
            return SW_OK
        return SW_NOT_FOUND if p1 in (0x00, 0x01, 0x08, 0x09) else SW_WRONG_P1P2

    def is_open(self, ef: EF) -> bool:
        return not ef.needs or any(n in self.verified for n in ef.needs)

    def read_binary(self, p1: int, p2: int, le: int) -> bytes:
        if p1 & 0x80:
            return SW_WRONG_P1P2  # short-EF addressing is not offered
        ef = self.ef
        if ef is None or ef.credential is not None or ef.key is not None:
            return SW_NO_EF
        if not self.is_open(ef):
            return SW_SECURITY
        offset = (p1 << 8) | p2
        if offset > len(ef.data):
            return SW_WRONG_OFFSET
        return ef.data[offset:offset + le] + SW_OK

    def verify(self, p1: int, p2: int, data: bytes) -> bytes:
        ef = self.ef
        if p1 != 0x00 or p2 != 0x80:
            return SW_WRONG_P1P2
        if ef is None or ef.credential is None:
            return SW_NO_EF
        c = ef.credential
        if not data:  # status query: never uses a try
            return bytes([0x63, 0xC0 | c.tries])
        if c.tries == 0:
            return SW_BLOCKED
        if data == c.value:
            c.tries = c.max_tries
            self.verified.add(c.name)
            return SW_OK
        c.tries -= 1
        self.verified.discard(c.name)
        return bytes([0x63, 0xC0 | c.tries])

    def change(self, p1: int, p2: int, data: bytes) -> bytes:
        ef = self.ef
        if p1 != 0x01 or p2 != 0x80:
            return SW_WRONG_P1P2
        if ef is None or ef.credential is None:
            return SW_NO_EF
        if ef.credential.name not in self.verified:
            return SW_SECURITY
        if not data:
            return SW_WRONG_LENGTH
        ef.credential.value = bytes(data)
        return SW_OK

    def compute_signature(self, p1: int, p2: int, data: bytes) -> bytes:
        ef = self.ef
        if p1 != 0x00 or p2 != 0x80:
            return SW_WRONG_P1P2
        if ef is None or ef.key is None:
            return SW_NO_EF
        if not self.is_open(ef):
            return SW_SECURITY
        if not data or len(data) > 245:
            return SW_WRONG_LENGTH
        # Raw PKCS#1 v1.5 (block type 1) over the DigestInfo the host built.
        with tempfile.NamedTemporaryFile() as f:
            f.write(data)
            f.flush()
            out = subprocess.run(["openssl", "pkeyutl", "-sign", "-inkey", ef.key, "-in", f.name,
                                  "-pkeyopt", "rsa_padding_mode:pkcs1"], capture_output=True, check=False)
        if out.returncode != 0 or len(out.stdout) != 256:
            return b"\x6F\x00"
        return out.stdout + SW_OK


def recv_exact(sock: socket.socket, n: int) -> bytes | None:
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def serve(card: VirtualCard, host: str, port: int, verbose: bool) -> None:
    """Connects to vpcd and serves until vpcd closes the connection, then reconnects."""
    while True:
        try:
            sock = socket.create_connection((host, port), timeout=5)
        except OSError:
            time.sleep(0.5)
            continue
        sock.settimeout(None)
        if verbose:
            print(f"virtual card: connected to vpcd at {host}:{port}", file=sys.stderr)
        with sock:
            while True:
                header = recv_exact(sock, 2)
                if header is None:
                    break
                (length,) = struct.unpack(">H", header)
                msg = recv_exact(sock, length)
                if msg is None:
                    break
                if length == 1:
                    code = msg[0]
                    if code in (0, 1, 2):  # power off / on / reset: the session state goes
                        card.reset()
                    elif code == 4:
                        sock.sendall(struct.pack(">H", len(ATR)) + ATR)
                    continue
                reply = card.process(msg)
                if verbose:
                    # Logs instruction bytes and status only, never PINs or data.
                    print(f"virtual card: {msg[:4].hex()} -> {reply[-2:].hex()}", file=sys.stderr)
                sock.sendall(struct.pack(">H", len(reply)) + reply)
        card.reset()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="virtual My Number Card for vpcd (TEST DATA ONLY)")
    p.add_argument("--pki", required=True, help="output directory of the JPKI test-PKI generator")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=35963)
    p.add_argument("--seed", type=int, default=20240101, help="seed for the generated number and code")
    p.add_argument("--issued", help="card issue date YYYY-MM-DD (default: today)")
    p.add_argument("--auth-pin", default="1234")
    p.add_argument("--sign-password", default="TEST1234")
    p.add_argument("--text-pin", default="5678")
    p.add_argument("--juki-pin", default="4321")
    p.add_argument("--security-code")
    p.add_argument("--profile-out", help="write the card's test values (JSON) here")
    p.add_argument("--verbose", action="store_true")
    args = p.parse_args(argv)
    card = VirtualCard(args)
    if args.profile_out:
        tmp = args.profile_out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(card.profile, f, ensure_ascii=False, indent=2)
        os.replace(tmp, args.profile_out)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        serve(card, args.host, args.port, args.verbose)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
