#!/usr/bin/env python3
"""Runs the code blocks of the documentation (docs/*.md and README.md).

Every fenced block tagged cpp, c, python, sh or bash is extracted and run, unless the line
immediately before its opening fence is ``<!-- fragment -->`` (an illustration, not a program):

* cpp: a complete C++17 program, compiled against the installed build tree with every module
  (``find_package(mynumber)``, ``mynumber::mynumber``) and run. The blocks of one page are compiled
  as one translation unit: each block goes into a namespace of its own (its ``#include`` lines are
  moved to the top), and a driver ``main`` runs the block's ``main`` in a process of its own.
* c: a complete C99 program, compiled against the C ABI (``mynumber::c``) and run.
* python: a script run by this interpreter (which must have the package installed); a block that
  starts with ``>>>`` is a doctest session and its printed results are compared.
* sh, bash: run with ``bash -e -o pipefail``, with ``mynumber`` (the CLI next to this interpreter)
  and the build tree's tools on PATH, and PKG_CONFIG_PATH and CMAKE_PREFIX_PATH pointing at the
  installed build tree.

Each block runs in a fresh temporary directory and passes when it exits with status 0. Directives
are HTML comments (invisible on the rendered page) on the lines directly above the opening fence:

* ``<!-- fragment -->`` (the line immediately before the fence): not run.
* ``<!-- setup: <shell command> -->`` (one or more): run with bash in the block's directory before
  the block, to make its input files, with the same PATH as shell blocks. An executable target of
  the build tree named as the first word of a setup command or of a line of a shell block
  (``gen_nta_bulk``, ``mynumber_jpki_test_pki``) is built first and put on PATH.
  $MYNUMBER_SOURCE_DIR and $MYNUMBER_BUILD_DIR name the repository and the build tree.
* ``<!-- file: NAME -->`` (any block, also cmake or text): the block is written as NAME into the
  directory of every later block of the same page.

A runnable block followed (after blank lines only) by ``<!-- output -->`` and a text block must
print exactly that text (trailing spaces and blank lines aside).

    tools/check_docs.py [--build-dir DIR] [--jobs N] [--list] [--keep] [FILE.md ...]

The build directory (default: $MYNUMBER_BUILD_DIR, else build/dev) must be a configured and built
tree with the C ABI (the dev preset). Exit status: 0 when every block passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import doctest
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = {"cpp": "cpp", "c": "c", "python": "python", "sh": "sh", "bash": "sh"}
# A fence may be indented (a block inside a list item); its indentation is removed from the code.
FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})\s*(?P<tag>[A-Za-z0-9_+-]*)\s*$")
DIRECTIVE = re.compile(r"^\s*<!--\s*(fragment|setup:\s*(?P<setup>.*?)|file:\s*(?P<file>[\w.+-]+))\s*-->\s*$")
OUTPUT = re.compile(r"^\s*<!--\s*output\s*-->\s*$")
INCLUDE = re.compile(r"^\s*#\s*include\s*[<\"].*[>\"]\s*$")


@dataclass
class Block:
    path: Path  # the markdown file
    line: int  # 1-based line of the first line of code (after the opening fence)
    language: str  # cpp, c, python or sh; "" for a block that is not run (cmake, text, ...)
    code: str
    setup: list[str] = field(default_factory=list)
    fragment: bool = False
    file: str | None = None  # <!-- file: NAME -->: saved as NAME for the page's later blocks
    expected_output: str | None = None

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def closing_fence(path: Path, lines: list[str], start: int, fence: str) -> int:
    """The index of the line that closes the block opened at `start` with `fence`."""
    end = start + 1
    while end < len(lines) and not (lines[end].lstrip().startswith(fence) and lines[end].strip().strip(fence[0]) == ""):
        end += 1
    if end == len(lines):
        raise SystemExit(f"{path.relative_to(ROOT)}:{start + 1}: code block is not closed")
    return end


def extract(path: Path) -> list[Block]:
    """Every fenced block in `path`, with its directives (language "" for a block that is not run)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, tag, indent = match.group("fence"), match.group("tag").lower(), len(match.group("indent"))
        end = closing_fence(path, lines, i, fence)
        if not OUTPUT.match(lines[i - 1] if i else ""):
            code = "\n".join(line[indent:] if line[:indent].strip() == "" else line for line in lines[i + 1:end])
            block = Block(path, i + 2, LANGUAGES.get(tag, ""), code + "\n")
            # Directives: the run of HTML comment lines directly above the fence.
            j = i - 1
            while j >= 0 and DIRECTIVE.match(lines[j]):
                directive = DIRECTIVE.match(lines[j])
                assert directive is not None
                if directive.group("setup") is not None:
                    block.setup.insert(0, directive.group("setup"))
                elif directive.group("file") is not None:
                    block.file = directive.group("file")
                elif j == i - 1:
                    block.fragment = True
                else:
                    raise SystemExit(f"{path.relative_to(ROOT)}:{j + 1}: <!-- fragment --> must be the line "
                                     "immediately before the opening fence")
                j -= 1
            # Expected output: `<!-- output -->` and a text block right after the block.
            k = end + 1
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k + 1 < len(lines) and OUTPUT.match(lines[k]):
                out = FENCE.match(lines[k + 1])
                if not out or out.group("tag").lower() not in ("", "text"):
                    raise SystemExit(f"{path.relative_to(ROOT)}:{k + 1}: <!-- output --> must precede a text block")
                out_end = closing_fence(path, lines, k + 1, out.group("fence"))
                out_indent = len(out.group("indent"))
                block.expected_output = "\n".join(line[out_indent:] for line in lines[k + 2:out_end])
            blocks.append(block)
        i = end + 1
    return blocks


MAIN = re.compile(r"\bint\s+main\s*\([^)]*\)\s*\{")


def with_return(code: str) -> str:
    """`code` with `return 0;` before the closing brace of its main(): in a namespace, main is an
    ordinary function, for which running off the end is undefined, unlike the real main."""
    match = MAIN.search(code)
    if not match:
        return code  # no main: the compiler will say so when the driver calls it
    depth = 0
    i = match.end() - 1
    while i < len(code):
        ch = code[i]
        if code.startswith("//", i):
            i = code.find("\n", i)
            if i < 0:
                break
        elif code.startswith("/*", i):
            i = code.find("*/", i) + 1
            if i == 0:
                break
        elif ch in "\"'":
            j = i + 1
            while j < len(code) and code[j] != ch:
                j += 2 if code[j] == "\\" else 1
            i = j
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return code[:i] + " return 0; " + code[i:]
        i += 1
    return code


def normalise(text: str) -> str:
    """Output compared line by line, ignoring trailing spaces and trailing blank lines."""
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())


class Runner:
    def __init__(self, build: Path, work: Path, jobs: int, files: list[Block]) -> None:
        self.build = build
        self.files = files  # blocks marked <!-- file: NAME -->
        self.work = work
        self.jobs = jobs
        self.prefix = work / "prefix"
        self.tool_dirs: list[Path] = []
        self.failures: list[str] = []
        self.passed = 0
        self.counter = 0
        self.build_log = ""

    # --- environment -----------------------------------------------------------------------------
    def install(self) -> None:
        """Installs the build tree into a scratch prefix: the C++ package, the C ABI, pkg-config."""
        run = subprocess.run(["cmake", "--install", str(self.build), "--prefix", str(self.prefix)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"check_docs: cmake --install {self.build} failed:\n{run.stdout}{run.stderr}")

    def generator(self) -> str:
        """The build tree's CMake generator (the blocks are built with the same one)."""
        cache = (self.build / "CMakeCache.txt").read_text(encoding="utf-8", errors="replace")
        match = re.search(r"^CMAKE_GENERATOR:INTERNAL=(.*)$", cache, re.M)
        return match.group(1) if match else "Unix Makefiles"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        bin_dirs = [str(Path(sys.executable).parent)] + [str(d) for d in self.tool_dirs]
        env["PATH"] = os.pathsep.join(bin_dirs + [env.get("PATH", "")])
        pc = [str(p.parent) for p in self.prefix.glob("**/pkgconfig/mynumber.pc")]
        env["PKG_CONFIG_PATH"] = os.pathsep.join(pc + [env.get("PKG_CONFIG_PATH", "")]).rstrip(os.pathsep)
        env["CMAKE_PREFIX_PATH"] = os.pathsep.join([str(self.prefix), env.get("CMAKE_PREFIX_PATH", "")]).rstrip(
            os.pathsep)
        env["MYNUMBER_SOURCE_DIR"] = str(ROOT)
        env["MYNUMBER_BUILD_DIR"] = str(self.build)
        return env

    def build_tools(self, blocks: list[Block]) -> None:
        """Builds the build tree's executables that setup commands name, and puts them on PATH."""
        commands = [cmd for b in blocks for cmd in b.setup]
        commands += [line for b in blocks if b.language == "sh" for line in b.code.splitlines()]
        words = {cmd.split()[0] for cmd in commands if cmd.split()}
        wanted = sorted(w for w in words if re.match(r"^[A-Za-z_][\w.+-]*$", w))
        targets = ""
        for name in wanted:
            if shutil.which(name, path=self.env()["PATH"]):
                continue
            if not targets:
                targets = subprocess.run(["cmake", "--build", str(self.build), "--target", "help"],
                                         capture_output=True, text=True).stdout
            if not re.search(rf"^{re.escape(name)}(:| )", targets, re.M):
                continue  # a command such as cp or mkdir, not a target
            built = subprocess.run(["cmake", "--build", str(self.build), "--target", name, "-j", str(self.jobs)],
                                   capture_output=True, text=True)
            if built.returncode != 0:
                raise SystemExit(f"check_docs: cannot build {name}:\n{built.stdout}{built.stderr}")
            found = [p for p in self.build.rglob(name) if p.is_file() and os.access(p, os.X_OK)]
            if not found:
                raise SystemExit(f"check_docs: built {name} but cannot find it under {self.build}")
            self.tool_dirs.append(found[0].parent)

    def block_dir(self, block: Block) -> Path | None:
        """A fresh directory for one block, with its setup commands run in it."""
        self.counter += 1
        directory = self.work / "run" / f"{self.counter:03d}-{block.path.stem}-{block.line}"
        directory.mkdir(parents=True)
        for source in self.files:
            if source.path == block.path and source.line < block.line:
                (directory / str(source.file)).write_text(source.code, encoding="utf-8")
        for command in block.setup:
            run = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", command], cwd=directory, env=self.env(),
                                 capture_output=True, text=True)
            if run.returncode != 0:
                self.fail(block, f"setup `{command}` exited with {run.returncode}", run.stdout + run.stderr)
                return None
        return directory

    # --- results ---------------------------------------------------------------------------------
    def fail(self, block: Block, why: str, output: str = "") -> None:
        text = f"{block.where} [{block.language}]: {why}"
        if output.strip():
            text += "\n" + textwrap.indent(output.strip()[-4000:], "    ")
        self.failures.append(text)
        print(f"FAIL {text}", flush=True)

    def ok(self, block: Block) -> None:
        self.passed += 1
        print(f"ok   {block.where} [{block.language}]", flush=True)

    def run_process(self, block: Block, argv: list[str], cwd: Path, timeout: int = 300) -> None:
        try:
            run = subprocess.run(argv, cwd=cwd, env=self.env(), capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            self.fail(block, f"timed out after {timeout} s")
            return
        if run.returncode != 0:
            self.fail(block, f"exited with {run.returncode}", run.stdout + run.stderr)
        elif block.expected_output is not None and normalise(run.stdout) != normalise(block.expected_output):
            self.fail(block, "printed something else than its <!-- output --> block",
                      "--- expected ---\n" + block.expected_output + "\n--- printed ---\n" + run.stdout)
        else:
            self.ok(block)

    # --- languages -------------------------------------------------------------------------------
    def run_shell(self, block: Block) -> None:
        directory = self.block_dir(block)
        if directory is not None:
            script = directory / "block.sh"
            script.write_text(block.code, encoding="utf-8")
            self.run_process(block, ["bash", "-e", "-o", "pipefail", str(script)], directory)

    def run_python(self, block: Block) -> None:
        directory = self.block_dir(block)
        if directory is None:
            return
        if block.code.lstrip().startswith(">>>"):
            test = doctest.DocTestParser().get_doctest(block.code, {}, block.where, str(block.path), block.line - 1)
            script = directory / "block_doctest.py"
            script.write_text(
                "import doctest, sys\n"
                f"text = {block.code!r}\n"
                f"test = doctest.DocTestParser().get_doctest(text, {{}}, {block.where!r}, {str(block.path)!r}, "
                f"{block.line - 1})\n"
                "runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)\n"
                "runner.run(test)\n"
                "sys.exit(1 if runner.failures else 0)\n",
                encoding="utf-8")
            if not test.examples:
                self.fail(block, "a >>> block without examples")
                return
        else:
            script = directory / "block.py"
            script.write_text(block.code, encoding="utf-8")
        self.run_process(block, [sys.executable, str(script)], directory)

    def compile_native(self, cpp: list[Block], c: list[Block]) -> dict[int, tuple[str, list[str]]]:
        """Builds one C++ executable per page and one C executable per block; returns, per block
        id, the executable and its arguments ("" for a block that does not compile). A page that
        does not compile is built again one block per executable, to tell which blocks are broken."""
        project = self.work / "project"
        plan: dict[int, tuple[str, list[str]]] = {}
        pages: dict[Path, list[Block]] = {}
        for block in cpp:
            pages.setdefault(block.path, []).append(block)
        units: dict[str, list[Block]] = {}  # executable -> the blocks it holds
        for page, blocks in pages.items():
            units["docs_cpp_" + re.sub(r"\W", "_", page.stem)] = blocks
        for index, block in enumerate(c):
            units[f"docs_c_{index}_" + re.sub(r"\W", "_", block.path.stem)] = [block]
        broken = self.build_units(project / "pages", units)
        retry: dict[str, list[Block]] = {}
        for name, blocks in units.items():
            for index, block in enumerate(blocks):
                if name not in broken:
                    args = [str(index)] if block.language == "cpp" else []
                    plan[id(block)] = (str(project / "pages" / "build" / name), args)
                elif len(blocks) > 1:
                    retry[f"{name}_{index}"] = [block]
                else:
                    plan[id(block)] = ("", [])
        if retry:
            broken = self.build_units(project / "blocks", retry)
            for name, (block,) in retry.items():
                plan[id(block)] = ("", []) if name in broken else (str(project / "blocks" / "build" / name), ["0"])
        return plan

    def build_units(self, project: Path, units: dict[str, list[Block]]) -> set[str]:
        """Configures and builds a CMake project with one executable per unit against the installed
        package; returns the names of the executables that failed to build."""
        project.mkdir(parents=True, exist_ok=True)
        cmake = [
            "cmake_minimum_required(VERSION 3.23)",
            "project(mynumber_docs LANGUAGES C CXX)",
            "find_package(mynumber CONFIG REQUIRED)",
            "set(CMAKE_CXX_STANDARD 17)",
            "set(CMAKE_CXX_STANDARD_REQUIRED ON)",
            "set(CMAKE_C_STANDARD 99)",
            "set(CMAKE_C_STANDARD_REQUIRED ON)",
        ]
        for name, blocks in units.items():
            if blocks[0].language == "cpp":
                (project / f"{name}.cpp").write_text(self.cpp_unit(blocks), encoding="utf-8")
                cmake.append(f"add_executable({name} {name}.cpp)")
                cmake.append(f"target_link_libraries({name} PRIVATE mynumber::mynumber)")
            else:
                block = blocks[0]
                (project / f"{name}.c").write_text(f'#line {block.line} "{block.path}"\n{block.code}',
                                                   encoding="utf-8")
                cmake.append(f"add_executable({name} {name}.c)")
                cmake.append(f"target_link_libraries({name} PRIVATE mynumber::c)")
        (project / "CMakeLists.txt").write_text("\n".join(cmake) + "\n", encoding="utf-8")
        configure = subprocess.run(
            ["cmake", "-S", str(project), "-B", str(project / "build"), "-G", self.generator(),
             f"-DCMAKE_PREFIX_PATH={self.prefix}", "-DCMAKE_BUILD_TYPE=Debug"],
            capture_output=True, text=True, env=self.env())
        if configure.returncode != 0:
            raise SystemExit(f"check_docs: configuring the C/C++ blocks failed:\n{configure.stdout}{configure.stderr}")
        keep_going = ["--", "-k", "0"] if self.generator() == "Ninja" else ["--", "-k"]
        build = subprocess.run(["cmake", "--build", str(project / "build"), "-j", str(self.jobs)] + keep_going,
                               capture_output=True, text=True)
        self.build_log += build.stdout + build.stderr
        return {name for name in units if not (project / "build" / name).exists()}

    @staticmethod
    def cpp_unit(blocks: list[Block]) -> str:
        """One translation unit for the C++ blocks of one page (see the module docstring)."""
        includes: list[str] = []
        bodies: list[str] = []
        for index, block in enumerate(blocks):
            body: list[str] = [f'#line {block.line} "{block.path}"']
            for offset, line in enumerate(block.code.splitlines()):
                if INCLUDE.match(line):
                    if line.strip() not in includes:
                        includes.append(line.strip())
                    body.append("")  # keep the line numbers
                else:
                    body.append(line)
            bodies.append(f"namespace mynumber_docs_block_{index} {{\n" + with_return(
                "\n".join(body)) + "\n}\n")
        calls = "\n".join(f"    case {i}: return mynumber_docs_run(mynumber_docs_block_{i}::main, argc, argv);"
                          for i in range(len(blocks)))
        return ("\n".join(includes) + "\n#include <cstdlib>\n#include <string>\n#include <type_traits>\n\n" +
                "\n".join(bodies) + textwrap.dedent(f"""
                #line 1 "check_docs driver"
                template <class F>
                int mynumber_docs_run(F&& block_main, int argc, char** argv) {{
                  if constexpr (std::is_invocable_v<F, int, char**>) return block_main(argc - 1, argv + 1);
                  else return block_main();
                }}

                int main(int argc, char** argv) {{
                  if (argc < 2) return 2;
                  switch (std::atoi(argv[1])) {{
                {calls}
                    default: return 2;
                  }}
                }}
                """))

    def run_native(self, block: Block, plan: dict[int, tuple[str, list[str]]]) -> None:
        exe, args = plan[id(block)]
        if not exe:
            self.fail(block, "does not compile", self.compile_errors(block))
            return
        directory = self.block_dir(block)
        if directory is not None:
            self.run_process(block, [exe] + args, directory)

    def compile_errors(self, block: Block) -> str:
        """The compiler messages that point into `block` (all of the page's when none does)."""
        log = self.build_log
        ours = list(dict.fromkeys(l for l in log.splitlines() if str(block.path) in l))
        mine = [l for l in ours if any(f":{n}:" in l for n in range(block.line, block.line + block.code.count("\n") + 1))]
        return "\n".join(mine or ours)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="markdown files (default: docs/*.md and README.md)")
    parser.add_argument("--build-dir", type=Path,
                        default=Path(os.environ.get("MYNUMBER_BUILD_DIR", ROOT / "build" / "dev")))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--list", action="store_true", help="list the blocks and whether they run; run nothing")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    args = parser.parse_args()

    files = [f.resolve() for f in args.files] or sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
    every = [b for f in files for b in extract(f)]
    blocks = [b for b in every if b.language]
    runnable = [b for b in blocks if not b.fragment]
    if args.list:
        for b in blocks:
            print(f"{'fragment' if b.fragment else 'run':8} {b.where} [{b.language}]" +
                  "".join(f"\n         setup: {s}" for s in b.setup) +
                  (f"\n         file: {b.file}" if b.file else ""))
        return 0

    build = args.build_dir.resolve()
    if not (build / "CMakeCache.txt").is_file():
        print(f"check_docs: {build} is not a configured build tree (set --build-dir or MYNUMBER_BUILD_DIR)",
              file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="mynumber-docs."))
    try:
        runner = Runner(build, work, args.jobs, [b for b in every if b.file])
        runner.install()
        runner.build_tools(runnable)
        cpp = [b for b in runnable if b.language == "cpp"]
        c = [b for b in runnable if b.language == "c"]
        plan = runner.compile_native(cpp, c) if cpp or c else {}
        for block in runnable:
            if block.language in ("cpp", "c"):
                runner.run_native(block, plan)
            elif block.language == "python":
                runner.run_python(block)
            else:
                runner.run_shell(block)
        fragments = len(blocks) - len(runnable)
        print(f"check_docs: {runner.passed} blocks passed, {len(runner.failures)} failed, "
              f"{fragments} fragments not run ({len(files)} files)")
        if runner.failures:
            print("\nfailed blocks:\n" + "\n".join(runner.failures), file=sys.stderr)
        return 1 if runner.failures else 0
    finally:
        if args.keep:
            print(f"check_docs: scratch directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
