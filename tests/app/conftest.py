"""The bundled examples written as planner workbooks (with their example figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from iki_xl.io.write.workbook import write_workbook
from tests.io.conftest import contoh


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("workbooks")
    paths = {}
    for nama in ("sampang", "probolinggo"):
        paths[nama] = folder / f"{nama}.xlsx"
        write_workbook(contoh(nama), paths[nama])
    return paths
