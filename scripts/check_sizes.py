"""Fail on Python files and functions that have grown too big to read in one sitting.

A source file may have at most 400 lines and a function or method at most 60, counted from
its ``def`` line to the last line of its body (decorators excluded). Every offender is listed
as ``path:line: name (N lines)``; the exit status is 1 when there is any.

    python3 scripts/check_sizes.py            # the whole project
    python3 scripts/check_sizes.py tests/api  # some folders or files

Standard library only, so it runs before (and without) the virtualenv.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project's packages (site/ is imported as portal), its tests, benchmarks and scripts.
DEFAULT_PATHS = (
    "catalogue",
    "harvesters",
    "search",
    "interop",
    "demo",
    "site",
    "tests",
    "benchmarks",
    "scripts",
    "manage.py",
)
EXCLUDED_DIRS = frozenset({".venv", "venv", "migrations", "var", "__pycache__", "node_modules"})
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60


@dataclass(frozen=True)
class Offence:
    path: str
    line: int
    name: str
    lines: int
    limit: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.name} ({self.lines} lines > {self.limit})"


def python_files(paths: Sequence[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_file() and path.suffix == ".py":
            yield path
        elif path.is_dir():
            for found in sorted(path.rglob("*.py")):
                if not EXCLUDED_DIRS.intersection(found.relative_to(path).parts[:-1]):
                    yield found


def functions(tree: ast.AST) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every function and method with its qualified name (Class.method, outer.inner)."""

    def walk(
        node: ast.AST, prefix: str
    ) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                yield name, child
                yield from walk(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")
            else:
                yield from walk(child, prefix)

    return walk(tree, "")


def check_file(
    path: Path, display: str, max_file_lines: int, max_function_lines: int
) -> list[Offence]:
    source = path.read_text(encoding="utf-8")
    offences = []
    total = len(source.splitlines())
    if total > max_file_lines:
        offences.append(Offence(display, 1, "(file)", total, max_file_lines))
    for name, node in functions(ast.parse(source, filename=display)):
        length = (node.end_lineno or node.lineno) - node.lineno + 1  # lineno is the def line
        if length > max_function_lines:
            offences.append(Offence(display, node.lineno, name, length, max_function_lines))
    return offences


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: all)")
    parser.add_argument("--max-file-lines", type=int, default=MAX_FILE_LINES)
    parser.add_argument("--max-function-lines", type=int, default=MAX_FUNCTION_LINES)
    args = parser.parse_args(argv)
    paths = args.paths or [ROOT / p for p in DEFAULT_PATHS if (ROOT / p).exists()]
    offences = []
    for path in python_files(paths):
        offences += check_file(
            path, display_path(path), args.max_file_lines, args.max_function_lines
        )
    for offence in offences:
        print(offence)
    if offences:
        print(
            f"{len(offences)} over the limits: files {args.max_file_lines} lines, "
            f"functions {args.max_function_lines} lines.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
