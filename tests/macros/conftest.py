"""Workbooks for the macro tests: the bundled examples as the real writer writes them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from iki_xl.core.formulasi import complete
from iki_xl.io import interchange
from iki_xl.io.write.workbook import workbook_bytes
from tests.macros.fake_excel import FakeExcel

CONTOH = Path(__file__).resolve().parents[2] / "iki_xl" / "data" / "contoh"

_DATA: dict[str, bytes] = {}


def contoh_data(name: str) -> bytes:
    """The example (completed, as in the brief: `<name>.yaml` + `complete`) as the
    template-flavoured workbook: hidden blank jabatan sheet and xlwings.conf included."""
    if name not in _DATA:
        doc = complete(interchange.load(CONTOH / f"{name}.yaml"))
        _DATA[name] = workbook_bytes(doc, for_template=True)
    return _DATA[name]


MakeExcel = Callable[[str], FakeExcel]


@pytest.fixture
def excel(tmp_path: Path) -> MakeExcel:
    """A fake Excel holding an example workbook saved as tmp_path/IKI <Name>.xlsx."""

    def make(name: str) -> FakeExcel:
        data = contoh_data(name)
        path = tmp_path / f"IKI {name.title()}.xlsx"
        path.write_bytes(data)
        return FakeExcel.from_xlsx(data, str(path))

    return make
