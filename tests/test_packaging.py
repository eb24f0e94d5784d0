"""`pip install .` carries what the code reads at run time: the spelling data
(iki_xl/data/ejaan/*) and the bundled examples. The wheel is built and listed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import iki_xl

ROOT = Path(iki_xl.__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_wheel_carries_the_spelling_data(tmp_path: Path) -> None:
    source = tmp_path / "src"  # a copy: the build leaves build/ beside the sources
    shutil.copytree(
        ROOT / "iki_xl", source / "iki_xl", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(tmp_path)],
        check=True, cwd=tmp_path,
    )  # fmt: skip
    [wheel] = tmp_path.glob("iki_xl-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"iki_xl/data/ejaan/{p.name}" for p in (ROOT / "iki_xl/data/ejaan").iterdir()}
    assert shipped and shipped <= names, shipped - names
    assert {"iki_xl/data/contoh/sampang.yaml", "iki_xl/core/spelling/dictionary.py"} <= names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    requires = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Requires-Dist: rapidfuzz" in requires and "Requires-Dist: PySastrawi" in requires
