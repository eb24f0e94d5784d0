"""The UNO side of the LibreOffice test harness: run by Debian's /usr/bin/python3 (the one
with `uno`), never imported by the test suite's own interpreter.

    /usr/bin/python3 tests/lo/worker.py PORT TIMEOUT

Connects to a `soffice --accept="socket,host=127.0.0.1,port=PORT;urp;"` (retrying until
TIMEOUT seconds), prints one line {"ready": true}, then answers one JSON request per line
on stdin with one JSON line on stdout:

    {"op": "open", "args": {"path": "/abs/file.xlsx"}}  ->  {"ok": true, "result": 1}
    {"op": "insert_rows", "args": {"doc": 1, "sheet": "Kasi …", "row": 12, "count": 1}}
    ...                                                   ->  {"ok": false, "error": "…"}

Rows are Excel's row numbers (1-based); cells are A1 addresses; sheet positions 0-based.
See tests/lo/uno.py for every operation.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from typing import Any

# This file's folder also holds the driver, tests/lo/uno.py: keep it off the path so that
# `import uno` is LibreOffice's module.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(__file__)]

import uno  # type: ignore[import-not-found]  # noqa: E402
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]  # noqa: E402

FILTERS = {"xlsx": "Calc MS Excel 2007 XML", "xlsm": "Calc MS Excel 2007 VBA XML"}
NEVER_EXECUTE = 0  # com.sun.star.document.MacroExecMode.NEVER_EXECUTE


def _props(**values: Any) -> tuple[Any, ...]:
    return tuple(PropertyValue(Name=k, Value=v) for k, v in values.items())


def _connect(port: int, timeout: float) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(
                f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"
            )
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


class Worker:
    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx
        )
        self.docs: dict[int, Any] = {}
        self.next_id = 1

    # -- helpers
    def _doc(self, doc: int) -> Any:
        if doc not in self.docs:
            raise KeyError(f"no open document {doc}")
        return self.docs[doc]

    def _sheet(self, doc: int, sheet: str) -> Any:
        sheets = self._doc(doc).Sheets
        if not sheets.hasByName(sheet):
            raise KeyError(f"no sheet {sheet!r}; sheets: {list(sheets.ElementNames)}")
        return sheets.getByName(sheet)

    def _cell(self, doc: int, sheet: str, cell: str) -> Any:
        return self._sheet(doc, sheet).getCellRangeByName(cell)

    def _excel_parser(self, doc: int) -> Any:
        """A formula parser for Excel's grammar (",", A1), as in an .xlsx file."""
        d = self._doc(doc)
        parser = d.createInstance("com.sun.star.sheet.FormulaParser")
        mapper = d.createInstance("com.sun.star.sheet.FormulaOpCodeMapper")
        language = uno.getConstantByName("com.sun.star.sheet.FormulaLanguage.XL_ENGLISH")
        group = uno.getConstantByName("com.sun.star.sheet.FormulaMapGroup.ALL_EXCEPT_SPECIAL")
        entries = mapper.getAvailableMappings(language, group)
        uno.invoke(
            parser,
            "setPropertyValue",
            ("OpCodeMap", uno.Any("[]com.sun.star.sheet.FormulaOpCodeMapEntry", entries)),
        )
        parser.setPropertyValue(
            "FormulaConvention",
            uno.getConstantByName("com.sun.star.sheet.AddressConvention.XL_OOX"),
        )
        return parser

    # -- operations
    def open(self, path: str) -> int:
        url = uno.systemPathToFileUrl(path)
        d = self.desktop.loadComponentFromURL(
            url, "_blank", 0, _props(Hidden=True, MacroExecutionMode=NEVER_EXECUTE)
        )
        if d is None:
            raise RuntimeError(f"LibreOffice could not open {path}")
        doc, self.next_id = self.next_id, self.next_id + 1
        self.docs[doc] = d
        return doc

    def sheet_names(self, doc: int) -> list[str]:
        return list(self._doc(doc).Sheets.ElementNames)

    def insert_rows(self, doc: int, sheet: str, row: int, count: int = 1) -> None:
        self._sheet(doc, sheet).Rows.insertByIndex(row - 1, count)

    def delete_rows(self, doc: int, sheet: str, row: int, count: int = 1) -> None:
        self._sheet(doc, sheet).Rows.removeByIndex(row - 1, count)

    def move_sheet(self, doc: int, sheet: str, position: int) -> None:
        sheets = self._doc(doc).Sheets
        now = list(sheets.ElementNames).index(sheet)
        # moveByName inserts before the destination index, counted before the move
        sheets.moveByName(sheet, position + 1 if position > now else position)

    def rename_sheet(self, doc: int, sheet: str, name: str) -> None:
        self._sheet(doc, sheet).setName(name)

    def protect_sheet(self, doc: int, sheet: str, password: str = "") -> None:
        self._sheet(doc, sheet).protect(password)

    def unprotect_sheet(self, doc: int, sheet: str, password: str = "") -> None:
        self._sheet(doc, sheet).unprotect(password)

    def is_protected(self, doc: int, sheet: str) -> bool:
        return bool(self._sheet(doc, sheet).isProtected())

    def set_value(self, doc: int, sheet: str, cell: str, value: Any) -> None:
        c = self._cell(doc, sheet, cell)
        if value is None:
            c.setString("")
        elif isinstance(value, bool) or not isinstance(value, int | float):
            c.setString(str(value))
        else:
            c.setValue(float(value))

    def set_formula(self, doc: int, sheet: str, cell: str, formula: str, grammar: str) -> None:
        c = self._cell(doc, sheet, cell)
        if grammar == "api":
            c.setFormula(formula)
            return
        tokens = self._excel_parser(doc).parseFormula(formula.lstrip("="), c.getCellAddress())
        c.setTokens(tokens)

    def formula(self, doc: int, sheet: str, cell: str, grammar: str) -> str:
        c = self._cell(doc, sheet, cell)
        if grammar == "api" or c.getType().value != "FORMULA":
            return str(c.getFormula())
        return "=" + self._excel_parser(doc).printFormula(c.getTokens(), c.getCellAddress())

    def value(self, doc: int, sheet: str, cell: str) -> Any:
        c = self._cell(doc, sheet, cell)
        kind = c.getType().value  # EMPTY, VALUE, TEXT, FORMULA
        if kind == "EMPTY":
            return None
        if kind == "VALUE":
            return c.getValue()
        if kind == "FORMULA":
            result = c.FormulaResultType2  # com.sun.star.sheet.FormulaResult: 1 VALUE
            return c.getValue() if result == 1 else c.getString()
        return c.getString()

    def calculate(self, doc: int) -> None:
        self._doc(doc).calculate()

    def calculate_all(self, doc: int) -> None:
        self._doc(doc).calculateAll()

    def save_as(self, doc: int, path: str, kind: str) -> None:
        url = uno.systemPathToFileUrl(path)
        self._doc(doc).storeToURL(url, _props(FilterName=FILTERS[kind], Overwrite=True))

    def sleep(self, seconds: float) -> None:
        """For the harness's own timeout test."""
        time.sleep(seconds)

    def close(self, doc: int) -> None:
        d = self.docs.pop(doc)
        d.close(True)


def main() -> None:
    port, timeout = int(sys.argv[1]), float(sys.argv[2])
    out = sys.stdout
    sys.stdout = sys.stderr  # nothing but answers on the protocol stream
    worker = Worker(_connect(port, timeout))
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for line in sys.stdin:
        request = json.loads(line)
        try:
            result = getattr(worker, request["op"])(**request.get("args", {}))
            answer = {"ok": True, "result": result}
        except Exception as e:
            answer = {
                "ok": False,
                "error": f"{type(e).__name__}: {e}",
                "trace": traceback.format_exc(),
            }
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
