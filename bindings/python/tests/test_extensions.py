"""The extensions: mynumber._core (errors, numbers) and one mynumber._<m> per optional module (law,
secure, jpki, card, corp). Each optional extension raises the exception classes of _core and takes
and returns its number classes; `import mynumber` loads _core only, and each extension links and
loads only its own module's libraries. A module that was not built raises ModuleNotBuiltError, in
the library and in the CLI. Also _core._check_number, the CLI's non-raising per-record check,
against the raising validators."""

from __future__ import annotations

import importlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, FrozenSet, Optional, Set, Tuple

import pytest

import mynumber
from mynumber import _core
from mynumber._optional import OPTIONAL_MODULES

from conftest import VALID_CORPORATE, VALID_INDIVIDUAL

# The system libraries of the optional modules, as loaded from the system (libcrypto.so.3) or from
# a repaired wheel's mynumber.libs/ (libcrypto-<hash>.so.3).
MODULE_LIBRARY = re.compile(r"\blib(ssl|crypto|sqlite3|z|pcsclite)(?:-[0-9a-f]+)?\.so[.0-9]*\b")

# What each extension may link, and what it must link (the check can see a library).
MAY_LINK: Dict[str, FrozenSet[str]] = {
    "_core": frozenset(),
    "_law": frozenset(),
    "_secure": frozenset({"crypto", "ssl"}),
    "_jpki": frozenset({"crypto", "ssl"}),
    "_card": frozenset({"pcsclite", "crypto", "ssl"}),
    "_corp": frozenset({"sqlite3", "z"}),
}
MUST_LINK: Dict[str, FrozenSet[str]] = {"_secure": frozenset({"crypto"}), "_jpki": frozenset({"crypto"}),
                                        "_corp": frozenset({"sqlite3", "z"})}

BUILT = mynumber.available_modules()
# The directory this process imported mynumber from; the subprocesses below import the same copy
# (an installed wheel, a dev install, or python-asan.sh's sanitized copy), isolated from the rest.
PACKAGE_PARENT = str(Path(mynumber.__file__).resolve().parents[1])


def _python(code: str, root: str = PACKAGE_PARENT) -> subprocess.CompletedProcess[str]:
    """Runs `code` in a fresh isolated interpreter (-I: no environment paths, no cwd, no user site)
    that imports mynumber from `root`."""
    prelude = (f"import sys; sys.path.insert(0, {root!r})\n"
               "import mynumber\n"
               f"assert mynumber.__file__.startswith({root!r}), mynumber.__file__\n")
    return subprocess.run([sys.executable, "-I", "-c", prelude + code], capture_output=True, text=True, cwd=root)


def _loaded(code: str) -> Tuple[Set[str], Set[str], bool]:
    """Runs `code` in a fresh isolated interpreter; then the module libraries and the mynumber
    extensions mapped into it, and whether Python's own zlib module was imported (by the standard
    library: argparse imports shutil, which imports zlib, which loads libz)."""
    script = (f"{code}\nimport sys\n"
              "sys.stdout.write('\\n--- zlib imported: ' + str('zlib' in sys.modules) + '\\n')\n"
              "sys.stdout.write(open('/proc/self/maps').read())")
    result = _python(script)
    assert result.returncode == 0, result.stderr
    zlib_imported, maps = result.stdout.rsplit("\n--- zlib imported: ", 1)[1].split("\n", 1)
    libraries = {match.group(1) for match in MODULE_LIBRARY.finditer(maps)}
    extensions = set(re.findall(r"/mynumber/(_[a-z]+)\.cpython-[^/\s]*\.so", maps))
    return libraries, extensions, zlib_imported == "True"


def _needed(extension: str) -> Set[str]:
    """The module libraries recorded as NEEDED (readelf -d) by mynumber.<extension>."""
    path = importlib.import_module(f"mynumber.{extension}").__file__
    assert path is not None
    dynamic = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=True).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
    assert any(name.startswith("libc.so") for name in needed), dynamic  # the parse found the entries
    return {m.group(1) for name in needed for m in [MODULE_LIBRARY.search(name)] if m}


def test_import_mynumber_loads_core_only() -> None:
    result = _python("print('mynumber._core' in sys.modules, [m for m in sys.modules if m.startswith('mynumber._')"
                     " and m.split('._')[1] in mynumber._optional.OPTIONAL_MODULES])")
    assert result.stdout == "True []\n", result.stderr


def test_available_modules_lists_the_installed_extensions() -> None:
    package = Path(mynumber.__file__).parent
    on_disk = {path.name.split(".")[0][1:] for path in package.glob("_*.so")} - {"core"}
    assert set(BUILT) == on_disk
    assert BUILT == tuple(m for m in OPTIONAL_MODULES if m in on_disk)  # in the fixed order


@pytest.mark.parametrize("extension", ["_core", *(f"_{m}" for m in BUILT)])
def test_each_extension_links_only_its_own_libraries(extension: str) -> None:
    needed = _needed(extension)
    assert needed <= MAY_LINK[extension], f"mynumber.{extension} links {sorted(needed)}"
    assert MUST_LINK.get(extension, frozenset()) <= needed


def test_validating_numbers_and_asking_the_law_load_no_module_library() -> None:
    libraries, extensions, _ = _loaded("import mynumber\n"
                                       f"assert mynumber.individual.is_valid({VALID_INDIVIDUAL[0]!r})\n"
                                       f"assert mynumber.corporate.is_valid({VALID_CORPORATE[0]!r})")
    assert (libraries, extensions) == (set(), {"_core"})
    if "law" in BUILT:
        libraries, extensions, _ = _loaded(
            "import mynumber, mynumber.law\n"
            "answer = mynumber.law.payment('2025-07-01', kind='PAY.FEES_OTHER', amount_yen=50_001)\n"
            "assert answer['decision'] == 'required'\n"
            "assert 'P19.NETWORK' in mynumber.law.rule_ids()")
        assert (libraries, extensions) == (set(), {"_core", "_law"})


def test_the_cli_number_commands_load_no_module_library() -> None:
    libraries, extensions, zlib_imported = _loaded("from mynumber.cli import main\n"
                                                   f"assert main(['validate', {VALID_CORPORATE[0]!r}]) == 0")
    assert extensions == {"_core"}
    # libz only through Python's own zlib module (argparse -> shutil -> zlib), never through mynumber.
    assert libraries <= {"z"} and ("z" not in libraries or zlib_imported)


@pytest.mark.skipif(not {"secure", "corp"} <= set(BUILT), reason="built without the secure or corp module")
def test_the_maps_check_sees_a_module_library_when_one_is_loaded() -> None:
    assert _loaded("import mynumber.secure")[:2] == ({"crypto"}, {"_core", "_secure"})
    libraries, extensions, zlib_imported = _loaded("import mynumber.corp")
    assert {"sqlite3", "z"} <= libraries and extensions == {"_core", "_corp"} and not zlib_imported


@pytest.mark.skipif("law" not in BUILT, reason="built without the law module")
def test_modules_raise_the_classes_of_core() -> None:
    from mynumber import _law

    with pytest.raises(mynumber.LawQueryError) as info:
        _law.law_answer_json("{")
    assert type(info.value) is _core.LawQueryError
    assert isinstance(info.value, mynumber.MyNumberError) and info.value.reason == "json_malformed"


@pytest.mark.skipif("secure" not in BUILT, reason="built without the secure module")
def test_modules_take_and_return_the_number_classes_of_core() -> None:
    from mynumber import secure

    ring = secure.KeyRing.parse(secure.generate_key_entry("cross-extension"))
    number = mynumber.IndividualNumber(VALID_INDIVIDUAL[0])
    sealed = secure.seal(number, "r/1", ring)  # a _core object into _secure
    opened = secure.unseal(sealed, "r/1", ring)  # a _core object out of _secure
    assert type(opened) is mynumber.IndividualNumber and opened == number
    assert secure.token_matches(secure.derive_token(VALID_INDIVIDUAL[0], "d", ring), number, "d", ring)


# ---- a module that was not built -----------------------------------------------------------------

def _copy_without(tmp_path: Path, missing: Tuple[str, ...]) -> str:
    """A copy of the installed package (and of a repaired wheel's mynumber.libs/) without the
    extension files of `missing`: what a build without those modules installs."""
    package = Path(mynumber.__file__).parent
    shutil.copytree(package, tmp_path / "mynumber", ignore=shutil.ignore_patterns("__pycache__"))
    if (package.parent / "mynumber.libs").is_dir():
        shutil.copytree(package.parent / "mynumber.libs", tmp_path / "mynumber.libs")
    for module in missing:
        extensions = list((tmp_path / "mynumber").glob(f"_{module}.*"))
        assert any(path.suffix == ".so" for path in extensions), f"no extension of {module} to remove"
        for path in extensions:
            path.unlink()
    return str(tmp_path)


EXPECTED_MESSAGES = {
    "corp": "mynumber.corp was not built (it needs SQLite 3 and zlib): install libsqlite3-dev and zlib1g-dev "
            "and reinstall mynumber",
    "secure": "mynumber.secure was not built (it needs OpenSSL 3): install libssl-dev and reinstall mynumber",
    "law": "mynumber.law was not built: it was switched off when this copy of mynumber was built; reinstall "
           "mynumber without -DMYNUMBER_WITH_LAW=OFF",
}


@pytest.mark.skipif(not {"corp", "secure", "law"} <= set(BUILT), reason="needs a build with corp, secure and law")
def test_a_module_not_built_raises_module_not_built_error(tmp_path: Path) -> None:
    root = _copy_without(tmp_path, ("corp", "secure", "law"))
    result = _python(root=root, code="""
import json
report = {"available": list(mynumber.available_modules())}
for name in ("corp", "secure", "law"):
    try:
        __import__("mynumber." + name)
    except ImportError as exc:
        report[name] = [type(exc).__name__, str(exc), exc.name, exc.module, exc.code, exc.reason,
                        isinstance(exc, mynumber.ModuleNotBuiltError), isinstance(exc, mynumber.NotSupportedError),
                        isinstance(exc, mynumber.MyNumberError)]
print(json.dumps(report))
""")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["available"] == [m for m in BUILT if m not in ("corp", "secure", "law")]
    for name, message in EXPECTED_MESSAGES.items():
        assert report[name] == ["ModuleNotBuiltError", message, f"mynumber.{name}", name, 905, "not_supported",
                                True, True, True]


@pytest.mark.skipif("corp" not in BUILT, reason="built without the corp module")
def test_the_cli_reports_a_module_not_built_in_place_of_invalid_choice(tmp_path: Path) -> None:
    root = _copy_without(tmp_path, ("corp",))
    for argv in (["corp", "search", "x"], ["--json", "corp", "--help"]):
        result = _python(f"from mynumber.cli import main\nsys.exit(main({argv!r}))", root)
        assert result.returncode == 2, result.stderr
        assert result.stderr == f"mynumber: {EXPECTED_MESSAGES['corp']}\n"
        assert result.stdout == ""
    # A number command still works in that installation, and the full listing leaves corp out.
    result = _python(f"from mynumber.cli import main\nsys.exit(main(['validate', {VALID_INDIVIDUAL[0]!r}]))", root)
    assert result.returncode == 0, result.stderr
    result = _python("from mynumber.cli import main\nsys.exit(main(['--help']))", root)
    assert result.returncode == 0 and re.search(r"^ +validate ", result.stdout, re.M), result.stdout
    assert not re.search(r"^ +corp ", result.stdout, re.M)


def test_module_not_built_error_knows_only_the_optional_modules() -> None:
    assert set(OPTIONAL_MODULES) == {"law", "secure", "jpki", "card", "corp"}
    with pytest.raises(ValueError):
        mynumber.ModuleNotBuiltError("numbers")
    error = mynumber.ModuleNotBuiltError("jpki")
    assert isinstance(error, ImportError) and "libssl-dev" in str(error)


# ---- _check_number -----------------------------------------------------------------------------

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
INPUTS = [*VALID_INDIVIDUAL[:3], *VALID_CORPORATE[:3], "123456789012", "7000012050003", "1234 5678 9018",
          "7-0000-1205-0002", VALID_INDIVIDUAL[1].translate(FULL_WIDTH), "12345678901", "12345678901899",
          "1234567890a8", "", "   ", "\ud800123", b"123456789018", b"\xff\xfe", b"7000012050002", "T7000012050002"]


def _raising_reference(value: str | bytes, kind: str, strict: bool) -> Tuple[str, str, Optional[Tuple[object, ...]]]:
    """(kind, digits or "", error fields) from the public raising functions."""
    if kind == "auto":
        try:
            kind = "corporate" if len(_core.compact(value)) == 13 else "individual"
        except mynumber.InvalidNumberError:
            kind = "individual"
    validate = _core.validate_individual if kind == "individual" else _core.validate_corporate
    if strict:
        code = int(_core._validate_sequence([value], 0 if kind == "individual" else 1, False)[0])
        if code != 0:
            try:
                validate(value)
            except mynumber.InvalidNumberError as exc:
                if exc.code == code:
                    return kind, "", (type(exc), str(exc), exc.code, exc.reason, exc.position, exc.expected)
            message = f"{_core.describe(code)} (strict mode: ASCII digits only)"
            return kind, "", (mynumber.InvalidNumberError, message, code, _core.reason_name(code), None, None)
    try:
        return kind, validate(value), None
    except mynumber.InvalidNumberError as exc:
        return kind, "", (type(exc), str(exc), exc.code, exc.reason, exc.position, exc.expected)


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("kind", ["individual", "corporate", "auto"])
def test_check_number_returns_what_the_validators_raise(kind: str, strict: bool) -> None:
    for value in INPUTS:
        got_kind, result = _core._check_number(value, {"individual": 0, "corporate": 1, "auto": 2}[kind], strict)
        if isinstance(result, str):
            got = (got_kind, result, None)
        else:
            got = (got_kind, "", (type(result), str(result), result.code, result.reason, result.position,
                                  result.expected))
        assert got == _raising_reference(value, kind, strict), value


def test_check_number_bad_arguments() -> None:
    with pytest.raises(TypeError):
        _core._check_number(None, 0, False)  # type: ignore[arg-type]
    with pytest.raises(mynumber.InvalidArgumentError):
        _core._check_number("123456789018", 3, False)
