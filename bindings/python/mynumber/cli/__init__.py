"""The ``mynumber`` command-line tool: ``mynumber [--json] [--reveal] <command> ...``.

Each command group lives in ``mynumber/cli/<group>.py`` and exposes ``register(subparsers)``,
which adds its subcommands with ``subparsers.add_parser(..., parents=[common_options()])`` and
sets ``func`` (``args -> exit code``) on each. A group with several commands may also expose
``register_command(subparsers, name)``, which adds only the command ``name``. Groups are found from the fixed list ``GROUPS``;
an optional module's group is skipped when its file is absent or its extension ``mynumber._<m>`` was
not built, and a command of such a group reports ``mynumber.ModuleNotBuiltError``'s message (which
names the system packages to install) instead of argparse's "invalid choice".

Start-up time is most of a short run, so a known command builds the parser of that command only
(of its whole group if the group has no ``register_command``), a command of the "numbers" group
(``mynumber validate`` and the like) imports no optional module's extension (and with it OpenSSL,
SQLite, pcsc-lite) nor the other groups, and nothing here imports ``typing`` at run time.

Exit codes: 0 everything valid, 1 something invalid, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .. import _core
from .._optional import ModuleNotBuiltError, is_built

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, List, Optional, Sequence

    Handler = Callable[[argparse.Namespace], int]

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
    return [name for name in among if name == "numbers" or _optional_group_present(name)]


def _optional_group_present(name: str) -> bool:
    """True if the group file of optional module `name` is installed and the module was built (its
    extension is looked up, not loaded)."""
    import importlib.util

    return importlib.util.find_spec(f"{__name__}.{name}") is not None and is_built(name)


def build_parser(groups: Optional[Sequence[str]] = None, command: Optional[str] = None) -> argparse.ArgumentParser:
    """The parser with the commands of `groups` (default: every available group); with `command`,
    only that command of a group that has ``register_command``."""
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
        if command is not None and hasattr(module, "register_command"):
            module.register_command(subparsers, command)
        else:
            module.register(subparsers)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the ``mynumber`` console script; returns the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    # The first word that is not an option names the command (the top-level options take no
    # values). A known command loads only its group and builds only its own parser; anything else
    # (no command, a top-level --help, a typo) gets the full parser, whose listing and error
    # messages cover every group.
    command = None
    for word in arguments:
        if word in ("-h", "--help"):
            break
        if not word.startswith("-"):
            command = word
            break
    group = COMMANDS.get(command) if command is not None else None
    if group is not None and available_groups([group]):
        parser = build_parser([group], command)
    elif group is not None and group != "numbers" and not is_built(group):
        # The same message as `import mynumber.<group>`, in place of argparse's "invalid choice".
        print(f"mynumber: {ModuleNotBuiltError(group)}", file=sys.stderr)
        return EXIT_USAGE
    else:
        parser = build_parser()
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
