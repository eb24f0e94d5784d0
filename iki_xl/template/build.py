"""Build workbooks/IKI_template.xlsm from text sources, deterministically.

The workbook part comes from the same writer as every other workbook (an empty document,
with the hidden blank jabatan sheet and the xlwings.conf sheet); the VBA project and the
ribbon come from `iki_xl/template/vba/*` and `ribbon/customUI14.xml`. Nobody edits the
binary by hand: a test proves the committed file equals a fresh build.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from iki_xl.core.model import Dokumen
from iki_xl.io.atomic import write_atomic
from iki_xl.io.write.workbook import workbook_bytes
from iki_xl.template.xlsm import make_template_xlsm

DEFAULT_PATH = Path("workbooks") / "IKI_template.xlsm"
# A fixed creation stamp: the build must not depend on the clock.
CREATED = datetime(2024, 1, 1)


def build_template() -> bytes:
    """The template's bytes; two calls give identical bytes."""
    return make_template_xlsm(workbook_bytes(Dokumen(), for_template=True, created=CREATED))


def write_template(path: Path | str = DEFAULT_PATH) -> Path:
    path = Path(path)
    write_atomic(path, build_template())
    return path
