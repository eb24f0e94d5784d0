"""The build under test. By default the installed build (the mypyc-compiled modules where
`make build` made them). IKI_XL_MURNI=1 runs the same tests on the Python sources instead,
so both builds a planner may get are tested. A compiled module older than its source is an
error: it would test yesterday's code."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[1]
SUFIKS = tuple(importlib.machinery.EXTENSION_SUFFIXES)


class _SumberSaja(importlib.abc.MetaPathFinder):
    """Imports every iki_xl module from its .py file even where a compiled one lies beside."""

    def find_spec(self, name: str, path: object, target: object = None) -> object:
        if not name.startswith("iki_xl"):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)  # type: ignore[arg-type]
        if spec is not None and spec.origin and spec.origin.endswith(SUFIKS):
            sumber = Path(spec.origin).with_name(name.rsplit(".", 1)[-1] + ".py")
            return importlib.util.spec_from_file_location(name, sumber)
        return spec


if os.environ.get("IKI_XL_MURNI"):
    sys.meta_path.insert(0, _SumberSaja())


def _usang() -> list[str]:
    """Sources changed since the compiled build. Each compiled module is a small shim; the
    code itself is in the group library (setup.py's group_name), rebuilt on every change."""
    pustaka = list((AKAR / "iki_xl").glob("terkompilasi__mypyc*.so"))
    dibangun = max((p.stat().st_mtime for p in pustaka), default=0.0)
    hasil = []
    for so in (AKAR / "iki_xl").rglob("*.so"):
        py = so.with_name(so.name.split(".", 1)[0] + ".py")
        if py.exists() and py.stat().st_mtime > max(dibangun, so.stat().st_mtime):
            hasil.append(str(py.relative_to(AKAR)))
    return hasil


def pytest_configure(config: pytest.Config) -> None:
    if not os.environ.get("IKI_XL_MURNI") and (usang := _usang()):
        raise pytest.UsageError(
            f"compiled modules are older than their source ({', '.join(usang)}): run `make build`"
        )
