"""An in-memory Excel behind `create_autospec` stand-ins of xlwings' own classes.

Every object a macro touches is `create_autospec(xw.<Class>, instance=True, spec_set=True)`:
calling a method xlwings does not have, or with arguments its signature refuses, fails the
test. Properties are replaced one by one with the behaviour below; any property of the real
class that the fake does not implement raises, so a macro cannot silently read a bare Mock.

The state is loaded from a workbook the real writer produced: cached values through
python-calamine (what `Range.value` returns), formulas, fills, cell locks and sheet
protection through openpyxl. Protection is enforced like Excel does: writing a locked cell,
adding a note, or recolouring on a protected sheet raises, so a macro that forgets to lift
protection fails here as it would in Excel.

`ExcelPalsu.panggilan` counts range-level COM calls (reads and writes of values, formulas,
colours, notes) for the O(sheets) bound of the macros.
"""

from __future__ import annotations

import datetime as dt
import inspect
import io
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from unittest.mock import create_autospec

import openpyxl
import xlwings as xw
from python_calamine import CalamineWorkbook

Pos = tuple[int, int]  # 0-based (row, column)
Kotak = tuple[int, int, int, int]  # 0-based inclusive (r0, c0, r1, c1)

BARIS_MAKS = 1_048_576


class GalatCom(Exception):
    """What pywin32 raises when Excel refuses (com_error)."""


# ---------------------------------------------------------------- addresses


def _kolom(huruf: str) -> int:
    n = 0
    for ch in huruf.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


_SEL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
_KOL = re.compile(r"^\$?([A-Za-z]{1,3})$")


def _satu(bagian: str) -> Kotak:
    ujung = bagian.split(":")
    if len(ujung) == 2 and all(_KOL.match(u) for u in ujung):
        k0, k1 = (_kolom(_KOL.match(u).group(1)) for u in ujung)  # type: ignore[union-attr]
        return (0, k0, BARIS_MAKS - 1, k1)
    titik = []
    for u in ujung:
        m = _SEL.match(u)
        assert m, f"alamat tidak dikenal: {bagian!r}"
        titik.append((int(m.group(2)) - 1, _kolom(m.group(1))))
    (r0, c0), (r1, c1) = titik[0], titik[-1]
    return (min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1))


def urai_alamat(alamat: str) -> list[Kotak]:
    """'A1', 'A1:C3', 'A1,B2:B4', 'AA:AE' → rectangles."""
    return [_satu(b.strip()) for b in alamat.split(",")]


def a1(pos: Pos) -> str:
    r, c = pos
    s, c = "", c + 1
    while c:
        c, m = divmod(c - 1, 26)
        s = chr(65 + m) + s
    return f"{s}{r + 1}"


def _rgb(hexa: str) -> tuple[int, int, int]:
    h = hexa.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def _hex(warna: Any) -> str | None:
    if warna is None:
        return None
    if isinstance(warna, str):
        return "#" + warna.lstrip("#").upper()
    if isinstance(warna, tuple):
        return "#{:02X}{:02X}{:02X}".format(*warna)
    raise TypeError(f"warna tidak dikenal: {warna!r}")


# ---------------------------------------------------------------- state


@dataclass
class LembarPalsu:
    nama: str
    nilai: dict[Pos, Any] = field(default_factory=dict)
    rumus: dict[Pos, str] = field(default_factory=dict)
    warna: dict[Pos, str] = field(default_factory=dict)
    catatan: dict[Pos, str] = field(default_factory=dict)
    tak_terkunci: set[Pos] = field(default_factory=set)
    lebar_kolom: dict[int, float] = field(default_factory=dict)
    terlihat: bool = True
    proteksi: bool = False
    izin_format: bool = False  # AllowFormattingCells
    izin_objek: bool = False  # not ProtectDrawingObjects
    kata_sandi: str = ""

    def salin(self, nama: str) -> LembarPalsu:
        return LembarPalsu(
            nama,
            dict(self.nilai),
            dict(self.rumus),
            dict(self.warna),
            dict(self.catatan),
            set(self.tak_terkunci),
            dict(self.lebar_kolom),
            self.terlihat,
            self.proteksi,
            self.izin_format,
            self.izin_objek,
            self.kata_sandi,
        )

    def kotak_terpakai(self) -> Kotak:
        sel = set(self.nilai) | set(self.rumus) | set(self.warna) | set(self.catatan)
        if not sel:
            return (0, 0, 0, 0)
        return (
            min(r for r, _ in sel),
            min(c for _, c in sel),
            max(r for r, _ in sel),
            max(c for _, c in sel),
        )

    def isi(self, pos: Pos) -> Any:
        """What the planner sees typed in a cell: the formula, else the value."""
        return self.rumus.get(pos, self.nilai.get(pos))


def _nilai_calamine(v: Any) -> Any:
    if v == "":
        return None
    if isinstance(v, int) and not isinstance(v, bool):
        return float(v)
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return dt.datetime(v.year, v.month, v.day)
    return v


def muat_xlsx(data: bytes) -> tuple[list[LembarPalsu], dict[str, str]]:
    """Sheets and defined names of a written workbook, as live Excel would hold them."""
    cal = CalamineWorkbook.from_filelike(io.BytesIO(data))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    lembar = []
    for ws in wb.worksheets:
        lp = LembarPalsu(ws.title)
        grid = cal.get_sheet_by_name(ws.title).to_python(skip_empty_area=False)
        for r, baris in enumerate(grid):
            for c, v in enumerate(baris):
                v = _nilai_calamine(v)
                if v is not None:
                    lp.nilai[(r, c)] = v
        for baris_ in ws.iter_rows():
            for cell in baris_:
                if not hasattr(cell, "column"):
                    continue
                pos = (cell.row - 1, cell.column - 1)
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    lp.rumus[pos] = cell.value
                if cell.fill is not None and cell.fill.fill_type == "solid":
                    rgb = cell.fill.fgColor.rgb
                    if isinstance(rgb, str) and len(rgb) == 8:
                        lp.warna[pos] = "#" + rgb[2:].upper()
                if cell.protection is not None and not cell.protection.locked:
                    lp.tak_terkunci.add(pos)
        lp.terlihat = ws.sheet_state == "visible"
        lp.proteksi = bool(ws.protection.sheet)
        lp.izin_format = not ws.protection.formatCells
        lp.izin_objek = not ws.protection.objects
        lembar.append(lp)
    cal.close()
    nama = {n: d.attr_text for n, d in wb.defined_names.items()}
    return lembar, nama


# ---------------------------------------------------------------- the autospec'd stand-ins


_SIFAT: dict[type, dict[str, property]] = {}


def _sifat_kelas(kelas: type) -> dict[str, property]:
    if kelas not in _SIFAT:
        _SIFAT[kelas] = {
            n: p
            for n in dir(kelas)
            if isinstance(p := inspect.getattr_static(kelas, n, None), property)
        }
    return _SIFAT[kelas]


def _stub(
    kelas: type, sifat: dict[str, tuple[Callable[[], Any], Callable[[Any], None] | None]]
) -> Any:
    """`create_autospec` of an xlwings class whose properties behave as given; every other
    property of the real class raises instead of returning a bare Mock."""
    semua = _sifat_kelas(kelas)
    assert set(sifat) <= set(semua), set(sifat) - set(semua)
    m = create_autospec(kelas, instance=True, spec_set=True)
    T = type(m)
    for nama, asli in semua.items():
        if nama in sifat:
            baca, tulis = sifat[nama]
            if tulis is not None:
                assert asli.fset is not None, f"{kelas.__name__}.{nama} is read-only in xlwings"
            setattr(
                T,
                nama,
                property(
                    lambda self, b=baca: b(),
                    None if tulis is None else (lambda self, v, t=tulis: t(v)),
                ),
            )
        else:

            def tolak(self: Any, n: str = nama) -> Any:
                raise AttributeError(f"the fake does not implement {kelas.__name__}.{n}")

            setattr(T, nama, property(tolak))
    return m


class ApiLembar:
    """The few members of Excel's Worksheet COM object the macros use (pywin32 dispatch)."""

    __slots__ = ("_lp",)

    def __init__(self, lp: LembarPalsu) -> None:
        self._lp = lp

    @property
    def ProtectContents(self) -> bool:
        return self._lp.proteksi

    @property
    def ProtectDrawingObjects(self) -> bool:
        return self._lp.proteksi and not self._lp.izin_objek

    @property
    def ProtectScenarios(self) -> bool:
        return self._lp.proteksi

    @property
    def Protection(self) -> Any:
        lp = self._lp

        class _Protection:
            AllowFormattingCells = lp.izin_format
            AllowFormattingColumns = True
            AllowFormattingRows = True
            AllowInsertingColumns = False
            AllowInsertingRows = True
            AllowInsertingHyperlinks = False
            AllowDeletingColumns = False
            AllowDeletingRows = True
            AllowSorting = False
            AllowFiltering = False
            AllowUsingPivotTables = False

        return _Protection()

    def Unprotect(self, Password: str = "") -> None:
        if Password != self._lp.kata_sandi:
            raise GalatCom("The password you supplied is not correct.")
        self._lp.proteksi = False

    def Protect(
        self,
        Password: str = "",
        DrawingObjects: bool = True,
        Contents: bool = True,
        Scenarios: bool = True,
        **izin: bool,
    ) -> None:
        lp = self._lp
        lp.proteksi = Contents
        lp.kata_sandi = Password
        lp.izin_objek = not DrawingObjects
        lp.izin_format = izin.get("AllowFormattingCells", False)


class ExcelPalsu:
    """One workbook in one fake Excel application."""

    def __init__(self, lembar: list[LembarPalsu], nama: dict[str, str], fullname: str) -> None:
        self.lembar = lembar
        self.nama = dict(nama)
        self.fullname = fullname
        self.status: list[Any] = []  # every value given to app.status_bar
        self.status_bar: Any = False
        self.screen_updating = True
        self.kotak: list[dict[str, Any]] = []  # every alert
        self.dihitung = 0
        self.dibuka: list[str] = []
        self.aktif = ""
        self.panggilan: Counter[str] = Counter()
        self.tulis_blok: list[tuple[str, str, Any]] = []  # (sheet, address, value) writes
        self._sheet_mock: dict[int, Any] = {}
        self._range_mock: dict[tuple[Any, ...], Any] = {}
        self.app = self._app()
        self.book = self._book()

    @classmethod
    def dari_xlsx(cls, data: bytes, fullname: str) -> ExcelPalsu:
        lembar, nama = muat_xlsx(data)
        return cls(lembar, nama, fullname)

    # -- lookups
    def cari(self, nama: str) -> LembarPalsu:
        for lp in self.lembar:
            if lp.nama.casefold() == nama.casefold():
                return lp
        raise GalatCom(f"Subscript out of range: sheet {nama!r}")

    def nama_sheet(self) -> list[str]:
        return [lp.nama for lp in self.lembar]

    # -- App
    def _app(self) -> Any:
        def atur_status(v: Any) -> None:
            self.status.append(v)
            self.status_bar = v

        def atur_layar(v: Any) -> None:
            self.screen_updating = v

        app = _stub(
            xw.App,
            {
                "status_bar": (lambda: self.status_bar, atur_status),
                "screen_updating": (lambda: self.screen_updating, atur_layar),
                "books": (lambda: self._books, None),
            },
        )

        def alert(
            prompt: str,
            title: Any = None,
            buttons: str = "ok",
            mode: Any = None,
            callback: Any = None,
        ) -> str:
            self.kotak.append({"prompt": prompt, "title": title, "buttons": buttons, "mode": mode})
            return "ok"

        app.alert.side_effect = alert

        def hitung() -> None:
            self.dihitung += 1

        app.calculate.side_effect = hitung
        books = create_autospec(xw.main.Books, instance=True, spec_set=True)
        books.__iter__.side_effect = lambda: iter([self.book])

        def buka(fullname: Any = None, *a: Any, **kw: Any) -> Any:
            self.dibuka.append(str(fullname))
            lain = _stub(xw.Book, {"fullname": (lambda: str(fullname), None)})
            return lain

        books.open.side_effect = buka
        self._books = books
        return app

    # -- Book
    def _book(self) -> Any:
        book = _stub(
            xw.Book,
            {
                "app": (lambda: self.app, None),
                "sheets": (lambda: self._sheets(), None),
                "names": (lambda: self._names(), None),
                "fullname": (lambda: self.fullname, None),
                "name": (lambda: self.fullname.replace("\\", "/").rsplit("/", 1)[-1], None),
            },
        )
        return book

    def _names(self) -> Any:
        names = create_autospec(xw.main.Names, instance=True, spec_set=True)

        def tambah(name: str, refers_to: str) -> Any:
            self.panggilan["names.add"] += 1
            self.nama[name] = refers_to.lstrip("=")
            return create_autospec(xw.main.Name, instance=True, spec_set=True)

        names.add.side_effect = tambah
        names.__contains__.side_effect = lambda k: k in self.nama
        return names

    def _sheets(self) -> Any:
        sheets = create_autospec(xw.main.Sheets, instance=True, spec_set=True)
        sheets.__iter__.side_effect = lambda: iter([self.sheet(lp) for lp in self.lembar])
        sheets.__len__.side_effect = lambda: len(self.lembar)

        def ambil(k: Any) -> Any:
            if isinstance(k, int):
                return self.sheet(self.lembar[k])
            return self.sheet(self.cari(k))

        sheets.__getitem__.side_effect = ambil
        sheets.__contains__.side_effect = lambda k: (
            k.casefold() in {n.casefold() for n in self.nama_sheet()}
        )

        def tambah(name: Any = None, before: Any = None, after: Any = None) -> Any:
            assert name is not None
            if name.casefold() in {n.casefold() for n in self.nama_sheet()}:
                raise ValueError(f"Sheet named '{name}' already present in workbook")
            lp = LembarPalsu(name)
            i = len(self.lembar)
            if after is not None:
                i = self.lembar.index(self.cari(after.name)) + 1
            elif before is not None:
                i = self.lembar.index(self.cari(before.name))
            self.lembar.insert(i, lp)
            self.aktif = name
            return self.sheet(lp)

        sheets.add.side_effect = tambah
        return sheets

    # -- Sheet
    def sheet(self, lp: LembarPalsu) -> Any:
        if id(lp) in self._sheet_mock:
            return self._sheet_mock[id(lp)]

        def atur_nama(v: str) -> None:
            lp.nama = v

        def atur_terlihat(v: bool) -> None:
            lp.terlihat = bool(v)

        api = ApiLembar(lp)
        s = _stub(
            xw.Sheet,
            {
                "name": (lambda: lp.nama, atur_nama),
                "book": (lambda: self.book, None),
                "api": (lambda: api, None),
                "used_range": (lambda: self._used(lp), None),
                "visible": (lambda: lp.terlihat, atur_terlihat),
            },
        )

        def rentang(a: Any, b: Any = None) -> Any:
            return self.range(lp, a, b)

        s.range.side_effect = rentang

        def aktifkan() -> None:
            if not lp.terlihat:
                raise GalatCom("Activate method of Worksheet class failed (hidden sheet)")
            self.aktif = lp.nama

        s.activate.side_effect = aktifkan

        def bersihkan() -> None:
            self.panggilan["clear"] += 1
            if lp.proteksi:
                raise GalatCom("protected sheet")
            lp.nilai.clear()
            lp.rumus.clear()
            lp.warna.clear()
            lp.catatan.clear()

        s.clear.side_effect = bersihkan

        def salin(before: Any = None, after: Any = None, name: Any = None) -> Any:
            baru = lp.salin(name or f"{lp.nama} (2)")
            i = (
                self.lembar.index(self.cari(after.name)) + 1
                if after is not None
                else len(self.lembar)
            )
            if name and name.casefold() in {n.casefold() for n in self.nama_sheet()}:
                raise ValueError(f"Sheet named '{name}' already present in workbook")
            self.lembar.insert(i, baru)
            return self.sheet(baru)

        s.copy.side_effect = salin
        self._sheet_mock[id(lp)] = s
        return s

    def _used(self, lp: LembarPalsu) -> Any:
        self.panggilan["used_range"] += 1
        return self._range(lp, [lp.kotak_terpakai()])

    # -- Range
    def range(self, lp: LembarPalsu, a: Any, b: Any = None) -> Any:
        if isinstance(a, str):
            kotak = urai_alamat(a)
        elif isinstance(a, tuple):
            kotak = [(a[0] - 1, a[1] - 1, a[0] - 1, a[1] - 1)]
        else:
            raise TypeError(f"unsupported range argument {a!r}")
        if b is not None:
            assert isinstance(b, tuple)
            r0, c0 = kotak[0][0], kotak[0][1]
            kotak = [(r0, c0, b[0] - 1, b[1] - 1)]
        return self._range(lp, kotak)

    def _range(self, lp: LembarPalsu, kotak: list[Kotak], ndim: int | None = None) -> Any:
        # A Range is a stateless view of its cells, so one stand-in per address is enough
        # (create_autospec of xw.Range is slow: about 0.1 s each).
        kunci = (id(lp), tuple(kotak), ndim)
        if kunci not in self._range_mock:
            self._range_mock[kunci] = self._range_baru(lp, kotak, ndim)
        return self._range_mock[kunci]

    def _range_baru(self, lp: LembarPalsu, kotak: list[Kotak], ndim: int | None) -> Any:
        r0, c0, r1, c1 = kotak[0]
        satu = len(kotak) == 1 and r0 == r1 and c0 == c1

        def sel_sel() -> list[Pos]:
            return [
                (r, c) for (a, b, x, y) in kotak for r in range(a, x + 1) for c in range(b, y + 1)
            ]

        def periksa_tulis(pos: Pos) -> None:
            if lp.proteksi and pos not in lp.tak_terkunci:
                raise GalatCom(
                    f"The cell {lp.nama}!{a1(pos)} is on a protected sheet (locked cell)"
                )

        def baca_nilai() -> Any:
            self.panggilan["value.get"] += 1
            assert len(kotak) == 1
            grid = [[lp.nilai.get((r, c)) for c in range(c0, c1 + 1)] for r in range(r0, r1 + 1)]
            if ndim == 2:
                return grid
            if satu:
                return grid[0][0]
            if r0 == r1:
                return grid[0]
            if c0 == c1:
                return [b[0] for b in grid]
            return grid

        def tulis_nilai(v: Any) -> None:
            self.panggilan["value.set"] += 1
            self.tulis_blok.append((lp.nama, a1((r0, c0)), v))
            grid = v if isinstance(v, list) and v and isinstance(v[0], list) else None
            if grid is None:
                grid = [v] if isinstance(v, list) else [[v]]
            for i, baris in enumerate(grid):
                for j, x in enumerate(baris):
                    pos = (r0 + i, c0 + j)
                    periksa_tulis(pos)
                    lp.rumus.pop(pos, None)
                    if isinstance(x, str) and x.startswith("="):
                        lp.rumus[pos] = x
                        lp.nilai.pop(pos, None)
                    elif x is None or x == "":
                        lp.nilai.pop(pos, None)
                    elif isinstance(x, str) and x.startswith("'"):
                        lp.nilai[pos] = x[1:]
                    else:
                        lp.nilai[pos] = (
                            float(x) if isinstance(x, int) and not isinstance(x, bool) else x
                        )

        def baca_rumus() -> Any:
            self.panggilan["formula.get"] += 1

            def f(pos: Pos) -> str:
                if pos in lp.rumus:
                    return lp.rumus[pos]
                v = lp.nilai.get(pos)
                if v is None:
                    return ""
                if isinstance(v, float) and v == int(v):
                    return str(int(v))
                return str(v)

            if satu:
                return f((r0, c0))
            return tuple(tuple(f((r, c)) for c in range(c0, c1 + 1)) for r in range(r0, r1 + 1))

        def tulis_rumus(v: Any) -> None:
            self.panggilan["formula.set"] += 1
            assert satu and isinstance(v, str)
            periksa_tulis((r0, c0))
            if v.startswith("="):
                lp.rumus[(r0, c0)] = v
                lp.nilai.pop((r0, c0), None)
            else:
                lp.rumus.pop((r0, c0), None)
                lp.nilai[(r0, c0)] = v

        def baca_warna() -> Any:
            self.panggilan["color.get"] += 1
            assert satu, "Interior.Color of a multi-cell range is ambiguous"
            w = lp.warna.get((r0, c0))
            return None if w is None else _rgb(w)

        def tulis_warna(v: Any) -> None:
            self.panggilan["color.set"] += 1
            if lp.proteksi and not lp.izin_format:
                raise GalatCom("Unable to set the Color property (protected sheet)")
            for pos in sel_sel():
                w = _hex(v)
                if w is None:
                    lp.warna.pop(pos, None)
                else:
                    lp.warna[pos] = w

        def baca_catatan() -> Any:
            self.panggilan["note.get"] += 1
            assert satu
            if (r0, c0) not in lp.catatan:
                return None
            return self._note(lp, (r0, c0))

        def baris() -> int:
            return r0 + 1

        def kolom() -> int:
            return c0 + 1

        def atur_lebar(v: float) -> None:
            self.panggilan["column_width.set"] += 1
            for c in range(c0, c1 + 1):
                lp.lebar_kolom[c] = v

        rng = _stub(
            xw.Range,
            {
                "value": (baca_nilai, tulis_nilai),
                "formula": (baca_rumus, tulis_rumus),
                "color": (baca_warna, tulis_warna),
                "note": (baca_catatan, None),
                "row": (baris, None),
                "column": (kolom, None),
                "column_width": (lambda: lp.lebar_kolom.get(c0), atur_lebar),
                "sheet": (lambda: self.sheet(lp), None),
                "shape": (lambda: (r1 - r0 + 1, c1 - c0 + 1), None),
            },
        )

        def opsi(convert: Any = None, **options: Any) -> Any:
            assert convert is None and set(options) <= {"ndim"}, options
            return self._range(lp, kotak, ndim=options.get("ndim"))

        rng.options.side_effect = opsi

        def tambah_catatan(text: str) -> Any:
            self.panggilan["note.add"] += 1
            assert satu and isinstance(text, str) and text
            if (r0, c0) in lp.catatan:
                raise ValueError("This cell already has a note")
            if lp.proteksi and not lp.izin_objek:
                raise GalatCom("AddComment failed: the sheet is protected")
            lp.catatan[(r0, c0)] = text
            return self._note(lp, (r0, c0))

        rng.add_note.side_effect = tambah_catatan
        return rng

    def _note(self, lp: LembarPalsu, pos: Pos) -> Any:
        def atur(v: str) -> None:
            lp.catatan[pos] = v

        def baca() -> str:
            self.panggilan["note.text"] += 1
            return lp.catatan[pos]

        note = _stub(xw.main.Note, {"text": (baca, atur)})

        def hapus() -> None:
            self.panggilan["note.delete"] += 1
            if lp.proteksi and not lp.izin_objek:
                raise GalatCom("protected sheet")
            del lp.catatan[pos]

        note.delete.side_effect = hapus
        return note

    # -- what the tests look at
    def panggilan_range(self) -> int:
        """Range-level COM calls: reads and writes of cells, fills, notes, widths."""
        return sum(self.panggilan.values())
