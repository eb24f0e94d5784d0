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
from iki_xl.io.atomic import tulis_atomik
from iki_xl.io.writer import tulis_workbook_bytes
from iki_xl.template.xlsm import jadikan_template_xlsm

TEMPLATE_BAKU = Path("workbooks") / "IKI_template.xlsm"
# A fixed creation stamp: the build must not depend on the clock.
DIBUAT = datetime(2024, 1, 1)


def bangun_template() -> bytes:
    """The template's bytes; two calls give identical bytes."""
    xlsx = tulis_workbook_bytes(Dokumen(), untuk_template=True, dibuat=DIBUAT)
    return jadikan_template_xlsm(xlsx)


def tulis_template(path: Path | str = TEMPLATE_BAKU) -> Path:
    path = Path(path)
    tulis_atomik(path, bangun_template())
    return path
