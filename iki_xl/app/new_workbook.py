"""A new planner workbook from a document: plain .xlsx, or the macro-enabled template
filled with the document (.xlsm: the VBA project, the ribbon and the IKI functions); and
the next year's workbook from this year's."""

from __future__ import annotations

from pathlib import Path

from iki_xl.app.check import load_whole
from iki_xl.app.files import is_workbook
from iki_xl.core.model import Dokumen
from iki_xl.core.tahun_baru import TahunBaru, tahun_baru
from iki_xl.errors import UnusableFile
from iki_xl.io import interchange
from iki_xl.io.atomic import write_atomic
from iki_xl.io.write.workbook import workbook_bytes
from iki_xl.template.xlsm import make_template_xlsm


def write_new_workbook(doc: Dokumen, path: Path | str) -> None:
    """Write the workbook atomically; an `.xlsm` path gets the template's VBA and ribbon."""
    path = Path(path)
    if path.suffix.lower() == ".xlsm":
        data = make_template_xlsm(workbook_bytes(doc, for_template=True))
    else:
        data = workbook_bytes(doc)
    write_atomic(path, data)


def write_tahun_baru(source: Path | str, output: Path | str, tahun: int | None) -> TahunBaru:
    """The next year's IKI of a workbook or data file, written as a workbook (.xlsm/.xlsx)
    or a data file (.yaml/.json); the source is only read. `tahun` defaults to the next."""
    doc = load_whole(Path(source))
    if tahun is None:
        if doc.instansi.tahun is None:
            raise UnusableFile(f"{source}: tahun IKI tidak diisi; sebutkan --tahun")
        tahun = doc.instansi.tahun + 1
    try:
        result = tahun_baru(doc, tahun)
    except ValueError as e:
        raise UnusableFile(str(e)) from None
    if is_workbook(Path(output)):
        write_new_workbook(result.dokumen, output)
    else:
        interchange.save(result.dokumen, output)
    return result
