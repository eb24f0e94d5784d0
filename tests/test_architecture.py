"""The package's layers, checked on the source: which layer may import which, that the core
stays free of I/O libraries, and that no module grows past 600 lines.

    core      the model, computation, rules, findings (pure Python, no I/O library)
    layout    where everything sits in a workbook (core and errors only)
    io        reading and writing files (never template, app, udfs, macros, cli)
    template  the macro-enabled template (never the app layer)
    app       the pipelines the CLI, the macros and the demo call (imported by none of
              the layers above)

Imports are read with `ast` from every .py file, at any nesting level (inside functions,
under `if TYPE_CHECKING:`), including `importlib.import_module("…")` and `__import__("…")`
with a literal name, and relative imports resolved against their package.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

import iki_xl

PACKAGE = Path(iki_xl.__file__).resolve().parent
MAX_LINES = 600
IO_LIBRARIES = frozenset(
    {"xlwings", "openpyxl", "xlsxwriter", "python_calamine", "yaml", "docx", "typer", "rich"}
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    """Every module of the package: dotted name → file."""
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return _modules()[name].name == "__init__.py"


def _literal_import(node: ast.Call) -> str | None:
    """The module named by `importlib.import_module("x")` or `__import__("x")`."""
    f = node.func
    named = (isinstance(f, ast.Name) and f.id in {"__import__", "import_module"}) or (
        isinstance(f, ast.Attribute) and f.attr == "import_module"
    )
    if named and node.args and isinstance(node.args[0], ast.Constant):
        value = node.args[0].value
        return value if isinstance(value, str) else None
    return None


def _imported(name: str) -> Iterator[tuple[int, str]]:
    """(line, module) of every import in a module; `from a import b` yields a.b when that
    is a module of the package, else a (a name defined in a)."""
    tree = ast.parse(_modules()[name].read_bytes(), filename=str(_modules()[name]))
    package = name if _is_package(name) else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                yield node.lineno, sub if sub in _modules() else source
        elif isinstance(node, ast.Call) and (target := _literal_import(node)):
            yield node.lineno, target


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def _layer(prefix: str) -> list[str]:
    return [m for m in _modules() if _within(m, prefix)]


def _package_imports(name: str) -> list[tuple[int, str]]:
    """The imports of modules of iki_xl, with their line."""
    return [(line, m) for line, m in _imported(name) if _within(m, "iki_xl")]


def _violations(
    importers: list[str], allowed: tuple[str, ...] = (), banned: tuple[str, ...] = ()
) -> list[str]:
    """'module:line imports target' for each import of iki_xl outside `allowed` (when given)
    or inside `banned`."""
    found = []
    for name in importers:
        for line, target in _package_imports(name):
            bad = (allowed and not any(_within(target, a) for a in allowed)) or any(
                _within(target, b) for b in banned
            )
            if bad:
                found.append(f"{name}:{line} imports {target}")
    return found


def test_every_layer_is_found() -> None:
    for prefix in ("iki_xl.core", "iki_xl.io", "iki_xl.template", "iki_xl.app"):
        assert len(_layer(prefix)) >= 2, prefix
    assert {"iki_xl.layout", "iki_xl.errors", "iki_xl.udfs", "iki_xl.macros", "iki_xl.cli"} <= set(
        _modules()
    )
    assert "iki_xl.core.rules.structure" in _modules()  # subpackages are walked too


def test_core_imports_nothing_of_iki_xl_outside_core() -> None:
    assert _violations(_layer("iki_xl.core"), allowed=("iki_xl.core",)) == []


def test_layout_imports_only_core_and_errors() -> None:
    assert _violations(["iki_xl.layout"], allowed=("iki_xl.core", "iki_xl.errors")) == []


@pytest.mark.parametrize(
    "banned", ["iki_xl.template", "iki_xl.app", "iki_xl.udfs", "iki_xl.macros", "iki_xl.cli"]
)
def test_io_never_imports(banned: str) -> None:
    assert _violations(_layer("iki_xl.io"), banned=(banned,)) == []


@pytest.mark.parametrize(
    "importer", ["iki_xl.io", "iki_xl.core", "iki_xl.layout", "iki_xl.template"]
)
def test_the_app_layer_is_not_imported_by(importer: str) -> None:
    assert _violations(_layer(importer), banned=("iki_xl.app",)) == []


def test_core_names_no_io_library_anywhere_in_its_source() -> None:
    found = [
        f"{name}:{line} imports {target}"
        for name in _layer("iki_xl.core")
        for line, target in _imported(name)
        if target.partition(".")[0] in IO_LIBRARIES
    ]
    assert found == []


_IMPORT_CORE = """
import importlib, json, sys
names = json.loads(sys.argv[1])
for name in names:
    importlib.import_module(name)
print(json.dumps({"imported": [n for n in names if n in sys.modules],
                  "loaded": sorted({m.partition('.')[0] for m in sys.modules})}))
"""


def test_importing_every_core_module_loads_no_io_library() -> None:
    """Also what the core imports imports: checked on a fresh interpreter's sys.modules."""
    names = _layer("iki_xl.core")
    r = subprocess.run(
        [sys.executable, "-c", _IMPORT_CORE, json.dumps(names)],
        capture_output=True,
        text=True,
        check=False,
        cwd=PACKAGE.parent,  # this source tree, whatever else is installed
    )
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["imported"] == names
    assert sorted(IO_LIBRARIES & set(result["loaded"])) == []


def _physical_lines(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def test_no_module_over_600_lines() -> None:
    long = {name: n for name, p in _modules().items() if (n := _physical_lines(p)) > MAX_LINES}
    assert long == {}
