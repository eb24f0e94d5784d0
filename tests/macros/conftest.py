"""Workbooks for the macro tests: the bundled examples as the real writer writes them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from iki_xl.core.formulasi import lengkapi
from iki_xl.io import interchange
from iki_xl.io.writer import tulis_workbook_bytes
from tests.macros.excel_palsu import ExcelPalsu

CONTOH = Path(__file__).resolve().parents[2] / "iki_xl" / "data" / "contoh"

_DATA: dict[str, bytes] = {}


def data_contoh(nama: str) -> bytes:
    """The example (completed, as in the brief: `<nama>.yaml` + `lengkapi`) as the
    template-flavoured workbook: hidden blank jabatan sheet and xlwings.conf included."""
    if nama not in _DATA:
        doc = lengkapi(interchange.muat(CONTOH / f"{nama}.yaml"))
        _DATA[nama] = tulis_workbook_bytes(doc, untuk_template=True)
    return _DATA[nama]


BuatExcel = Callable[[str], ExcelPalsu]


@pytest.fixture
def excel(tmp_path: Path) -> BuatExcel:
    """A fake Excel holding an example workbook saved as tmp_path/IKI <Nama>.xlsx."""

    def buat(nama: str) -> ExcelPalsu:
        data = data_contoh(nama)
        path = tmp_path / f"IKI {nama.title()}.xlsx"
        path.write_bytes(data)
        return ExcelPalsu.dari_xlsx(data, str(path))

    return buat
