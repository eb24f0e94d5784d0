"""The core never imports Excel I/O libraries."""

from __future__ import annotations

import subprocess
import sys

_KODE = """
import importlib, pkgutil, sys
import iki_xl.core as core
for m in pkgutil.iter_modules(core.__path__):
    importlib.import_module(f"iki_xl.core.{m.name}")
bad = sorted({m.split('.')[0] for m in sys.modules} & {'xlwings', 'openpyxl', 'xlsxwriter', 'python_calamine'})
print(len(list(pkgutil.iter_modules(core.__path__))), ','.join(bad))
sys.exit(1 if bad else 0)
"""


def test_core_imports_neither_xlwings_nor_openpyxl() -> None:
    r = subprocess.run([sys.executable, "-c", _KODE], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stdout + r.stderr
    assert int(r.stdout.split()[0]) >= 6  # every core module was imported
