"""Ribbon macros: thin glue between live Excel (xlwings) and the app layer.

Each macro is `def name(book=None)`: from the ribbon (`RunPython "import iki_xl.macros as
m; m.validate()"`) the workbook is `xw.Book.caller()`; from Python or a test, pass a book.
This module imports only xlwings, the layout and `iki_xl.live` (grids, protection, marks):
each macro imports the app layer when it runs, so a click pays only for its own work.

A planner never sees a traceback: every macro ends in a message box in Bahasa Indonesia,
and the status bar and screen updating are restored whatever happens.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import xlwings as xw

from iki_xl import layout as L
from iki_xl.errors import IkiError

if TYPE_CHECKING:
    from iki_xl.core.findings import Finding
from iki_xl.live import (
    APP_TITLE,
    MARKS_COL,
    MARKS_HEADER,
    Book,
    Stop,
    add_marks,
    ask_open_path,
    ask_save_path,
    local_fullname,
    read_book,
    remove_marks,
    status,
    stored_marks,
    unprotected,
    xlwings_conf,
)

log = logging.getLogger(__name__)

ERROR_MESSAGE = "Terjadi kesalahan: {error}. Laporkan ke pengembang dengan berkas ini."
PENGAJUAN_SUFFIX = " - Pengajuan IKI.xlsx"
NEW_JABATAN_NAME = "Jabatan Baru"

# ---------------------------------------------------------------- the public macros


def validate(book: xw.Book | None = None) -> None:
    """Validasi: findings into "Hasil Validasi", offending cells marked, counts in a box."""
    _run("Validasi", _validate, book)


def recalculate(book: xw.Book | None = None) -> None:
    """Hitung Ulang: restore overwritten IKI formulas, refresh the atasan list, calculate."""
    _run("Hitung Ulang", _recalculate, book)


def add_jabatan(book: xw.Book | None = None) -> None:
    """Tambah Jabatan: copy the blank jabatan sheet, give it an ID, list it as atasan."""
    _run("Tambah Jabatan", _add_jabatan, book)


def consolidate(book: xw.Book | None = None) -> None:
    """Konsolidasi: the submission workbook beside this one, opened in Excel."""
    _run("Konsolidasi", _consolidate, book)


def quarterly_report(book: xw.Book | None = None, triwulan: int | None = None) -> None:
    """Laporan Triwulan: the Laporan Capaian Kinerja Triwulan beside this workbook, opened
    in Excel; `triwulan` (1..4) as the planner chose it, else the last quarter filled."""
    _run("Laporan Triwulan", lambda b: _quarterly_report(b, triwulan), book)


def new_year(book: xw.Book | None = None) -> None:
    """IKI Tahun Baru: next year's workbook beside this one (this one is not changed)."""
    _run("IKI Tahun Baru", _new_year, book)


def compare(book: xw.Book | None = None) -> None:
    """Bandingkan: what changed from an IKI the planner picks (last year's) to this one."""
    _run("Bandingkan", _compare, book)


def help(book: xw.Book | None = None) -> None:  # the ribbon calls m.help()
    """Bantuan: show the Petunjuk sheet."""
    _run("Bantuan", _help, book)


# ---------------------------------------------------------------- running a macro


def _run(title: str, work: Callable[[xw.Book], None], book: xw.Book | None) -> None:
    """Run one macro: never let an exception reach Excel; always restore the status bar."""
    if book is None:
        book = xw.Book.caller()
    app = book.app
    message: str | None = None
    try:
        work(book)
    except IkiError as e:  # Stop, UnusableFile, ExcelLimit: already planner words
        message = str(e)
    except Exception as e:
        log.exception("macro %s failed", title)
        message = ERROR_MESSAGE.format(error=_short(e))
    finally:
        _restore(app)
    if message is not None:
        _alert(app, message, title, mode="critical")


def _short(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= 300 else text[:297] + "…"


def _restore(app: xw.App) -> None:
    for name, value in (("status_bar", False), ("screen_updating", True)):
        try:
            setattr(app, name, value)
        except Exception:  # a dead Excel cannot take it back; nothing more to do
            log.warning("could not restore app.%s", name, exc_info=True)


def _alert(app: xw.App, message: str, title: str, *, mode: str = "info") -> None:
    try:
        app.alert(message, title=f"{APP_TITLE} – {title}", buttons="ok", mode=mode)
    except Exception:
        log.warning("could not show the message box: %s", message, exc_info=True)


# ---------------------------------------------------------------- validate


def _report_sheet(book: xw.Book, wb: Book) -> tuple[xw.Sheet, bool]:
    sheet = wb.sheets.get(L.SHEET_HASIL_VALIDASI)
    if sheet is not None:
        return sheet, False
    last = list(wb.sheets.values())[-1]
    sheet = book.sheets.add(L.SHEET_HASIL_VALIDASI, after=last)
    wb.sheets[L.SHEET_HASIL_VALIDASI] = sheet
    return sheet, True


def _validate(book: xw.Book) -> None:
    from iki_xl.app.check import check_workbook
    from iki_xl.core.findings import Severity
    from iki_xl.io.write.report import (
        REPORT_WIDTHS,
        SEVERITY_LABELS,
        report_grid,
        safe_text,
        severity_counts,
    )

    book.app.screen_updating = False
    wb = read_book(book)
    assert wb.read is not None
    status(book, "memeriksa aturan …")
    findings = check_workbook(wb.read).findings

    status(book, "menghapus tanda validasi sebelumnya …")
    remove_marks(wb, stored_marks(wb.grids.get(L.SHEET_HASIL_VALIDASI, [])))

    status(book, f"menandai {len(findings)} temuan …")
    marks = add_marks(wb, findings)

    status(book, "menulis sheet Hasil Validasi …")
    sheet, created = _report_sheet(book, wb)
    if created:
        for c, width in enumerate(REPORT_WIDTHS):
            sheet.range((1, c + 1)).column_width = width
    else:
        sheet.clear()
    sheet.range((1, 1)).value = report_grid(findings, sheet_order=wb.order)
    block: list[list[Any]] = [list(MARKS_HEADER)]
    block += [
        [safe_text(m.sheet), m.cell, m.original, m.set_to, "ya" if m.note else ""] for m in marks
    ]
    sheet.range((1, MARKS_COL + 1)).value = block
    last = L.column_letters(MARKS_COL + len(MARKS_HEADER) - 1)
    sheet.range(f"{L.column_letters(MARKS_COL)}:{last}").column_width = 0  # hidden
    sheet.activate()

    stale = sum(len(d) for d in _differing_formulas(book, wb).values())
    counts = dict(severity_counts(findings))
    lines = "\n".join(f"{label}: {n}" for label, n in counts.items())
    if stale:  # an inserted indicator row has none yet; Hitung Ulang writes them
        lines += (
            f"\n\n{stale} rumus IKI belum ada atau tidak sesuai (mis. di baris indikator yang "
            "baru disisipkan): klik Hitung Ulang pada tab IKI."
        )
    galat = counts[SEVERITY_LABELS[Severity.GALAT]]
    if findings:
        message = (
            f"Validasi selesai: {len(findings)} temuan.\n\n{lines}\n\n"
            "Rinciannya ada di sheet Hasil Validasi; sel yang bermasalah diberi warna "
            "dan catatan."
        )
    else:
        message = f"Validasi selesai: tidak ada temuan.\n\n{lines}"
    _alert(book.app, message, "Validasi", mode="critical" if galat else "info")


# ---------------------------------------------------------------- Referensi list


def _jabatan_list(wb: Book) -> list[tuple[str, str]]:
    """(ID as typed on the sheet, nama) of every jabatan sheet, in workbook order."""
    from iki_xl.app.formulas import position
    from iki_xl.io.read.grid import grid_cell, text

    assert wb.read is not None
    result: list[tuple[str, str]] = []
    used: set[str] = set()
    for i, jab in enumerate(wb.read.dokumen.jabatan):
        where = wb.read.cells.get(f"jabatan[{i}].id")
        if where is None:
            continue
        sheet, ref = where
        jid = text(grid_cell(wb.grids.get(sheet, []), *position(ref))).strip()
        if jid and jid not in used:  # an empty or repeated ID has no place in the list
            used.add(jid)
            result.append((jid, jab.nama))
    return result


def _refresh_referensi(book: xw.Book, wb: Book, extra: Iterable[tuple[str, str]] = ()) -> int:
    """Rewrite Referensi's ID/nama list (one block) and the names that feed the dropdowns."""
    from iki_xl.io.read.grid import grid_cell, is_empty
    from iki_xl.io.write.report import safe_text

    sheet = wb.sheets.get(L.SHEET_REFERENSI)
    if sheet is None:
        raise Stop(
            f"Sheet '{L.SHEET_REFERENSI}' tidak ditemukan; daftar pilihan atasan tidak dapat "
            "diperbarui. Gunakan templat IKI yang lengkap."
        )
    jabatan = _jabatan_list(wb)
    present = {i for i, _ in jabatan}
    jabatan += [(i, n) for i, n in extra if i not in present]
    c = L.REFERENSI_JABATAN_COL
    grid = wb.grids.get(L.SHEET_REFERENSI, [])
    old_rows = sum(
        1
        for r in range(1, len(grid))
        if not (is_empty(grid_cell(grid, r, c)) and is_empty(grid_cell(grid, r, c + 1)))
    )
    block: list[list[Any]] = [[safe_text(i), safe_text(n)] for i, n in jabatan]
    block += [[None, None]] * max(0, old_rows - len(block))
    with unprotected(sheet):
        if block:
            sheet.range((2, c + 1)).value = block
    n = max(len(jabatan), 1)
    q = L.quote_sheet(L.SHEET_REFERENSI)
    book.names.add(L.NAME_JABATAN_IDS, f"={q}!{L.range_ref(1, c, n, c, absolute=True)}")
    book.names.add(L.NAME_JABATAN_TABLE, f"={q}!{L.range_ref(1, c, n, c + 1, absolute=True)}")
    return len(jabatan)


# ---------------------------------------------------------------- recalculate


def _differing_formulas(book: xw.Book, wb: Book) -> dict[str, list[Any]]:
    """Per jabatan sheet, the computed formulas that differ from the layout's: overwritten,
    deleted, missing on an inserted indicator row, or with a range gone stale."""
    from iki_xl.app.formulas import expected_formulas, same_formula
    from iki_xl.io.read.grid import grid_cell, normalise, offset, text

    assert wb.read is not None
    differing: dict[str, list[Any]] = {}
    for name, expected in expected_formulas(wb.read, wb.grids).items():
        if not expected:
            continue
        status(book, f"memeriksa rumus di sheet {name} …")
        used = wb.sheets[name].used_range
        now = offset(normalise(used.formula), used.row - 1, used.column - 1)
        differ = [
            e for e in expected if not same_formula(text(grid_cell(now, *e.first)), e.formula)
        ]
        if differ:
            differing[name] = differ
    return differing


def _restore_formulas(book: xw.Book, wb: Book) -> dict[str, int]:
    """Write every computed formula that differs from the layout's back into place; count
    per sheet."""
    restored: dict[str, int] = {}
    for name, differ in _differing_formulas(book, wb).items():
        sheet = wb.sheets[name]
        with unprotected(sheet):
            for e in differ:
                (r0, c0), (r1, c1) = e.first, e.last
                cells = sheet.range((r0 + 1, c0 + 1), (r1 + 1, c1 + 1))
                if e.array:
                    cells.formula_array = e.formula
                else:
                    cells.formula = e.formula
        restored[name] = len(differ)
    return restored


def _recalculate(book: xw.Book) -> None:
    wb = read_book(book)
    restored = _restore_formulas(book, wb)
    status(book, "memperbarui daftar jabatan …")
    _refresh_referensi(book, wb)
    status(book, "menghitung ulang …")
    book.app.api.CalculateFull()  # Calculate would skip the IKI cells that are not dirty
    lost = _losses(wb.read.findings) if wb.read is not None else ""
    if lost and not restored:
        _alert(book.app, "Hitung ulang selesai." + lost, "Hitung Ulang", mode="critical")
    elif restored:
        details = "\n".join(f"• {s}: {n} rumus" for s, n in restored.items())
        _alert(
            book.app,
            "Hitung ulang selesai. Rumus IKI yang tertimpa, terhapus atau rentangnya tidak "
            f"lagi sesuai sudah dikembalikan:\n{details}\n\nSel biru dihitung otomatis; "
            "jangan diketik." + lost,
            "Hitung Ulang",
        )


# ---------------------------------------------------------------- add_jabatan

_ID_ROW = L.HEADER_FIRST_ROW + [k for k, _ in L.JABATAN_HEADER].index("id")


def _new_id(used: set[str]) -> str:
    while True:
        new = f"jabatan-{uuid.uuid4().hex[:8]}"
        if new not in used:
            return new


def _add_jabatan(book: xw.Book) -> None:
    wb = read_book(book)
    assert wb.read is not None
    blank = wb.sheets.get(L.SHEET_BLANK_JABATAN)
    if blank is None:
        raise Stop(
            f"Sheet jabatan kosong ('{L.SHEET_BLANK_JABATAN}', tersembunyi) tidak ada di buku "
            "kerja ini, jadi jabatan baru tidak dapat disalin. Gunakan templat IKI "
            "(IKI_template.xlsm) atau salin sheet jabatan yang ada lalu kosongkan isinya."
        )
    name = L.jabatan_sheet_names([NEW_JABATAN_NAME], wb.sheets)[0]
    jabatan_sheets = wb.read.jabatan_sheets
    after = wb.sheets[jabatan_sheets[-1]] if jabatan_sheets else None
    if after is None:
        after = wb.sheets.get(L.SHEET_INSTANSI) or list(wb.sheets.values())[-1]
    status(book, f"menyalin sheet jabatan kosong ke '{name}' …")
    new = blank.copy(after=after, name=name)
    new.visible = True
    jid = _new_id({i for i, _ in _jabatan_list(wb)})
    new.range((_ID_ROW + 1, L.HEADER_VALUE_COL + 1)).value = jid  # an unlocked input cell
    wb.sheets[name] = new
    _refresh_referensi(book, wb, [(jid, "")])
    new.activate()
    new.range((L.HEADER_FIRST_ROW + 1, L.HEADER_VALUE_COL + 1)).select()
    status(book, f"sheet '{name}' ditambahkan (ID {jid})")


# ---------------------------------------------------------------- consolidate


def _beside(book: xw.Book, wb: Book, suffix: str, what: str, action: str) -> Path:
    """`<workbook> - suffix` beside the workbook; for a workbook in the cloud without a
    local copy, where the planner says (a saved workbook is never refused)."""
    conf = xlwings_conf(wb.grids.get(L.SHEET_XLWINGS_CONF, []))
    source = local_fullname(book, conf)
    if source is None:
        return ask_save_path(book, Path(book.name).stem + suffix, what, action)
    return source.with_name(source.stem + suffix)


def _refuse_open(book: xw.Book, target: Path, action: str) -> None:
    """A file about to be replaced must not be open in this Excel."""
    if _is_open(book, target):
        raise Stop(
            f"Berkas '{target.name}' sedang terbuka di Excel. Tutup berkas itu dulu, lalu "
            f"jalankan {action} lagi."
        )


def _is_open(book: xw.Book, target: Path) -> bool:
    for b in book.app.books:
        try:
            if Path(b.fullname) == target:
                return True
        except Exception:  # a book in the cloud xlwings cannot place: not our file
            continue
    return False


def _consolidate(book: xw.Book) -> None:
    from iki_xl.app.check import check_workbook
    from iki_xl.io.write.report import severity_counts
    from iki_xl.io.write.submission import write_pengajuan

    wb = read_book(book)
    assert wb.read is not None
    target = _beside(book, wb, PENGAJUAN_SUFFIX, "berkas pengajuan IKI", "Konsolidasi")
    _refuse_open(book, target, "Konsolidasi")
    status(book, "memeriksa aturan …")
    checked = check_workbook(wb.read)
    status(book, f"menulis {target.name} …")
    try:  # the workbook and, beside it, the Keputusan and Lampiran in Word
        written = write_pengajuan(
            checked.dokumen, target, findings=checked.findings, sumber=book.name, docx=True
        )
    except PermissionError:
        raise Stop(
            f"Berkas '{target}' atau '{target.with_suffix('.docx').name}' tidak dapat ditulis "
            "(sedang dibuka program lain atau folder hanya-baca)."
        ) from None
    status(book, f"membuka {target.name} …")
    book.app.books.open(str(target))
    counts = ", ".join(f"{n} {label.lower()}" for label, n in severity_counts(checked.findings))
    message = (
        f"Berkas pengajuan sudah ditulis dan dibuka:\n{target}\n"
        f"Keputusan dan Lampiran dalam Word:\n{written.docx}\n\nTemuan validasi: {counts}."
    )
    if written.galat:
        message += (
            f"\nSetiap halaman bertanda DRAF selama masih ada {written.galat} galat; jalankan "
            "Validasi untuk rinciannya sebelum dikirim ke Bagian Organisasi."
        )
    elif checked.findings:
        message += "\nTemuan lain tidak menghalangi pengajuan; jalankan Validasi untuk rinciannya."
    _alert(book.app, message + _losses(checked.findings), "Konsolidasi")


def _require_whole(wb: Book, action: str) -> None:
    """Refuse an action whose result would silently lack what was not read (the next
    year's IKI, a comparison)."""
    lost = _losses(wb.read.findings) if wb.read is not None else ""
    if lost:
        raise Stop(f"{action} tidak dijalankan: sebagian buku kerja tidak terbaca." + lost)


def _losses(findings: list[Finding]) -> str:
    """What was not read whole (a damaged jabatan sheet …), for a message box: every macro
    that reads the workbook names it, nothing disappears silently."""
    from iki_xl.app.check import incomplete

    lost = incomplete(findings)
    if not lost:
        return ""
    lines = "\n".join(f"• {f.sheet}!{f.cell}: {_short(Exception(f.message))}" for f in lost[:10])
    more = f"\n… dan {len(lost) - 10} lainnya" if len(lost) > 10 else ""
    return f"\n\nTIDAK TERBACA (perbaiki dulu, lalu ulangi):\n{lines}{more}"


# ---------------------------------------------------------------- quarterly report, compare


def _quarterly_report(book: xw.Book, triwulan: int | None) -> None:
    from iki_xl.app.laporan import latest_quarter, write_laporan_docs
    from iki_xl.core.formulasi import complete
    from iki_xl.core.numbers import QUARTERS

    wb = read_book(book)
    assert wb.read is not None
    doc = complete(wb.read.dokumen)
    q = triwulan if triwulan is not None else latest_quarter(doc)
    if not 1 <= q <= 4:
        raise Stop(f"Triwulan harus 1, 2, 3 atau 4 (bukan {q}).")
    tw = QUARTERS[q - 1]
    target = _beside(book, wb, f" - Laporan {tw}.xlsx", f"laporan {tw}", "Laporan Triwulan")
    _refuse_open(book, target, "Laporan Triwulan")
    status(book, f"menulis {target.name} …")
    try:
        written = write_laporan_docs([(doc, None)], target, q)
    except PermissionError:
        raise Stop(f"Berkas '{target}' tidak dapat ditulis (sedang dibuka program lain).") from None
    book.app.books.open(str(target))
    rows = written.report.rows
    judged = sum(r.capaian is not None for r in rows)
    _alert(
        book.app,
        f"{written.report.title} sudah ditulis dan dibuka:\n{target}\n\n{len(rows)} indikator, "
        f"{judged} dengan capaian s.d. {tw}. Predikat tahunan baru dinilai setelah TW IV."
        + _losses(wb.read.findings),
        "Laporan Triwulan",
    )


def _new_year(book: xw.Book) -> None:
    from iki_xl.app.new_workbook import write_new_workbook
    from iki_xl.core.formulasi import complete
    from iki_xl.core.tahun_baru import tahun_baru

    wb = read_book(book)
    assert wb.read is not None
    _require_whole(wb, "IKI Tahun Baru")
    doc = complete(wb.read.dokumen)
    if doc.instansi.tahun is None:
        raise Stop("Tahun IKI belum diisi di sheet Instansi: isi dulu, lalu ulangi.")
    result = tahun_baru(doc, doc.instansi.tahun + 1)
    tahun = result.dokumen.instansi.tahun
    target = _beside(book, wb, f" - IKI {tahun}.xlsm", f"IKI tahun {tahun}", "IKI Tahun Baru")
    _refuse_open(book, target, "IKI Tahun Baru")
    status(book, f"menulis {target.name} …")
    try:
        write_new_workbook(result.dokumen, target)
    except PermissionError:
        raise Stop(f"Berkas '{target}' tidak dapat ditulis (sedang dibuka program lain).") from None
    book.app.books.open(str(target))
    message = (
        f"IKI tahun {tahun} sudah ditulis dan dibuka:\n{target}\n\nBaseline diisi dari "
        f"realisasi {doc.instansi.tahun} untuk {result.baseline_diisi} indikator."
    )
    if result.baseline_kosong:
        shown = "\n".join(f"• {line}" for line in result.baseline_kosong[:8])
        more = len(result.baseline_kosong) - 8
        message += f"\nBaseline belum diisi untuk {len(result.baseline_kosong)} indikator:\n{shown}"
        message += f"\n… dan {more} lainnya." if more > 0 else ""
    message += "\n\nIsi target tahun baru, nomor dan tanggal keputusan."
    _alert(book.app, message, "IKI Tahun Baru")


def _compare(book: xw.Book) -> None:
    from iki_xl.app.banding import write_comparison_docs
    from iki_xl.app.check import load_whole
    from iki_xl.core.formulasi import complete
    from iki_xl.io.write.banding import summary

    old_path = ask_open_path(book, "Pilih IKI yang dibandingkan (mis. IKI tahun lalu)")
    if old_path is None:
        return  # the planner cancelled: nothing to say
    wb = read_book(book)
    assert wb.read is not None
    _require_whole(wb, "Bandingkan")
    status(book, f"membaca {old_path.name} …")
    old = load_whole(old_path)  # only read; an unusable file is a message (IkiError)
    target = _beside(book, wb, " - Perbandingan IKI.xlsx", "perbandingan IKI", "Bandingkan")
    _refuse_open(book, target, "Bandingkan")
    status(book, f"menulis {target.name} …")
    try:
        written = write_comparison_docs(old, complete(wb.read.dokumen), target)
    except PermissionError:
        raise Stop(f"Berkas '{target}' tidak dapat ditulis (sedang dibuka program lain).") from None
    book.app.books.open(str(target))
    _alert(
        book.app,
        f"{written.title}\n{old_path.name} → {book.name}\n\n{summary(written.changes)}\n\n"
        f"Rinciannya di {target}.",
        "Bandingkan",
    )


# ---------------------------------------------------------------- help


def _help(book: xw.Book) -> None:
    if L.SHEET_PETUNJUK not in [s.name for s in book.sheets]:
        raise Stop(
            f"Sheet '{L.SHEET_PETUNJUK}' tidak ada di buku kerja ini. Petunjuk lengkap ada di "
            "berkas docs/excel.md iki-xl."
        )
    sheet = book.sheets[L.SHEET_PETUNJUK]
    sheet.visible = True
    sheet.activate()
    _alert(
        book.app,
        "Petunjuk pengisian ada di sheet Petunjuk (sudah dibuka).\n\n"
        "Tab IKI: Validasi memeriksa seluruh buku kerja; Hitung Ulang menghitung ulang "
        "rumus IKI; Tambah Jabatan menyalin sheet jabatan kosong; Konsolidasi menulis "
        "berkas pengajuan di samping buku kerja ini.",
        "Bantuan",
    )
