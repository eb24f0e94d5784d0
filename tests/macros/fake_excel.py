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

`FakeExcel.calls` counts range-level COM calls (reads and writes of values, formulas,
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
from openpyxl.worksheet.formula import ArrayFormula
from python_calamine import CalamineWorkbook

Pos = tuple[int, int]  # 0-based (row, column)
Box = tuple[int, int, int, int]  # 0-based inclusive (r0, c0, r1, c1)

MAX_ROWS = 1_048_576


class ComError(Exception):
    """What pywin32 raises when Excel refuses (com_error)."""


# ---------------------------------------------------------------- addresses


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
_COLUMN = re.compile(r"^\$?([A-Za-z]{1,3})$")


def _area(part: str) -> Box:
    ends = part.split(":")
    if len(ends) == 2 and all(_COLUMN.match(u) for u in ends):
        k0, k1 = (_column_number(_COLUMN.match(u).group(1)) for u in ends)  # type: ignore[union-attr]
        return (0, k0, MAX_ROWS - 1, k1)
    points = []
    for u in ends:
        m = _CELL.match(u)
        assert m, f"unknown address: {part!r}"
        points.append((int(m.group(2)) - 1, _column_number(m.group(1))))
    (r0, c0), (r1, c1) = points[0], points[-1]
    return (min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1))


def parse_address(address: str) -> list[Box]:
    """'A1', 'A1:C3', 'A1,B2:B4', 'AA:AE' → rectangles."""
    return [_area(b.strip()) for b in address.split(",")]


def a1(pos: Pos) -> str:
    r, c = pos
    s, c = "", c + 1
    while c:
        c, m = divmod(c - 1, 26)
        s = chr(65 + m) + s
    return f"{s}{r + 1}"


def _rgb(hex_: str) -> tuple[int, int, int]:
    h = hex_.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def _hex(color: Any) -> str | None:
    if color is None:
        return None
    if isinstance(color, str):
        return "#" + color.lstrip("#").upper()
    if isinstance(color, tuple):
        return "#{:02X}{:02X}{:02X}".format(*color)
    raise TypeError(f"unknown colour: {color!r}")


# ---------------------------------------------------------------- state


@dataclass
class FakeSheet:
    name: str
    values: dict[Pos, Any] = field(default_factory=dict)
    formulas: dict[Pos, str] = field(default_factory=dict)
    colors: dict[Pos, str] = field(default_factory=dict)
    notes: dict[Pos, str] = field(default_factory=dict)
    unlocked: set[Pos] = field(default_factory=set)
    # array formulas: first cell → the box they span (their text is in `formulas`, on every
    # cell of the box, as Range.Formula reads it in Excel)
    arrays: dict[Pos, Box] = field(default_factory=dict)
    column_widths: dict[int, float] = field(default_factory=dict)
    visible: bool = True
    protected: bool = False
    allow_formatting: bool = False  # AllowFormattingCells
    allow_objects: bool = False  # not ProtectDrawingObjects
    password: str = ""

    def copy(self, name: str) -> FakeSheet:
        return FakeSheet(
            name,
            dict(self.values),
            dict(self.formulas),
            dict(self.colors),
            dict(self.notes),
            set(self.unlocked),
            dict(self.arrays),
            dict(self.column_widths),
            self.visible,
            self.protected,
            self.allow_formatting,
            self.allow_objects,
            self.password,
        )

    def used_box(self) -> Box:
        cells = set(self.values) | set(self.formulas) | set(self.colors) | set(self.notes)
        if not cells:
            return (0, 0, 0, 0)
        return (
            min(r for r, _ in cells),
            min(c for _, c in cells),
            max(r for r, _ in cells),
            max(c for _, c in cells),
        )

    def array_at(self, pos: Pos) -> Box | None:
        r, c = pos
        for box in self.arrays.values():
            if box[0] <= r <= box[2] and box[1] <= c <= box[3]:
                return box
        return None

    def content(self, pos: Pos) -> Any:
        """What the planner sees typed in a cell: the formula, else the value."""
        return self.formulas.get(pos, self.values.get(pos))


def _calamine_value(v: Any) -> Any:
    if v == "":
        return None
    if isinstance(v, int) and not isinstance(v, bool):
        return float(v)
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return dt.datetime(v.year, v.month, v.day)
    return v


def _load_cell(lp: FakeSheet, cell: Any) -> None:
    """A cell's formula (an array's on each cell it spans), fill and lock, as Excel has them."""
    pos = (cell.row - 1, cell.column - 1)
    if isinstance(cell.value, ArrayFormula):
        box = parse_address(cell.value.ref)[0]
        lp.arrays[pos] = box
        for r in range(box[0], box[2] + 1):
            for c in range(box[1], box[3] + 1):
                lp.formulas[(r, c)] = cell.value.text
    elif isinstance(cell.value, str) and cell.value.startswith("="):
        lp.formulas[pos] = cell.value
    if cell.fill is not None and cell.fill.fill_type == "solid":
        rgb = cell.fill.fgColor.rgb
        if isinstance(rgb, str) and len(rgb) == 8:
            lp.colors[pos] = "#" + rgb[2:].upper()
    if cell.protection is not None and not cell.protection.locked:
        lp.unlocked.add(pos)


def load_xlsx(data: bytes) -> tuple[list[FakeSheet], dict[str, str]]:
    """Sheets and defined names of a written workbook, as live Excel would hold them."""
    cal = CalamineWorkbook.from_filelike(io.BytesIO(data))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    sheets = []
    for ws in wb.worksheets:
        lp = FakeSheet(ws.title)
        grid = cal.get_sheet_by_name(ws.title).to_python(skip_empty_area=False)
        for r, row in enumerate(grid):
            for c, v in enumerate(row):
                v = _calamine_value(v)
                if v is not None:
                    lp.values[(r, c)] = v
        for row_ in ws.iter_rows():
            for cell in row_:
                if hasattr(cell, "column"):
                    _load_cell(lp, cell)
        lp.visible = ws.sheet_state == "visible"
        lp.protected = bool(ws.protection.sheet)
        lp.allow_formatting = not ws.protection.formatCells
        lp.allow_objects = not ws.protection.objects
        sheets.append(lp)
    cal.close()
    names = {n: d.attr_text for n, d in wb.defined_names.items()}
    return sheets, names


# ---------------------------------------------------------------- the autospec'd stand-ins


_PROPERTIES: dict[type, dict[str, property]] = {}


def _class_properties(cls_: type) -> dict[str, property]:
    if cls_ not in _PROPERTIES:
        _PROPERTIES[cls_] = {
            n: p
            for n in dir(cls_)
            if isinstance(p := inspect.getattr_static(cls_, n, None), property)
        }
    return _PROPERTIES[cls_]


def _stub(
    cls_: type, props: dict[str, tuple[Callable[[], Any], Callable[[Any], None] | None]]
) -> Any:
    """`create_autospec` of an xlwings class whose properties behave as given; every other
    property of the real class raises instead of returning a bare Mock."""
    all_props = _class_properties(cls_)
    assert set(props) <= set(all_props), set(props) - set(all_props)
    m = create_autospec(cls_, instance=True, spec_set=True)
    T = type(m)
    for name, real in all_props.items():
        if name in props:
            get, put = props[name]
            if put is not None:
                assert real.fset is not None, f"{cls_.__name__}.{name} is read-only in xlwings"
            setattr(
                T,
                name,
                property(
                    lambda self, b=get: b(),
                    None if put is None else (lambda self, v, t=put: t(v)),
                ),
            )
        else:

            def refuse(self: Any, n: str = name) -> Any:
                raise AttributeError(f"the fake does not implement {cls_.__name__}.{n}")

            setattr(T, name, property(refuse))
    return m


class SheetApi:
    """The few members of Excel's Worksheet COM object the macros use (pywin32 dispatch)."""

    __slots__ = ("_lp",)

    def __init__(self, lp: FakeSheet) -> None:
        self._lp = lp

    @property
    def ProtectContents(self) -> bool:
        return self._lp.protected

    @property
    def ProtectDrawingObjects(self) -> bool:
        return self._lp.protected and not self._lp.allow_objects

    @property
    def ProtectScenarios(self) -> bool:
        return self._lp.protected

    @property
    def Protection(self) -> Any:
        lp = self._lp

        class _Protection:
            AllowFormattingCells = lp.allow_formatting
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
        if Password != self._lp.password:
            raise ComError("The password you supplied is not correct.")
        self._lp.protected = False

    def Protect(
        self,
        Password: str = "",
        DrawingObjects: bool = True,
        Contents: bool = True,
        Scenarios: bool = True,
        **permissions: bool,
    ) -> None:
        lp = self._lp
        lp.protected = Contents
        lp.password = Password
        lp.allow_objects = not DrawingObjects
        lp.allow_formatting = permissions.get("AllowFormattingCells", False)


class BookApi:
    """Excel's Workbook COM object, as far as the macros touch it: the raw `FullName`
    (an https URL for a workbook on OneDrive or SharePoint)."""

    __slots__ = ("_excel",)

    def __init__(self, excel: FakeExcel) -> None:
        self._excel = excel

    @property
    def FullName(self) -> str:
        return self._excel.fullname


class AppApi:
    """The members of Excel's Application COM object the macros use. `GetSaveAsFilename`
    and `GetOpenFilename` show no dialog here: they record their call and give
    `FakeExcel.save_as_answer` / `open_answer` (a path, or False: Cancel); `CalculateFull`
    counts in `FakeExcel.calculations`."""

    __slots__ = ("_excel",)

    def __init__(self, excel: FakeExcel) -> None:
        self._excel = excel

    def CalculateFull(self) -> None:
        self._excel.calculations += 1

    def GetOpenFilename(
        self, FileFilter: str = "", FilterIndex: int = 1, Title: str = "", *args: Any
    ) -> str | bool:
        self._excel.open_asked.append({"FileFilter": FileFilter, "Title": Title})
        return self._excel.open_answer

    def GetSaveAsFilename(
        self,
        InitialFilename: str = "",
        FileFilter: str = "",
        FilterIndex: int = 1,
        Title: str = "",
        ButtonText: str = "",
    ) -> str | bool:
        self._excel.save_as_asked.append(
            {"InitialFilename": InitialFilename, "FileFilter": FileFilter, "Title": Title}
        )
        return self._excel.save_as_answer


class FakeExcel:
    """One workbook in one fake Excel application.

    `fullname` is Excel's FullName; xlwings on Windows turns an https one into the local
    path of the synced file, or raises when it cannot: set `fullname_error` to make
    `Book.fullname` raise it (Book.api.FullName still gives the URL).
    """

    def __init__(self, sheets: list[FakeSheet], names: dict[str, str], fullname: str) -> None:
        self.sheets = sheets
        self.names = dict(names)
        self.fullname = fullname
        self.fullname_error: Exception | None = None
        self.save_as_answer: str | bool = False
        self.save_as_asked: list[dict[str, Any]] = []
        self.open_answer: str | bool = False  # GetOpenFilename: a path, or False (Cancel)
        self.open_asked: list[dict[str, Any]] = []
        self.status: list[Any] = []  # every value given to app.status_bar
        self.status_bar: Any = False
        self.screen_updating = True
        self.alerts: list[dict[str, Any]] = []  # every alert
        self.calculations = 0
        self.opened: list[str] = []
        self.active = ""
        self.calls: Counter[str] = Counter()
        self.block_writes: list[tuple[str, str, Any]] = []  # (sheet, address, value) writes
        self._sheet_mock: dict[int, Any] = {}
        self._range_mock: dict[tuple[Any, ...], Any] = {}
        self.app = self._app()
        self.book = self._book()

    @classmethod
    def from_xlsx(cls, data: bytes, fullname: str) -> FakeExcel:
        sheets, names = load_xlsx(data)
        return cls(sheets, names, fullname)

    # -- lookups
    def find(self, name: str) -> FakeSheet:
        for lp in self.sheets:
            if lp.name.casefold() == name.casefold():
                return lp
        raise ComError(f"Subscript out of range: sheet {name!r}")

    def sheet_names(self) -> list[str]:
        return [lp.name for lp in self.sheets]

    # -- App
    def _app(self) -> Any:
        def set_status(v: Any) -> None:
            self.status.append(v)
            self.status_bar = v

        def set_screen(v: Any) -> None:
            self.screen_updating = v

        app = _stub(
            xw.App,
            {
                "status_bar": (lambda: self.status_bar, set_status),
                "screen_updating": (lambda: self.screen_updating, set_screen),
                "books": (lambda: self._books, None),
                "api": (lambda: AppApi(self), None),
            },
        )

        def alert(
            prompt: str,
            title: Any = None,
            buttons: str = "ok",
            mode: Any = None,
            callback: Any = None,
        ) -> str:
            self.alerts.append({"prompt": prompt, "title": title, "buttons": buttons, "mode": mode})
            return "ok"

        app.alert.side_effect = alert

        def calculate() -> None:
            self.calculations += 1

        app.calculate.side_effect = calculate
        books = create_autospec(xw.main.Books, instance=True, spec_set=True)
        books.__iter__.side_effect = lambda: iter([self.book])

        def open_book(fullname: Any = None, *a: Any, **kw: Any) -> Any:
            self.opened.append(str(fullname))
            other = _stub(xw.Book, {"fullname": (lambda: str(fullname), None)})
            return other

        books.open.side_effect = open_book
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
                "fullname": (self._fullname, None),
                "name": (lambda: self.fullname.replace("\\", "/").rsplit("/", 1)[-1], None),
                "api": (lambda: BookApi(self), None),
            },
        )
        return book

    def _fullname(self) -> str:
        if self.fullname_error is not None:
            raise self.fullname_error
        return self.fullname

    def _names(self) -> Any:
        names = create_autospec(xw.main.Names, instance=True, spec_set=True)

        def add(name: str, refers_to: str) -> Any:
            self.calls["names.add"] += 1
            self.names[name] = refers_to.lstrip("=")
            return create_autospec(xw.main.Name, instance=True, spec_set=True)

        names.add.side_effect = add
        names.__contains__.side_effect = lambda k: k in self.names
        return names

    def _sheets(self) -> Any:
        sheets = create_autospec(xw.main.Sheets, instance=True, spec_set=True)
        sheets.__iter__.side_effect = lambda: iter([self.sheet(lp) for lp in self.sheets])
        sheets.__len__.side_effect = lambda: len(self.sheets)

        def item(k: Any) -> Any:
            if isinstance(k, int):
                return self.sheet(self.sheets[k])
            return self.sheet(self.find(k))

        sheets.__getitem__.side_effect = item
        sheets.__contains__.side_effect = lambda k: (
            k.casefold() in {n.casefold() for n in self.sheet_names()}
        )

        def add(name: Any = None, before: Any = None, after: Any = None) -> Any:
            assert name is not None
            if name.casefold() in {n.casefold() for n in self.sheet_names()}:
                raise ValueError(f"Sheet named '{name}' already present in workbook")
            lp = FakeSheet(name)
            i = len(self.sheets)
            if after is not None:
                i = self.sheets.index(self.find(after.name)) + 1
            elif before is not None:
                i = self.sheets.index(self.find(before.name))
            self.sheets.insert(i, lp)
            self.active = name
            return self.sheet(lp)

        sheets.add.side_effect = add
        return sheets

    # -- Sheet
    def sheet(self, lp: FakeSheet) -> Any:
        if id(lp) in self._sheet_mock:
            return self._sheet_mock[id(lp)]

        def set_name(v: str) -> None:
            lp.name = v

        def set_visible(v: bool) -> None:
            lp.visible = bool(v)

        api = SheetApi(lp)
        s = _stub(
            xw.Sheet,
            {
                "name": (lambda: lp.name, set_name),
                "book": (lambda: self.book, None),
                "api": (lambda: api, None),
                "used_range": (lambda: self._used(lp), None),
                "visible": (lambda: lp.visible, set_visible),
            },
        )

        def range_(a: Any, b: Any = None) -> Any:
            return self.range(lp, a, b)

        s.range.side_effect = range_

        def activate() -> None:
            if not lp.visible:
                raise ComError("Activate method of Worksheet class failed (hidden sheet)")
            self.active = lp.name

        s.activate.side_effect = activate

        def clear() -> None:
            self.calls["clear"] += 1
            if lp.protected:
                raise ComError("protected sheet")
            lp.values.clear()
            lp.formulas.clear()
            lp.colors.clear()
            lp.notes.clear()

        s.clear.side_effect = clear

        def copy(before: Any = None, after: Any = None, name: Any = None) -> Any:
            new = lp.copy(name or f"{lp.name} (2)")
            i = (
                self.sheets.index(self.find(after.name)) + 1
                if after is not None
                else len(self.sheets)
            )
            if name and name.casefold() in {n.casefold() for n in self.sheet_names()}:
                raise ValueError(f"Sheet named '{name}' already present in workbook")
            self.sheets.insert(i, new)
            return self.sheet(new)

        s.copy.side_effect = copy
        self._sheet_mock[id(lp)] = s
        return s

    def _used(self, lp: FakeSheet) -> Any:
        self.calls["used_range"] += 1
        return self._range(lp, [lp.used_box()])

    # -- Range
    def range(self, lp: FakeSheet, a: Any, b: Any = None) -> Any:
        if isinstance(a, str):
            boxes = parse_address(a)
        elif isinstance(a, tuple):
            boxes = [(a[0] - 1, a[1] - 1, a[0] - 1, a[1] - 1)]
        else:
            raise TypeError(f"unsupported range argument {a!r}")
        if b is not None:
            assert isinstance(b, tuple)
            r0, c0 = boxes[0][0], boxes[0][1]
            boxes = [(r0, c0, b[0] - 1, b[1] - 1)]
        return self._range(lp, boxes)

    def _range(self, lp: FakeSheet, boxes: list[Box], ndim: int | None = None) -> Any:
        # A Range is a stateless view of its cells, so one stand-in per address is enough
        # (create_autospec of xw.Range is slow: about 0.1 s each).
        key = (id(lp), tuple(boxes), ndim)
        if key not in self._range_mock:
            self._range_mock[key] = self._new_range(lp, boxes, ndim)
        return self._range_mock[key]

    def _new_range(self, lp: FakeSheet, boxes: list[Box], ndim: int | None) -> Any:
        r = _FakeRange(self, lp, boxes, ndim)
        rng = _stub(
            xw.Range,
            {
                "value": (r.get_value, r.set_value),
                "formula": (r.get_formula, r.set_formula),
                "formula_array": (r.get_formula_array, r.set_formula_array),
                "color": (r.get_color, r.set_color),
                "note": (r.get_note, None),
                "row": (lambda: r.r0 + 1, None),
                "column": (lambda: r.c0 + 1, None),
                "column_width": (lambda: lp.column_widths.get(r.c0), r.set_width),
                "sheet": (lambda: self.sheet(lp), None),
                "shape": (lambda: (r.r1 - r.r0 + 1, r.c1 - r.c0 + 1), None),
            },
        )
        rng.options.side_effect = r.options
        rng.add_note.side_effect = r.add_note
        return rng

    def _note(self, lp: FakeSheet, pos: Pos) -> Any:
        def set_text(v: str) -> None:
            lp.notes[pos] = v

        def get() -> str:
            self.calls["note.text"] += 1
            return lp.notes[pos]

        note = _stub(xw.main.Note, {"text": (get, set_text)})

        def delete() -> None:
            self.calls["note.delete"] += 1
            if lp.protected and not lp.allow_objects:
                raise ComError("protected sheet")
            del lp.notes[pos]

        note.delete.side_effect = delete
        return note

    # -- what the tests look at
    def range_calls(self) -> int:
        """Range-level COM calls: reads and writes of cells, fills, notes, widths."""
        return sum(self.calls.values())


class _FakeRange:
    """The behaviour behind one Range stand-in: its cells on one fake sheet."""

    def __init__(self, excel: FakeExcel, lp: FakeSheet, boxes: list[Box], ndim: int | None):
        self.excel, self.lp, self.boxes, self.ndim = excel, lp, boxes, ndim
        self.r0, self.c0, self.r1, self.c1 = boxes[0]
        self.single = len(boxes) == 1 and self.r0 == self.r1 and self.c0 == self.c1

    def _count(self, call: str) -> None:
        self.excel.calls[call] += 1

    def _cells(self) -> list[Pos]:
        return [
            (r, c) for (a, b, x, y) in self.boxes for r in range(a, x + 1) for c in range(b, y + 1)
        ]

    def _check_write(self, pos: Pos, *, whole_array: bool = False) -> None:
        lp = self.lp
        if lp.protected and pos not in lp.unlocked:
            raise ComError(f"The cell {lp.name}!{a1(pos)} is on a protected sheet (locked cell)")
        box = lp.array_at(pos)
        if box is not None and not (whole_array and box == (self.r0, self.c0, self.r1, self.c1)):
            raise ComError("You can't change part of an array.")

    def get_value(self) -> Any:
        self._count("value.get")
        assert len(self.boxes) == 1
        r0, c0, r1, c1 = self.r0, self.c0, self.r1, self.c1
        grid = [[self.lp.values.get((r, c)) for c in range(c0, c1 + 1)] for r in range(r0, r1 + 1)]
        if self.ndim == 2:
            return grid
        if self.single:
            return grid[0][0]
        if r0 == r1:
            return grid[0]
        if c0 == c1:
            return [b[0] for b in grid]
        return grid

    def _store(self, pos: Pos, x: Any) -> None:
        """One cell written through Range.value, as Excel keeps it."""
        lp = self.lp
        self._check_write(pos)
        lp.formulas.pop(pos, None)
        if isinstance(x, str) and x.startswith("="):
            lp.formulas[pos] = x
            lp.values.pop(pos, None)
        elif x is None or x == "":
            lp.values.pop(pos, None)
        elif isinstance(x, str) and x.startswith("'"):
            lp.values[pos] = x[1:]
        else:
            lp.values[pos] = float(x) if isinstance(x, int) and not isinstance(x, bool) else x

    def set_value(self, v: Any) -> None:
        self._count("value.set")
        self.excel.block_writes.append((self.lp.name, a1((self.r0, self.c0)), v))
        grid = v if isinstance(v, list) and v and isinstance(v[0], list) else None
        if grid is None:
            grid = [v] if isinstance(v, list) else [[v]]
        for i, row in enumerate(grid):
            for j, x in enumerate(row):
                self._store((self.r0 + i, self.c0 + j), x)

    def _formula(self, pos: Pos) -> str:
        if pos in self.lp.formulas:
            return self.lp.formulas[pos]
        v = self.lp.values.get(pos)
        if v is None:
            return ""
        if isinstance(v, float) and v == int(v):
            return str(int(v))
        return str(v)

    def get_formula(self) -> Any:
        self._count("formula.get")
        if self.single:
            return self._formula((self.r0, self.c0))
        return tuple(
            tuple(self._formula((r, c)) for c in range(self.c0, self.c1 + 1))
            for r in range(self.r0, self.r1 + 1)
        )

    def set_formula(self, v: Any) -> None:
        self._count("formula.set")
        assert self.single and isinstance(v, str)
        pos = (self.r0, self.c0)
        self._check_write(pos)
        if v.startswith("="):
            self.lp.formulas[pos] = v
            self.lp.values.pop(pos, None)
        else:
            self.lp.formulas.pop(pos, None)
            self.lp.values[pos] = v

    def get_formula_array(self) -> Any:
        self._count("formula.get")
        return self._formula((self.r0, self.c0))

    def set_formula_array(self, v: str) -> None:
        """Excel's FormulaArray: one array formula over the whole range."""
        self._count("formula.set")
        assert v.startswith("=")
        lp = self.lp
        box = (self.r0, self.c0, self.r1, self.c1)
        for pos in self._cells():
            self._check_write(pos, whole_array=True)
        for first, other in list(lp.arrays.items()):  # an array it replaces entirely
            if other == box:
                del lp.arrays[first]
        lp.arrays[(self.r0, self.c0)] = box
        for pos in self._cells():
            lp.formulas[pos] = v
            lp.values.pop(pos, None)

    def get_color(self) -> Any:
        self._count("color.get")
        assert self.single, "Interior.Color of a multi-cell range is ambiguous"
        w = self.lp.colors.get((self.r0, self.c0))
        return None if w is None else _rgb(w)

    def set_color(self, v: Any) -> None:
        self._count("color.set")
        lp = self.lp
        if lp.protected and not lp.allow_formatting:
            raise ComError("Unable to set the Color property (protected sheet)")
        for pos in self._cells():
            w = _hex(v)
            if w is None:
                lp.colors.pop(pos, None)
            else:
                lp.colors[pos] = w

    def get_note(self) -> Any:
        self._count("note.get")
        assert self.single
        if (self.r0, self.c0) not in self.lp.notes:
            return None
        return self.excel._note(self.lp, (self.r0, self.c0))

    def set_width(self, v: float) -> None:
        self._count("column_width.set")
        for c in range(self.c0, self.c1 + 1):
            self.lp.column_widths[c] = v

    def options(self, convert: Any = None, **options: Any) -> Any:
        assert convert is None and set(options) <= {"ndim"}, options
        return self.excel._range(self.lp, self.boxes, ndim=options.get("ndim"))

    def add_note(self, text: str) -> Any:
        self._count("note.add")
        lp, pos = self.lp, (self.r0, self.c0)
        assert self.single and isinstance(text, str) and text
        if pos in lp.notes:
            raise ValueError("This cell already has a note")
        if lp.protected and not lp.allow_objects:
            raise ComError("AddComment failed: the sheet is protected")
        lp.notes[pos] = text
        return self.excel._note(lp, pos)
