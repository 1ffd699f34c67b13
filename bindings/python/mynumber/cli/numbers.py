"""Number commands: validate, check-digit, normalize, format, generate, convert.

Display rule: a valid Corporate Number or T-number is public and printed in full; an Individual
Number, and any input that did not validate (it may be a mistyped My Number), is masked unless
--reveal is given.
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import _core
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE, common_options

# Start-up time is most of a short run: typing is not imported at run time, and json only by the
# paths that write JSON.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO, Any, Dict, Iterator, List, Optional, Tuple, Union

    Text = Union[str, bytes]
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

KIND_CODES = {"individual": 0, "corporate": 1, "auto": 2}
CHUNK_SIZE = 1 << 20  # size of the one reused buffer of the streaming validator
MAX_LINE = 1 << 20  # the buffer holds at least this much; a line that does not fit is reported as
# too_long without its text


# ---- helpers --------------------------------------------------------------------------------


def _emit(args: argparse.Namespace, record: Dict[str, Any], text: str) -> None:
    if args.json:
        _write_json(record)
    else:
        sys.stdout.write(text + "\n")


def _write_json(record: Dict[str, Any]) -> None:
    import json

    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _as_str(value: Text) -> str:
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else value


def _hidden(value: Text, reveal: bool) -> str:
    """An input that is shown masked unless --reveal (mask.hpp's rule: last 4 characters visible)."""
    text = _as_str(value).strip()
    return text if reveal else _core.mask_text(text)


def _digit_count(value: Text) -> Optional[int]:
    try:
        return len(_core.compact(value))
    except _core.InvalidNumberError:
        return None


def _auto_kind(value: Text, kind: str, corporate_length: int) -> str:
    if kind != "auto":
        return kind
    return "corporate" if _digit_count(value) == corporate_length else "individual"


class Outcome:
    """The result of checking one input, ready to print. (A plain class: importing dataclasses
    costs more than a short `mynumber validate` run spends validating.)"""

    __slots__ = ("kind", "valid", "display", "digits", "error")

    def __init__(self, kind: str, valid: bool, display: str, digits: Optional[str] = None,
                 error: Optional[_core.MyNumberError] = None) -> None:
        self.kind = kind
        self.valid = valid
        self.display = display
        self.digits = digits
        self.error = error

    def record(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {"input": self.display, "kind": self.kind, "valid": self.valid}
        if self.error is not None:
            out.update(reason=self.error.reason, message=str(self.error), position=self.error.position,
                       expected=self.error.expected)
        return out

    def text(self) -> str:
        if self.valid:
            return f"{self.display}\tvalid\t{self.kind}"
        return f"{self.display}\tinvalid\t{self.kind}: {self.error}"


def _check(value: Text, kind: str, strict: bool, reveal: bool) -> Outcome:
    """Validates one input and explains the result (the per-record path: every line printed by
    the streaming validator goes through here). The error comes back from C++ unraised."""
    kind, result = _core._check_number(value, KIND_CODES[kind], strict)
    if not isinstance(result, str):
        return Outcome(kind, False, _hidden(value, reveal), error=result)
    shown = result if (reveal or kind == "corporate") else _core.mask_text(result)
    return Outcome(kind, True, shown, digits=result)


def _make_error(code: int, message: str) -> _core.InvalidNumberError:
    error = _core.InvalidNumberError(message)
    error.code, error.reason, error.position, error.expected = code, _core.reason_name(code), None, None
    return error


def _open_input(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    return open(path, "rb")


def _iter_lines(args: argparse.Namespace) -> Iterator[Text]:
    """Inputs of the simple commands: arguments, else -f FILE, else stdin; blank lines skipped."""
    if args.numbers:
        yield from args.numbers
        return
    source = args.file if args.file is not None else "-"
    if source == "-" and sys.stdin.isatty():
        raise _UsageError("no numbers given: pass them as arguments, with -f FILE, or on stdin")
    stream = _open_input(source)
    try:
        for raw in stream:
            line = raw.rstrip(b"\r\n")
            if line.strip():
                yield line
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


class _UsageError(Exception):
    pass


def _add_inputs(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("numbers", nargs="*", metavar="NUMBER", help=f"{what} (default: read -f FILE or stdin)")
    parser.add_argument("-f", "--file", metavar="FILE", help="read one value per line from FILE ('-' = stdin)")


def _add_kind(parser: argparse.ArgumentParser, default: str = "auto", auto: bool = True) -> None:
    choices = ["individual", "corporate"] + (["auto"] if auto else [])
    parser.add_argument("-k", "--kind", choices=choices, default=default,
                        help="number kind; auto decides by digit count after normalisation "
                        f"(default: {default})")


def _usage_guard(handler: Any) -> Any:
    def run(args: argparse.Namespace) -> int:
        try:
            return int(handler(args))
        except _UsageError as exc:
            print(f"mynumber {args.command}: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except FileNotFoundError as exc:
            print(f"mynumber {args.command}: cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
    return run


# ---- validate -------------------------------------------------------------------------------


class _Progress:
    """A one-line progress display on stderr, shown only when stderr is a terminal."""

    def __init__(self, enabled: bool, total: Optional[int]) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.total = total
        self.shown = False

    def update(self, done: int, records: int) -> None:
        if not self.enabled:
            return
        if self.total:
            fraction = min(done / self.total, 1.0)
            bar = "#" * int(fraction * 30)
            sys.stderr.write(f"\r[{bar:<30}] {fraction * 100:5.1f}%  {records:,} records")
        else:
            sys.stderr.write(f"\r{done / 1e6:,.1f} MB  {records:,} records")
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()


def _line_stream(stream: IO[bytes], kind: int, lenient: bool, report_all: bool) -> Any:
    """The C++ streaming validator over `stream`: straight from its file descriptor (GIL released)
    when it has one, else through its readinto(). `stream` must be freshly opened (nothing read
    into its Python-side buffer yet), as stdin and open(path, "rb") are here."""
    source: Any
    try:
        source = stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        source = stream
    return _core._LineStream(source, kind=kind, lenient=lenient, report_all=report_all,
                              buffer_size=max(CHUNK_SIZE, MAX_LINE))


def _validate_stream(args: argparse.Namespace, stream: IO[bytes], total: Optional[int]) -> int:
    progress = _Progress(not args.no_progress, total)
    lines = _line_stream(stream, KIND_CODES[args.kind], not args.strict, bool(args.json or args.all))
    valid = invalid = 0
    try:
        while True:
            chunk = lines.next()
            if chunk is None:
                break
            done, chunk_valid, chunk_invalid, reports = chunk
            valid += chunk_valid
            invalid += chunk_invalid
            for line, _code, raw in reports:
                if raw is None:
                    too_long = _make_error(3, _core.describe(3))
                    outcome = Outcome(args.kind, False, "(line longer than 1 MiB)", error=too_long)
                else:
                    outcome = _check(raw, args.kind, args.strict, args.reveal)
                # Each printed line costs more than validating thousands: build only what is printed.
                if args.json:
                    record = outcome.record()
                    record["line"] = line
                    _write_json(record)
                else:
                    sys.stdout.write(f"line {line}: {outcome.text()}\n")
            progress.update(done, valid + invalid)
    finally:
        progress.finish()
    if not args.json:
        print(f"{valid + invalid:,} numbers: {valid:,} valid, {invalid:,} invalid", file=sys.stderr)
    return EXIT_OK if invalid == 0 else EXIT_INVALID


def cmd_validate(args: argparse.Namespace) -> int:
    if args.numbers:
        if args.file is not None:
            raise _UsageError("give numbers as arguments or with -f, not both")
        worst = EXIT_OK
        for value in args.numbers:
            outcome = _check(value, args.kind, args.strict, args.reveal)
            _emit(args, outcome.record(), outcome.text())
            if not outcome.valid:
                worst = EXIT_INVALID
        return worst
    source = args.file if args.file is not None else "-"
    if source == "-":
        if sys.stdin.isatty():
            raise _UsageError("no numbers given: pass them as arguments, with -f FILE, or on stdin")
        return _validate_stream(args, sys.stdin.buffer, None)
    with open(source, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        return _validate_stream(args, stream, size or None)


# ---- check-digit, normalize, format ---------------------------------------------------------


def cmd_check_digit(args: argparse.Namespace) -> int:
    worst = EXIT_OK
    for value in _iter_lines(args):
        kind = _auto_kind(value, args.kind, corporate_length=12)
        calc = _core.calc_check_digit_individual if kind == "individual" else _core.calc_check_digit_corporate
        try:
            digit = calc(_core.compact(value))
        except _core.InvalidNumberError as exc:
            outcome = Outcome(kind, False, _hidden(value, args.reveal), error=exc)
            _emit(args, outcome.record(), outcome.text())
            worst = EXIT_INVALID
            continue
        # The base of a corporate number is 12 digits, like a My Number: masked as well.
        shown = _hidden(value, args.reveal)
        _emit(args, {"input": shown, "kind": kind, "check_digit": int(digit)}, f"{shown}\t{digit}")
    return worst


def _each_valid(args: argparse.Namespace, render: Any) -> int:
    worst = EXIT_OK
    for value in _iter_lines(args):
        outcome = _check(value, args.kind, args.strict, args.reveal)
        if not outcome.valid:
            _emit(args, outcome.record(), outcome.text())
            worst = EXIT_INVALID
            continue
        text = render(outcome)
        _emit(args, {"input": _hidden(value, args.reveal) if outcome.kind == "individual" else _as_str(value),
                     "kind": outcome.kind, "valid": True, "output": text}, text)
    return worst


def cmd_normalize(args: argparse.Namespace) -> int:
    return _each_valid(args, lambda o: o.display)


def cmd_format(args: argparse.Namespace) -> int:
    def render(o: Outcome) -> str:
        sep = args.separator
        assert o.digits is not None
        if o.kind == "individual":
            return str(_core.format_individual(o.digits, reveal=args.reveal, separator=sep))
        return str(_core.format_corporate(o.digits, reveal=True, separator=sep))
    return _each_valid(args, render)


# ---- generate -------------------------------------------------------------------------------


def cmd_generate(args: argparse.Namespace) -> int:
    if args.count < 0:
        raise _UsageError("--count must not be negative")
    generate = _core.generate_individual if args.kind == "individual" else _core.generate_corporate
    numbers = generate(args.count, seed=args.seed, check_digit=args.check_digit)
    out: List[str] = []
    for digits in numbers:
        shown = digits if (args.reveal or args.kind == "corporate") else _core.mask_text(digits)
        if args.json:
            import json

            out.append(json.dumps({"number": shown, "kind": args.kind}))
        else:
            out.append(shown)
    if out:
        sys.stdout.write("\n".join(out) + "\n")
    if args.kind == "individual" and not args.reveal and args.count and not args.json:
        print("(masked: add --reveal to print the digits; generated numbers may belong to real people)",
              file=sys.stderr)
    return EXIT_OK


# ---- convert --------------------------------------------------------------------------------

PEPPOL_PREFIX = "iso6523-actorid-upis::"


def _party(value: str) -> Tuple[int, str]:
    """(ICD, value): (188, corporate number) or (221, T-number) from any accepted form."""
    text = value.strip()
    if text.lower().startswith(PEPPOL_PREFIX):
        return _core.parse_peppol(text)
    if len(text) > 5 and text[4] == ":" and text[:4].isdigit():
        return _core.parse_iso6523(text)
    icd, _, rest = _core.to_iso6523(text).partition(":")
    return int(icd), rest


def cmd_convert(args: argparse.Namespace) -> int:
    worst = EXIT_OK
    for raw in _iter_lines(args):
        value = _as_str(raw)
        try:
            icd, party = _party(value)
            if args.to == "tnumber":
                out = party if icd == 221 else _core.invoice_from_corporate(party)
            elif args.to == "corporate":
                out = party if icd == 188 else _core.invoice_to_corporate(party)
            elif args.to == "iso6523":
                out = _core.to_iso6523(party)
            else:
                out = _core.to_peppol(party)
        except _core.InvalidNumberError as exc:
            outcome = Outcome("corporate", False, _hidden(value, args.reveal), error=exc)
            _emit(args, outcome.record(), outcome.text())
            worst = EXIT_INVALID
            continue
        _emit(args, {"input": value.strip(), "to": args.to, "output": out}, out)
    return worst


# ---- registration ---------------------------------------------------------------------------


def _add_validate_command(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("validate", parents=[common], help="validate numbers (exit 1 if any is invalid)",
                              description="Validates Individual or Corporate Numbers. Arguments print one line "
                              "each; files and stdin are streamed through the C++ bulk validator and only "
                              "invalid lines are printed (all lines with --all or --json), with a summary on "
                              "stderr. Blank lines are skipped.")
    _add_inputs(p, "numbers to validate")
    _add_kind(p)
    p.add_argument("--strict", action="store_true", help="ASCII digits only (default: also full-width digits, "
                   "spaces and dashes)")
    p.add_argument("--all", action="store_true", help="when streaming, print valid lines too")
    p.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    p.set_defaults(func=_usage_guard(cmd_validate))


def _add_check_digit_command(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("check-digit", parents=[common], help="compute check digits of base numbers",
                              description="Computes the check digit of 11-digit (individual) or 12-digit "
                              "(corporate) base numbers.")
    _add_inputs(p, "base numbers")
    _add_kind(p)
    p.set_defaults(func=_usage_guard(cmd_check_digit))


def _add_normalize_command(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("normalize", parents=[common], help="normalise to plain ASCII digits",
                              description="Validates leniently and prints the plain digits.")
    _add_inputs(p, "numbers")
    _add_kind(p)
    p.set_defaults(func=_usage_guard(cmd_normalize), strict=False)


def _add_format_command(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("format", parents=[common], help="print numbers grouped (4-4-4 / 1-4-4-4)",
                              description="Validates leniently and prints the grouped form.")
    _add_inputs(p, "numbers")
    _add_kind(p)
    p.add_argument("--separator", metavar="CHAR", help="group separator ('' for none; default ' ' individual, "
                   "'-' corporate)")
    p.set_defaults(func=_usage_guard(cmd_format), strict=False)


def _add_generate_command(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("generate", parents=[common], help="generate valid numbers (seedable)",
                              description="Generates checksum-valid numbers with std::mt19937_64; one seed gives "
                              "the same numbers from C, C++, Python, Go and Rust. Any valid number may belong "
                              "to a real person or corporation: never publish them as dummies.")
    _add_kind(p, default="individual", auto=False)
    p.add_argument("-n", "--count", type=int, default=1, help="how many (default 1)")
    p.add_argument("--seed", type=int, default=None, help="64-bit seed (default: random)")
    p.add_argument("--check-digit", type=int, default=None, help="fix the check digit")
    p.set_defaults(func=_usage_guard(cmd_generate))


def _add_convert_command(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("convert", parents=[common], help="convert between corporate number, T-number, "
                              "ISO 6523 and Peppol ids",
                              description="Reads corporate numbers, T-numbers (適格請求書発行事業者登録番号), ISO 6523 "
                              "identifiers (0188:…, 0221:T…) or Peppol participant ids and prints the requested "
                              "form. For a sole proprietor's T-number, 'corporate' gives the 13 digits, which "
                              "are not a corporate number.")
    _add_inputs(p, "values")
    p.add_argument("--to", required=True, choices=["tnumber", "corporate", "iso6523", "peppol"],
                   help="output form")
    p.set_defaults(func=_usage_guard(cmd_convert))


# The commands of this group in listing order, with the function that adds each one's parser.
_PARSERS = {
    "validate": _add_validate_command,
    "check-digit": _add_check_digit_command,
    "normalize": _add_normalize_command,
    "format": _add_format_command,
    "generate": _add_generate_command,
    "convert": _add_convert_command,
}


def register(subparsers: Subparsers) -> None:
    common = common_options()
    for add in _PARSERS.values():
        add(subparsers, common)


def register_command(subparsers: Subparsers, name: str) -> None:
    """Adds only the command `name` (what ``main`` builds to run one command)."""
    _PARSERS[name](subparsers, common_options())
