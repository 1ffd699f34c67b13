"""Sensitive-data commands: token, seal, unseal, reseal, audit (verify / append / certificate),
key generate.

Keys are read from a key file (``--key-file``) or an environment variable (``--key-env``, default
``MYNUMBER_KEYS``), never from the command line. Individual Numbers are masked in every output
unless ``--reveal`` is given. Numbers and sealed values are read from the arguments or, better
(other users can see arguments in ``ps``), from ``-f FILE`` or stdin, one per line.

Batch rule: every input line gets a result; a bad line is reported (on stderr in text mode, as
an ``error`` record with ``--json``) without dropping the good ones, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Dict, Iterator, Optional, Tuple

from .. import _core, _secure
from .._optional import is_built
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE, common_options

DEFAULT_KEY_ENV = "MYNUMBER_KEYS"


class _UsageError(Exception):
    pass


# ---- helpers --------------------------------------------------------------------------------


def _add_key_options(parser: argparse.ArgumentParser, required: bool = True) -> None:
    what = "" if required else " (for a keyed, HMAC-chained log)"
    parser.add_argument("--key-file", metavar="PATH", help=f"key file of 'mnk1:<id>:<hex>' entries, mode 0600{what}")
    parser.add_argument("--key-env", metavar="NAME",
                        help=f"environment variable holding key entries{what} (default: {DEFAULT_KEY_ENV})")


def _optional_ring(args: argparse.Namespace) -> Optional[_secure.KeyRing]:
    """The ring named by --key-file / --key-env, or None when neither is given."""
    if args.key_file and args.key_env:
        raise _UsageError("give --key-file or --key-env, not both")
    if args.key_file:
        return _secure.KeyRing.load_file(args.key_file)
    if args.key_env:
        return _secure.KeyRing.from_env(args.key_env)
    return None


def _ring(args: argparse.Namespace) -> _secure.KeyRing:
    """The ring named by the options, else the one in $MYNUMBER_KEYS; never from argv."""
    ring = _optional_ring(args)
    if ring is not None:
        return ring
    if DEFAULT_KEY_ENV not in os.environ:
        raise _UsageError(f"no keys: pass --key-file PATH or set {DEFAULT_KEY_ENV} (keys are never read from "
                          "the command line)")
    return _secure.KeyRing.from_env(DEFAULT_KEY_ENV)


def _add_inputs(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("values", nargs="*", metavar="VALUE",
                        help=f"{what} (default: read -f FILE or stdin; prefer those, arguments show in ps)")
    parser.add_argument("-f", "--file", metavar="FILE", help="read one value per line from FILE ('-' = stdin)")


def _inputs(args: argparse.Namespace) -> Iterator[Tuple[int, str]]:
    """(line number, text) of each non-blank input."""
    if args.values:
        for i, v in enumerate(args.values, 1):
            yield i, v
        return
    source = args.file or "-"
    if source == "-" and sys.stdin.isatty():
        raise _UsageError("no input given: pass values as arguments, with -f FILE, or on stdin")
    stream = sys.stdin if source == "-" else open(source, encoding="utf-8")
    try:
        for i, line in enumerate(stream, 1):
            text = line.rstrip("\r\n")
            if text.strip():
                yield i, text
    finally:
        if stream is not sys.stdin:
            stream.close()


def _add_record_inputs(parser: argparse.ArgumentParser, what: str) -> None:
    """The inputs, --record and the key options of the commands that work per record (seal, unseal,
    reseal); read back by _record_inputs."""
    _add_inputs(parser, what)
    parser.add_argument("--record", metavar="ID", help="record id of every input")
    _add_key_options(parser)


def _pair(text: str) -> Tuple[str, str]:
    """A batch line 'record_id<TAB>value'."""
    record, sep, value = text.partition("\t")
    if not sep:
        raise _UsageError("batch lines must be 'record_id<TAB>value'")
    return record, value


def _record_inputs(args: argparse.Namespace) -> Iterator[Tuple[int, str, Optional[str]]]:
    """(line, record id, value) per input: the record id from --record, else from a
    'record_id<TAB>value' batch line. A malformed batch line is reported here and yields value None."""
    for line, text in _inputs(args):
        if args.record is not None:
            yield line, args.record, text
            continue
        try:
            record, value = _pair(text)
        except _UsageError as exc:
            print(f"mynumber: line {line}: {exc}", file=sys.stderr)
            yield line, "", None
            continue
        yield line, record, value


def _show(value: str, reveal: bool) -> str:
    """An input that may be a number: shown masked unless --reveal (mask.hpp: last 4 visible)."""
    return value.strip() if reveal else _core.mask_text(value.strip())


def _emit(args: argparse.Namespace, record: Dict[str, Any], text: str) -> None:
    if args.json:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(text + "\n")


def _error_record(exc: _core.MyNumberError) -> Dict[str, Any]:
    return {"reason": exc.reason, "message": str(exc), "position": exc.position}


def _report(args: argparse.Namespace, line: int, record: Dict[str, Any], exc: _core.MyNumberError) -> None:
    if args.json:
        record = dict(record, line=line, error=_error_record(exc))
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        print(f"mynumber: line {line}: {exc}", file=sys.stderr)


def _check_basis(basis: Optional[str]) -> None:
    """A legal basis must be a rule id of the law module when that module is compiled in."""
    if basis is None or not is_built("law"):
        return
    from .._law import law_rule_ids

    if basis not in law_rule_ids():
        raise _UsageError(f"unknown legal basis {basis!r}: use a rule id of the law module (e.g. A9.RELATED_AFFAIRS)")


def _audit(args: argparse.Namespace, action: str, record_id: str) -> None:
    """Appends an access event when --audit-log is given."""
    if not getattr(args, "audit_log", None):
        return
    log = _secure.AuditLog(args.audit_log)
    log.append(actor=args.actor, action=action, purpose=args.purpose, record_id=record_id,
               legal_basis=args.basis)


def _add_audit_options(parser: argparse.ArgumentParser, action: str) -> None:
    parser.add_argument("--audit-log", metavar="LOG", help=f"append a '{action}' event per record to this audit log")
    parser.add_argument("--actor", help="who (required with --audit-log)")
    parser.add_argument("--purpose", help="why (required with --audit-log)")
    parser.add_argument("--basis", help="legal basis: a rule id of the law module")


def _check_audit_options(args: argparse.Namespace) -> None:
    if getattr(args, "audit_log", None) and not (args.actor and args.purpose):
        raise _UsageError("--audit-log needs --actor and --purpose")
    _check_basis(getattr(args, "basis", None))


def _usage_guard(handler: Any) -> Any:
    def run(args: argparse.Namespace) -> int:
        try:
            return int(handler(args))
        except _UsageError as exc:
            print(f"mynumber: {exc}", file=sys.stderr)
            return EXIT_USAGE
    return run


# ---- commands -------------------------------------------------------------------------------


def cmd_token(args: argparse.Namespace) -> int:
    ring = _ring(args)
    status = EXIT_OK
    for line, text in _inputs(args):
        shown = _show(text, args.reveal)
        try:
            token = _secure.derive_token(text, args.domain, ring)
        except _core.MyNumberError as exc:
            _report(args, line, {"input": shown}, exc)
            status = EXIT_INVALID
            continue
        _emit(args, {"input": shown, "domain": args.domain, "token": str(token)}, f"{shown}\t{token}")
    return status


def cmd_seal(args: argparse.Namespace) -> int:
    ring = _ring(args)
    _check_audit_options(args)
    status = EXIT_OK
    for line, record, value in _record_inputs(args):
        if value is None:
            status = EXIT_INVALID
            continue
        try:
            sealed = _secure.seal(value, record, ring)
            _audit(args, "store", record)
        except _core.MyNumberError as exc:
            _report(args, line, {"record": record, "input": _show(value, args.reveal)}, exc)
            status = EXIT_INVALID
            continue
        _emit(args, {"record": record, "sealed": str(sealed)}, f"{record}\t{sealed}")
    return status


def _open(args: argparse.Namespace, reseal: bool) -> int:
    ring = _ring(args)
    _check_audit_options(args)
    status = EXIT_OK
    for line, record, value in _record_inputs(args):
        if value is None:
            status = EXIT_INVALID
            continue
        try:
            sealed = _secure.SealedValue.parse(value.strip())
            if reseal:
                again = _secure.reseal(sealed, record, ring)
                _emit(args, {"record": record, "sealed": str(again)}, f"{record}\t{again}")
                continue
            number = _secure.unseal(sealed, record, ring)
            if args.reveal:
                _audit(args, "reveal", record)
        except _core.MyNumberError as exc:
            _report(args, line, {"record": record}, exc)
            status = EXIT_INVALID
            continue
        shown = number.reveal() if args.reveal else str(number)
        _emit(args, {"record": record, "number": shown}, f"{record}\t{shown}")
    return status


def cmd_unseal(args: argparse.Namespace) -> int:
    return _open(args, reseal=False)


def cmd_reseal(args: argparse.Namespace) -> int:
    return _open(args, reseal=True)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    ring = _optional_ring(args)
    expected: Optional[Tuple[int, str]] = None
    if args.expect_head:
        entries, sep, digest = args.expect_head.partition(":")
        if not sep or not entries.isdigit():
            raise _UsageError("--expect-head must be ENTRIES:HASH")
        expected = (int(entries), digest)
    log = _secure.AuditLog(args.log, ring)
    try:
        entries_found, head = log.verify(expected)
    except _core.TamperError as exc:
        _emit(args, {"log": args.log, "valid": False, "line": exc.position, "error": _error_record(exc)},
              f"{args.log}\tbroken\tline {exc.position}: {exc}")
        return EXIT_INVALID
    _emit(args, {"log": args.log, "valid": True, "entries": entries_found, "head": head},
          f"{args.log}\tvalid\t{entries_found} entries\thead {entries_found}:{head}")
    return EXIT_OK


def cmd_audit_append(args: argparse.Namespace) -> int:
    ring = _optional_ring(args)
    _check_basis(args.basis)
    log = _secure.AuditLog(args.log, ring)
    line = log.append(actor=args.actor, action=args.action, purpose=args.purpose, record_id=args.record,
                      legal_basis=args.basis, detail=args.detail)
    sys.stdout.write(line + "\n")
    return EXIT_OK


def cmd_audit_certificate(args: argparse.Namespace) -> int:
    ring = _optional_ring(args)
    with open(args.log, encoding="utf-8", newline="") as f:
        text = f.read()
    sys.stdout.write(_secure.deletion_certificate(text, args.issuer, record_id=args.record, ring=ring) + "\n")
    return EXIT_OK


def cmd_key_generate(args: argparse.Namespace) -> int:
    entry = _secure.generate_key_entry(args.id)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    try:
        fd = os.open(args.out, flags, 0o600)
    except FileExistsError:
        raise _UsageError(f"{args.out} exists; refusing to overwrite a key file") from None
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write("# mynumber organisation key; the first entry is the current key\n")
        f.write(entry + "\n")
    print(f"wrote key {args.id} to {args.out} (mode 600)", file=sys.stderr)
    return EXIT_OK


# ---- registration ---------------------------------------------------------------------------


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    common = common_options()

    p = subparsers.add_parser("token", parents=[common], help="linkage tokens (符号-style pseudonyms) of numbers",
                              description="Derives the linkage token of each Individual Number in a linkage domain "
                              "(HMAC-SHA256 under the organisation key). Tokens are NOT anonymisation: they are "
                              "still 特定個人情報. Output: masked input, tab, token.")
    _add_inputs(p, "Individual Numbers")
    p.add_argument("--domain", required=True, help="linkage-domain label, e.g. payroll")
    _add_key_options(p)
    p.set_defaults(func=_usage_guard(cmd_token))

    p = subparsers.add_parser("seal", parents=[common], help="seal numbers (AES-256-GCM, bound to a record id)",
                              description="Seals Individual Numbers for their records. With --record, each input is "
                              "a number for that record; without it, each line is 'record_id<TAB>number'. Output: "
                              "record id, tab, sealed value.")
    _add_record_inputs(p, "numbers (or record_id<TAB>number lines)")
    _add_audit_options(p, "store")
    p.set_defaults(func=_usage_guard(cmd_seal))

    p = subparsers.add_parser("unseal", parents=[common], help="open sealed numbers (masked unless --reveal)",
                              description="Opens sealed values for their records and prints the number masked, or "
                              "in full with --reveal. A value moved to another record or edited fails as tampered.")
    _add_record_inputs(p, "sealed values (or record_id<TAB>sealed lines)")
    _add_audit_options(p, "reveal")
    p.set_defaults(func=_usage_guard(cmd_unseal))

    p = subparsers.add_parser("reseal", parents=[common], help="re-seal values under the current key (rotation)",
                              description="Opens each sealed value with the key it names and seals it again under "
                              "the current key (the first entry of the key file).")
    _add_record_inputs(p, "sealed values (or record_id<TAB>sealed lines)")
    p.set_defaults(func=_usage_guard(cmd_reseal))

    audit = subparsers.add_parser("audit", help="the hash-chained audit log",
                                  description="Append to, verify, and issue deletion certificates (廃棄記録) from a "
                                  "JSON Lines audit log. Entries name record ids, never numbers.")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="<audit command>")
    audit_sub.required = True

    p = audit_sub.add_parser("verify", parents=[common], help="verify a log (exit 1 if broken)",
                             description="Checks every entry; reports the first bad line. Keys (--key-file/--key-env) "
                             "verify a keyed log. --expect-head ENTRIES:HASH also detects entries cut off the end.")
    p.add_argument("log", metavar="LOG")
    p.add_argument("--expect-head", metavar="ENTRIES:HASH", help="the head recorded after the last append")
    _add_key_options(p, required=False)
    p.set_defaults(func=_usage_guard(cmd_audit_verify))

    p = audit_sub.add_parser("append", parents=[common], help="append one access event",
                             description="Appends one event under an exclusive lock and prints its line.")
    p.add_argument("log", metavar="LOG")
    p.add_argument("--actor", required=True)
    p.add_argument("--action", required=True, choices=["reveal", "provide", "store", "delete"])
    p.add_argument("--purpose", required=True)
    p.add_argument("--record", required=True, metavar="ID")
    p.add_argument("--basis", help="legal basis: a rule id of the law module (checked when it is compiled in)")
    p.add_argument("--detail", help="free text; for delete, the method (e.g. crypto-erase)")
    _add_key_options(p, required=False)
    p.set_defaults(func=_usage_guard(cmd_audit_append))

    p = audit_sub.add_parser("certificate", parents=[common], help="deletion certificate (廃棄記録) as JSON",
                             description="Verifies the log, then prints the delete entries (optionally of one "
                             "record) with the log head they were checked against.")
    p.add_argument("log", metavar="LOG")
    p.add_argument("--issuer", required=True)
    p.add_argument("--record", metavar="ID")
    _add_key_options(p, required=False)
    p.set_defaults(func=_usage_guard(cmd_audit_certificate))

    key = subparsers.add_parser("key", help="organisation keys",
                                description="Key management. Keys are written to files with mode 600, never printed.")
    key_sub = key.add_subparsers(dest="key_command", metavar="<key command>")
    key_sub.required = True
    p = key_sub.add_parser("generate", parents=[common], help="write a new random key file",
                           description="Writes a new key file (refuses to overwrite). To rotate, put the new entry "
                           "first in the key file the application uses, keep the old one below it, re-seal and "
                           "re-derive, then remove the old entry.")
    p.add_argument("--id", required=True, help="key id: 1-64 of A-Z a-z 0-9 _ -")
    p.add_argument("--out", required=True, metavar="PATH")
    p.set_defaults(func=_usage_guard(cmd_key_generate))
