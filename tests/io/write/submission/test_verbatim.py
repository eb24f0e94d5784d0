"""The Lampiran prints the planner's text: every text of the Lampiran sheet and of the Word
document equals, character for character, the planner workbook's cell it came from."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from iki_xl.app.check import check_workbook
from iki_xl.core.keputusan import PLACEHOLDER
from iki_xl.core.model import Dokumen
from iki_xl.core.numbers import list_letter
from iki_xl.io.read.workbook import read_workbook
from iki_xl.io.write.submission import write_pengajuan
from iki_xl.io.write.workbook import write_workbook
from tests.io.conftest import contoh
from tests.io.write.submission.generated import AWKWARD, awkward_document
from tests.io.write.submission.read_back import Block, read_lampiran, read_lampiran_docx

DOCUMENTS = {
    "probolinggo": lambda: contoh("probolinggo"),
    "sampang": lambda: contoh("sampang"),
    "awkward": awkward_document,
}


def _listed(texts: list[str]) -> list[str]:
    """A list as printed: lettered when it has more than one item, '-' when empty."""
    texts = [t for t in texts if t.strip()]
    if len(texts) > 1:
        return [f"{list_letter(i)}. {t}" for i, t in enumerate(texts)]
    return texts or ["-"]


def expected_blocks(workbook: Path, doc: Dokumen, cells: dict[str, tuple[str, str]]) -> list[Block]:
    """What the Lampiran must print, taken from the planner workbook's cells (openpyxl)."""
    wb = openpyxl.load_workbook(workbook)

    def cell(jalur: str) -> str:
        sheet, ref = cells[jalur]
        v = wb[sheet][ref].value
        return "" if v is None else str(v)

    blocks = []
    for i, jab in enumerate(doc.jabatan):
        j = f"jabatan[{i}]"
        block = Block(nama=cell(f"{j}.nama") or PLACEHOLDER)
        block.tugas = _listed([cell(f"{j}.tugas[{t}]") for t in range(len(jab.tugas))])
        block.fungsi = _listed([cell(f"{j}.fungsi[{t}]") for t in range(len(jab.fungsi))])
        for k, kin in enumerate(jab.kinerja):
            sasaran = cell(f"{j}.kinerja[{k}].sasaran")
            if not any(x.indikator for x in jab.kinerja):
                block.notes.append(sasaran)
            for n in range(len(kin.indikator)):
                ind = f"{j}.kinerja[{k}].indikator[{n}]"
                # one cell, two fields: penjelasan, a line break, formulasi (both as written)
                both = [
                    t for t in (cell(f"{ind}.penjelasan"), cell(f"{ind}.formulasi")) if t.strip()
                ]
                row = (sasaran, cell(f"{ind}.nama"), "\n".join(both), cell(f"{ind}.sumber_data"))
                block.rows.append(row)
        if not jab.kinerja:
            block.notes.append("")
        blocks.append(block)
    return blocks


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def written(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    folder = tmp_path_factory.mktemp(request.param)
    workbook = folder / "planner.xlsx"
    write_workbook(DOCUMENTS[request.param](), workbook)
    read = read_workbook(workbook)
    checked = check_workbook(read)
    out = write_pengajuan(
        checked.dokumen, folder / "pengajuan.xlsx", findings=checked.findings, docx=True
    )
    return request.param, workbook, read, out


def test_lampiran_sheet_prints_every_cell_as_written(written: tuple) -> None:
    _name, workbook, read, out = written
    expected = expected_blocks(workbook, read.dokumen, read.cells)
    printed = read_lampiran(out.xlsx)
    assert len(printed) == len(expected) == len(read.dokumen.jabatan)
    for p, e in zip(printed, expected, strict=True):
        assert p == e, e.nama


def test_word_lampiran_prints_every_cell_as_written(written: tuple) -> None:
    _name, workbook, read, out = written
    expected = expected_blocks(workbook, read.dokumen, read.cells)
    printed = read_lampiran_docx(out.docx)
    assert len(printed) == len(expected)
    for p, e in zip(printed, expected, strict=True):
        assert p == e, e.nama


def test_awkward_texts_reach_the_print_unchanged(tmp_path: Path) -> None:
    """The awkward texts themselves (not only 'equal to the cell'): Σ, ƒ(x), × 100% with and
    without, line breaks, a leading '=', spaces, very long cells — none re-rendered."""
    doc = awkward_document()
    out = write_pengajuan(doc, tmp_path / "a.xlsx", docx=True)
    for blocks in (read_lampiran(out.xlsx), read_lampiran_docx(out.docx)):
        rows = [r for b in blocks for r in b.rows]
        for (nama, formulasi, penjelasan, sumber), row in zip(AWKWARD, rows, strict=True):
            assert row[1] == nama
            assert row[2] == "\n".join(t for t in (penjelasan, formulasi) if t.strip())
            assert row[3] == sumber
        assert rows[1][2] == "Jumlah A / Jumlah B"  # no "× 100%" added
        assert rows[3][2] == "Σ Jumlah dokumen yang disusun"  # not "ƒ(x) = Σ …"
        assert len(rows[8][2]) > 1500


def test_fraction_layout_is_an_option_that_changes_no_word(tmp_path: Path) -> None:
    doc = awkward_document()
    plain = read_lampiran(write_pengajuan(doc, tmp_path / "p.xlsx").xlsx)
    laid = read_lampiran(write_pengajuan(doc, tmp_path / "f.xlsx", fraction=True).xlsx)
    changed = 0
    for a, b in zip(
        [r for x in plain for r in x.rows], [r for x in laid for r in x.rows], strict=True
    ):
        words = [w for w in b[2].split() if set(w) != {"―"}]
        assert [w for w in a[2].split() if w != "/"] == [w for w in words if w != "/"]
        changed += a[2] != b[2]
    assert changed >= 2  # "A / B × 100%" and "A / B" laid out over three lines
    first = next(r for x in laid for r in x.rows)[2].split("\n")
    assert first[0] == "Jumlah PMKS tertangani" and first[2] == "Jumlah PMKS × 100%"
