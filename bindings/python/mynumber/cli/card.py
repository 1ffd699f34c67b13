"""Card commands: ``mynumber card status|read-info|read-cert|sign|virtual|expiry``.

PINs and passwords are read from the terminal without echo, or one per line from stdin when
stdin is not a terminal; never from the command line. Individual Numbers are masked unless
--reveal. Every VERIFY is guarded (docs/card.md): a credential with one try left is refused
unless --allow-last-try is given. Exit codes: 0 done, 2 card, reader, PIN or input error.
"""

from __future__ import annotations

import argparse
import base64
import getpass
import json
import os
import ssl
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

from .. import card as _card
from . import EXIT_OK, EXIT_USAGE, common_options

STATUS_KINDS = ("jpki_auth", "jpki_sign", "text_pin", "text_code_b", "visual_code_b", "juki_pin")
CERT_KINDS = {"auth": "auth", "sign": "sign", "auth-ca": "auth_ca", "sign-ca": "sign_ca"}


def _secret(prompt: str) -> str:
    """One secret: from the terminal without echo, else the next line of stdin."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise EOFError(f"no value on stdin for: {prompt.strip()}")
    return line.rstrip("\r\n")


def _emit(args: argparse.Namespace, record: Dict[str, Any], lines: List[str]) -> None:
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("\n".join(lines) + "\n")


def _reader(args: argparse.Namespace) -> _card.Reader:
    return _card.Reader(args.reader, wait=args.wait)


def _status(args: argparse.Namespace) -> int:
    specs = {s["kind"]: s for s in _card.pin_specs()}
    record: Dict[str, Any] = {}
    lines = []
    with _reader(args) as r:
        for kind in STATUS_KINDS:
            tries = r.pin_status(kind)
            limit = specs[kind]["max_tries"]
            record[kind] = {"tries_left": tries, "max_tries": limit}
            shown = "verified" if tries is None else f"{tries} of {limit if limit is not None else '?'}"
            lines.append(f"{specs[kind]['name_ja']} ({kind}): {shown}" + ("  BLOCKED" if tries == 0 else ""))
    _emit(args, record, lines)
    return EXIT_OK


def _read_info(args: argparse.Namespace) -> int:
    reveal = getattr(args, "reveal", False)
    record: Dict[str, Any] = {}
    with _reader(args) as r:
        if args.code_b:
            info = r.read_basic_info(code_b=_secret("照合番号B (14 digits): "), allow_last_try=args.allow_last_try)
        else:
            pin = _secret("券面事項入力補助用暗証番号 (4 digits): ")
            number = r.read_my_number(pin, allow_last_try=args.allow_last_try)
            record["individual_number"] = number.reveal() if reveal else number.masked()
            info = r.read_basic_info(pin=pin, allow_last_try=args.allow_last_try)
    record.update(info)
    lines = []
    if "individual_number" in record:
        lines.append(f"個人番号: {record['individual_number']}")
    lines += [f"氏名: {info['name']}", f"住所: {info['address']}", f"生年月日: {info['birth_date']}",
              f"性別: {info['sex']}"]
    _emit(args, record, lines)
    return EXIT_OK


def _read_cert(args: argparse.Namespace) -> int:
    kind = CERT_KINDS[args.kind]
    password = _secret("署名用パスワード: ") if kind == "sign" else None
    with _reader(args) as r:
        der = r.read_certificate(kind, password=password, allow_last_try=args.allow_last_try)
    data = der if args.der else ssl.DER_cert_to_PEM_cert(der).encode("ascii")
    if args.output:
        Path(args.output).write_bytes(data)
    elif args.der:
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data.decode("ascii"))
    return EXIT_OK


def _sign(args: argparse.Namespace) -> int:
    message = Path(args.input).read_bytes()  # stdin is kept for the password
    prompt = "署名用パスワード: " if args.key == "sign" else "利用者証明用暗証番号 (4 digits): "
    secret = _secret(prompt)
    with _reader(args) as r:
        signature = r.sign(secret, _card.sha256(message), key=args.key, allow_last_try=args.allow_last_try)
    if args.output:
        Path(args.output).write_bytes(signature)
    else:
        sys.stdout.write(base64.b64encode(signature).decode("ascii") + "\n")
    return EXIT_OK


def _virtual_card_script() -> Path:
    """tools/virtual_card.py of the source checkout this package runs from (or $MYNUMBER_SOURCE_DIR)."""
    candidates = []
    if os.environ.get("MYNUMBER_SOURCE_DIR"):
        candidates.append(Path(os.environ["MYNUMBER_SOURCE_DIR"]))
    here = Path(__file__).resolve()
    candidates += list(here.parents) + [Path.cwd()] + list(Path.cwd().parents)
    for base in candidates:
        script = base / "tools" / "virtual_card.py"
        if script.is_file():
            return script
    raise FileNotFoundError("tools/virtual_card.py not found: run from a source checkout or set MYNUMBER_SOURCE_DIR")


def _virtual(args: argparse.Namespace) -> int:
    command = [sys.executable, str(_virtual_card_script()), "--pki", args.pki, "--port", str(args.port),
               "--seed", str(args.seed)]
    if args.profile_out:
        command += ["--profile-out", args.profile_out]
    if args.verbose:
        command.append("--verbose")
    return subprocess.call(command)


def _expiry(args: argparse.Namespace) -> int:
    residence = "fixed_term" if args.foreign else ("permanent" if args.permanent else "japanese")
    e = _card.expiry(args.birth, args.issued, application_received=args.received, residence=residence,
                     stay_until=args.foreign)
    cert = _card.certificate_expiry(args.birth, args.issued, e.date)
    record = {"card_expiry": e.date.isoformat(), "reason": e.reason, "adult": e.adult,
              "ends_at": e.ends_at.isoformat(), "certificate_expiry": cert.date.isoformat(),
              "certificate_reason": cert.reason}
    lines = [f"card: valid until {e.date.isoformat()} 23:59:59 JST ({e.reason}; "
             f"{'adult' if e.adult else 'minor'} at issue)",
             f"electronic certificates issued {args.issued}: until {cert.date.isoformat()} 23:59:59 JST "
             f"({cert.reason})"]
    _emit(args, record, lines)
    return EXIT_OK


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    group = subparsers.add_parser("card", help="My Number Card (個人番号カード): read, sign, expiry rules",
                                  description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                                  parents=[common_options()])
    commands = group.add_subparsers(dest="card_command", metavar="<card command>")
    commands.required = True

    def add(name: str, help_text: str, reader: bool = True) -> argparse.ArgumentParser:
        p = commands.add_parser(name, help=help_text, description=help_text, parents=[common_options()])
        if reader:
            p.add_argument("--reader", default="", help="PC/SC reader name (default: the first with a card)")
            p.add_argument("--wait", type=float, default=0.0, help="seconds to wait for a card")
            p.add_argument("--allow-last-try", action="store_true",
                           help="allow a VERIFY that uses the credential's last try")
        return p

    p = add("status", "tries left for each PIN (uses no try)")
    p.set_defaults(func=_status)

    p = add("read-info", "read the 個人番号 and 基本4情報 (PIN), or only 基本4情報 (--code-b)")
    p.add_argument("--code-b", action="store_true", help="open with 照合番号B instead of the PIN")
    p.set_defaults(func=_read_info)

    p = add("read-cert", "read a JPKI certificate (PEM, or DER with --der)")
    p.add_argument("--kind", choices=sorted(CERT_KINDS), default="auth")
    p.add_argument("--der", action="store_true")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.set_defaults(func=_read_cert)

    p = add("sign", "sign a file's SHA-256 with the card (prints base64, or raw bytes with -o)")
    p.add_argument("--in", dest="input", required=True, help="file to sign")
    p.add_argument("--key", choices=("sign", "auth"), default="sign")
    p.add_argument("-o", "--output", help="write the raw 256-byte signature here")
    p.set_defaults(func=_sign)

    p = add("virtual", "serve the virtual test card to vpcd (needs pcscd + vsmartcard-vpcd)", reader=False)
    p.add_argument("--pki", required=True, help="directory written by the JPKI test-PKI generator (--out DIR)")
    p.add_argument("--port", type=int, default=35963)
    p.add_argument("--seed", type=int, default=20240101)
    p.add_argument("--profile-out", help="write the card's test values (JSON) here")
    p.add_argument("--verbose", action="store_true")
    p.set_defaults(func=_virtual)

    p = add("expiry", "card and certificate expiry for a birth and issue date", reader=False)
    p.add_argument("--birth", required=True, help="YYYY-MM-DD")
    p.add_argument("--issued", required=True, help="YYYY-MM-DD")
    p.add_argument("--received", help="application received (申請受付日), default: --issued")
    p.add_argument("--foreign", metavar="STAY_UNTIL",
                   help="fixed-term foreign resident whose period of stay ends on STAY_UNTIL")
    p.add_argument("--permanent", action="store_true", help="foreign permanent resident (no cap)")
    p.set_defaults(func=_expiry)


__all__ = ["register"]
