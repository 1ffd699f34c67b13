"""The ``mynumber`` command-line tool: ``mynumber [--json] [--reveal] <command> ...``.

Each command group lives in ``mynumber/cli/<group>.py`` and exposes ``register(subparsers)``,
which adds its subcommands with ``subparsers.add_parser(..., parents=[common_options()])`` and
sets ``func`` (``args -> exit code``) on each. Groups are found from the fixed list ``GROUPS``;
an optional module's group is skipped when its file is absent or its compiled part is not in
``mynumber._core.compiled_modules``.

Exit codes: 0 everything valid, 1 something invalid, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from typing import Callable, List, Optional, Sequence

from .. import _core

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

# Command groups in registration order. "numbers" is always built; the others are optional
# modules of the library (law, secure, jpki, card, corp).
GROUPS = ("numbers", "law", "secure", "jpki", "card", "corp")

# The top-level command names of each group, so that `main` imports only the group a command
# belongs to (importing every group costs more than a small validate run). tests/test_cli_stream.py
# checks this table against what the groups register.
COMMANDS = {
    "validate": "numbers", "check-digit": "numbers", "normalize": "numbers", "format": "numbers",
    "generate": "numbers", "convert": "numbers",
    "law": "law",
    "token": "secure", "seal": "secure", "unseal": "secure", "reseal": "secure", "audit": "secure",
    "key": "secure",
    "cert": "jpki",
    "card": "card",
    "corp": "corp",
}

Handler = Callable[[argparse.Namespace], int]


def common_options() -> argparse.ArgumentParser:
    """Options accepted both before and after the command name (``mynumber --json validate`` and
    ``mynumber validate --json``). Use as ``parents=[common_options()]``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="machine-readable output: one JSON object per line")
    common.add_argument("--reveal", action="store_true", default=argparse.SUPPRESS,
                        help="print Individual Numbers (個人番号) in full instead of masked")
    return common


def available_groups(among: Sequence[str] = GROUPS) -> List[str]:
    """The command groups present in this installation (of those in `among`)."""
    found = []
    for name in among:
        if importlib.util.find_spec(f"{__name__}.{name}") is None:
            continue
        if name != "numbers" and name not in _core.compiled_modules:
            continue
        found.append(name)
    return found


def build_parser(groups: Optional[Sequence[str]] = None) -> argparse.ArgumentParser:
    """The parser with the commands of `groups` (default: every available group)."""
    parser = argparse.ArgumentParser(
        prog="mynumber",
        description="Japan's My Number system: validate, normalise, format, generate and convert "
        "Individual Numbers (個人番号), Corporate Numbers (法人番号) and T-numbers.",
        epilog="Exit codes: 0 all valid, 1 some invalid, 2 usage or input error. Individual Numbers "
        "are masked in all output unless --reveal is given.",
    )
    parser.add_argument("--version", action="version", version=f"mynumber {_core.__version__}")
    parser.add_argument("--json", action="store_true", help="machine-readable output: one JSON object per line")
    parser.add_argument("--reveal", action="store_true",
                        help="print Individual Numbers (個人番号) in full instead of masked")
    subparsers = parser.add_subparsers(dest="command", metavar="<command>")
    subparsers.required = True
    for name in available_groups(GROUPS if groups is None else groups):
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(subparsers)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the ``mynumber`` console script; returns the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    # The first word that is not an option names the command (the top-level options take no
    # values). A known command loads only its group; anything else (no command, a top-level
    # --help, a typo) gets the full parser, whose listing and error messages cover every group.
    group = None
    for word in arguments:
        if word in ("-h", "--help"):
            break
        if not word.startswith("-"):
            group = COMMANDS.get(word)
            break
    parser = build_parser([group] if group is not None and available_groups([group]) else None)
    args = parser.parse_args(arguments)
    handler: Handler = args.func
    try:
        return handler(args)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing more to say.
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except _core.InvalidNumberError as exc:
        print(f"mynumber: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except (OSError, _core.MyNumberError) as exc:
        print(f"mynumber: {exc}", file=sys.stderr)
        return EXIT_USAGE
