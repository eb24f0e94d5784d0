"""The submission printed by LibreOffice, from the .xlsx and from the .docx, measured on
the PDF (slow): a real reader as judge.

Both examples and a generated 60-jabatan Dinas: the smallest character on the Rekap pages,
the chart against the Ringkasan's cells, the signature block on one page, no blank page,
every jabatan, indicator and formula in the Word document's print.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from iki_xl.app.check import check_file
from iki_xl.core.findings import Finding
from iki_xl.core.formulasi import complete
from iki_xl.core.keputusan import keputusan_text, page_marks
from iki_xl.core.model import Dokumen
from iki_xl.core.rekap import dinas_rekap
from iki_xl.core.rules import check
from iki_xl.io.pdf import to_pdf
from iki_xl.io.write.submission import write_pengajuan
from tests.io.conftest import CONTOH, contoh
from tests.io.write.submission.generated import sixty_jabatan
from tests.io.write.submission.pdf_measure import (
    FOOTER,
    Page,
    bar_pixels,
    chart_box,
    content,
    inside,
    is_bar,
    is_grey,
    plain_text,
    read_pdf,
    squeeze,
)

pytestmark = pytest.mark.slow
MIN_SIZE = 8.0  # points: the smallest character allowed on a Rekap page at 100 %


@pytest.fixture(scope="module", autouse=True)
def _require_libreoffice() -> None:
    missing = [p for p in ("soffice", "pdftoppm", "pdftotext") if shutil.which(p) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs {', '.join(missing)} (installed by .ci/run)")
        pytest.skip(f"{', '.join(missing)} not installed")


@dataclass
class Printed:
    doc: Dokumen
    marks: tuple[str, ...]
    pdf: Path  # printed from the .xlsx
    xlsx: list[Page]
    docx: list[Page]
    docx_text: str  # in reading order


def _document(name: str) -> tuple[Dokumen, list[Finding]]:
    if name == "sixty":
        doc = complete(sixty_jabatan())
        return doc, check(doc)
    return contoh(name), check_file(CONTOH / f"{name}.yaml").findings


@pytest.fixture(scope="module", params=["probolinggo", "sampang", "sixty"])
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    folder = tmp_path_factory.mktemp(request.param)
    doc, findings = _document(request.param)
    out = write_pengajuan(
        doc, folder / f"{request.param}.xlsx", findings=findings, pdf=True, docx=True
    )
    assert out.pdf is not None and out.docx is not None
    word = to_pdf(out.docx, folder / "word")
    galat = out.galat
    marks = page_marks(galat, doc.instansi.contoh)
    return Printed(doc, marks, out.pdf, read_pdf(out.pdf), read_pdf(word), plain_text(word))


def test_rekap_pages_print_no_character_under_8_pt(printed: Printed) -> None:
    rekap = [p for p in printed.xlsx if "Rekap IKI" in p.text]
    assert rekap
    rows = len(dinas_rekap(printed.doc).rows)
    numbers = {str(n) for n in range(1, rows + 1)}
    smallest = min(c["size"] for p in rekap for c in p.chars)
    assert smallest >= MIN_SIZE - 0.01, smallest
    # every row is printed (its number in the No column of some part)
    seen = {w["text"] for p in rekap for w in p.words}
    assert numbers <= seen


def test_ringkasan_chart_covers_no_cell(printed: Printed) -> None:
    first = next(p.number for p in printed.xlsx if "RINGKASAN INDIKATOR" in p.text)
    pages = printed.xlsx[first - 1 :]  # the Ringkasan is the last sheet
    # the chart is where its bars are seen (LibreOffice also writes, clipped away, the part of
    # a drawing that falls past a page's last row)
    seen = [
        p for p in pages if any(is_bar(r) for r in p.rects) and bar_pixels(printed.pdf, p.number)
    ]
    charts = [(p, chart_box(p)) for p in seen]
    assert len(charts) == 1, [p.number for p in seen]
    page, box = charts[0]
    assert box is not None
    rekap = dinas_rekap(printed.doc)
    allowed = {
        *["Rata-rata", "capaian", "per", "bidang", "Capaian", "(%)"],
        *(w for r in rekap.rows for w in r.unit.split()),
    }
    strays = [
        w["text"]
        for w in page.words
        if inside(box, w) and w["text"] not in allowed and not w["text"].replace(".", "").isdigit()
    ]  # a word of a cell inside the chart's box
    assert not strays, strays
    # and the tables' shaded header cells (#D9D9D9) are all outside it
    assert not [r for r in page.rects if is_grey(r) and inside(box, r)]
    assert [r for p in pages for r in p.rects if is_grey(r)]  # the tables were found


@pytest.mark.parametrize("source", ["xlsx", "docx"])
def test_signature_block_on_one_page_and_no_blank_page(printed: Printed, source: str) -> None:
    pages: list[Page] = getattr(printed, source)
    n = keputusan_text(printed.doc.instansi)
    lines = ("Ditetapkan di", "Pada tanggal", f"{n.jabatan_penanda},", n.nama, f"NIP.{n.nip}")
    found = {line: [p.number for p in pages if squeeze(line) in squeeze(p.text)] for line in lines}
    assert all(found.values()), found
    keputusan_pages = {p.number for p in pages if "Ditetapkan" in p.text}
    assert len(keputusan_pages) == 1
    page = keputusan_pages.pop()
    assert all(page in v for v in found.values()), found
    for p in pages:
        assert content(p, printed.marks), f"{source} page {p.number} is blank"
    for p in pages:  # the marks are on every page (none on a clean submission)
        for m in printed.marks:
            assert m in p.text, (source, p.number, m)
        assert ("DRAF" in p.text) == any(m.startswith("DRAF") for m in printed.marks)


def test_word_print_holds_every_jabatan_indicator_and_formula(printed: Printed) -> None:
    text = squeeze(printed.docx_text)
    missing = []
    for jab in printed.doc.jabatan:
        texts = [jab.nama, *jab.tugas]
        for _, ind in jab.semua_indikator():
            texts += [ind.nama, ind.formulasi, ind.penjelasan, ind.sumber_data]
        missing += [t[:60] for t in texts if squeeze(t) not in text]
    assert not missing, missing


@pytest.mark.parametrize("source", ["xlsx", "docx"])
def test_table_header_never_ends_a_page_and_lampiran_header_opens_a_block(
    printed: Printed, source: str
) -> None:
    """A page that prints the table's header row prints a row of the table under it; the
    LAMPIRAN header (Nomor, Tanggal, Tentang) shares its page with the first jabatan."""
    pages: list[Page] = getattr(printed, source)
    with_header = 0
    for p in pages:
        lines = [ln for ln in p.text.splitlines() if ln.strip() and not FOOTER.search(ln)]
        heads = [i for i, ln in enumerate(lines) if "SUMBER" in ln or "PENGHITUNGAN" in ln]
        if "PENJELASAN/FORMULASI" in p.text and heads:
            with_header += 1
            assert lines[heads[-1] + 1 :], f"{source} page {p.number}: the header row ends it"
    assert with_header >= len(printed.doc.jabatan)
    start = next(
        p for p in pages if "NOMOR" in p.text and "TENTANG" in p.text and "LAMPIRAN" in p.text
    )
    assert "INDIKATOR KINERJA INDIVIDU" in start.text and "1. JABATAN" in start.text
    assert squeeze(printed.doc.jabatan[0].nama) in squeeze(start.text)
