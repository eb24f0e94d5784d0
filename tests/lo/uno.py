"""LibreOffice headless as a test harness: open a workbook, edit it as a planner would
(UNO), recalculate, save it as .xlsx or .xlsm, close.

The test suite's interpreter (the venv) has no `uno`: Debian's `python3-uno` belongs to
/usr/bin/python3. So one `soffice --headless --accept=socket,…` runs per test session with
its own throwaway profile, and one worker process (`tests/lo/worker.py` under
/usr/bin/python3) talks UNO to it; this module sends the worker one JSON request per
operation. A request that takes longer than its timeout kills both processes (their own
process group, started here) and raises `UnoTimeout`; the next request starts them again.

    lo = LibreOffice()                    # or the session fixture `libreoffice`
    with lo.open(path) as doc:            # a Document
        doc.insert_rows("Kasubag Umum", 12)          # before Excel row 12, like Excel's Insert
        doc.delete_rows("Kasubag Umum", 12)
        doc.move_sheet("Kabid PPPA", 2)              # to 0-based position 2
        doc.rename_sheet("Kabid PPPA", "Kabid P3A")
        doc.set_value("Instansi", "B3", "Dinas …"); doc.set_formula(s, "A1", "=SUM(B1,B2)")
        doc.formula(s, "U11")                        # Excel grammar: "=IKI_NILAI($E$11,…)"
        doc.formula(s, "U11", grammar="api")         # LibreOffice's own: "=iki_nilai($E$11;…)"
        doc.value(s, "U11")                          # number, text, or None (empty)
        doc.calculate(); doc.calculate_all()         # dirty cells only / everything
        doc.save_as(tmp / "x.xlsx")                  # filter from the suffix (.xlsx, .xlsm)
    lo.close()

Facts seen with LibreOffice 7.4 (our workbooks): on a protected sheet UNO inserts rows but
refuses to delete any (RuntimeException, even for an empty row) — `unprotect_sheet` first;
a test through UNO proves what the file holds after the edit, not what Excel's protection
allows. Our UDFs print in capitals from an .xlsm (its VBA declares them) and in lower case
from an .xlsx (`iki_nilai`: a function LibreOffice does not know). A file opens without
recalculation, so the cached values of UDF cells survive until `calculate_all`.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from iki_xl.io.pdf import find_soffice  # the same LibreOffice the product prints with

UNO_PYTHON = "/usr/bin/python3"
WORKER = Path(__file__).with_name("worker.py")
START_TIMEOUT = 90.0  # a first start with a fresh profile takes a few seconds
CALL_TIMEOUT = 120.0
KINDS = {".xlsx": "xlsx", ".xlsm": "xlsm"}

Grammar = Literal["excel", "api"]


class UnoError(Exception):
    """LibreOffice refused an operation (its message), or the worker died."""


class UnoTimeout(UnoError):
    """An operation took longer than its timeout; LibreOffice was stopped."""


def uno_available() -> bool:
    """soffice on PATH and a /usr/bin/python3 that imports uno."""
    if find_soffice() is None or not Path(UNO_PYTHON).is_file():
        return False
    probe = subprocess.run(
        [UNO_PYTHON, "-c", "import uno"], capture_output=True, timeout=60, check=False
    )
    return probe.returncode == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _kill_group(process: subprocess.Popen[Any] | None) -> None:
    """Stop a process started here in its own session, and everything it started."""
    if process is None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=10)
            break
        except subprocess.TimeoutExpired:
            continue


class LibreOffice:
    """One soffice and one UNO worker, started on first use, stopped by `close()`."""

    def __init__(self, workdir: Path | None = None, *, soffice: str | None = None) -> None:
        self.soffice = soffice or find_soffice()
        if self.soffice is None:
            raise UnoError("LibreOffice (soffice) not found")
        self._own_dir = None if workdir is not None else tempfile.mkdtemp(prefix="iki-uno-")
        self.workdir = Path(workdir or self._own_dir or ".")
        self._office: subprocess.Popen[bytes] | None = None
        self._worker: subprocess.Popen[bytes] | None = None
        self._buffer = b""
        self._opened: set[Path] = set()  # files opened by the running LibreOffice
        self.generation = 0  # counts stops: a Document of an earlier generation is gone
        self.starts = 0

    # -- processes
    def _start(self) -> None:
        assert self.soffice is not None
        self.starts += 1
        port = _free_port()
        profile = self.workdir / f"profile-{self.starts}"
        log = (self.workdir / f"soffice-{self.starts}.log").open("wb")
        self._office = subprocess.Popen(
            [
                self.soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nolockcheck",
                "--nodefault",
                f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext",
            ],
            stdout=log,
            stderr=log,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        errors = (self.workdir / f"worker-{self.starts}.log").open("wb")
        self._worker = subprocess.Popen(
            [UNO_PYTHON, str(WORKER), str(port), str(START_TIMEOUT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            start_new_session=True,
        )
        errors.close()
        self._buffer = b""
        ready = self._read_line(START_TIMEOUT + 10, "start")
        if not ready.get("ready"):
            self.stop()
            raise UnoError(f"the UNO worker did not start: {ready}")

    def stop(self) -> None:
        """Stop the worker and soffice (if running); the next call starts them again, and
        the documents opened so far are gone."""
        if self._worker is None and self._office is None:
            return
        self.generation += 1
        killed = self._worker is not None and self._worker.poll() is None
        if self._worker is not None and self._worker.stdin is not None:
            with contextlib.suppress(OSError):
                self._worker.stdin.close()
        _kill_group(self._worker)
        _kill_group(self._office)
        self._worker = self._office = None
        if killed:  # a killed LibreOffice leaves its lock files, and a locked file won't open
            for path in self._opened:
                path.with_name(f".~lock.{path.name}#").unlink(missing_ok=True)
        self._opened.clear()

    def close(self) -> None:
        self.stop()
        if self._own_dir is not None:
            shutil.rmtree(self._own_dir, ignore_errors=True)

    def running(self) -> bool:
        return self._worker is not None and self._worker.poll() is None

    # -- the protocol
    def _read_line(self, timeout: float, op: str) -> dict[str, Any]:
        assert self._worker is not None and self._worker.stdout is not None
        stream = self._worker.stdout
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as sel:
            sel.register(stream, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not sel.select(left):
                    self.stop()
                    raise UnoTimeout(f"LibreOffice: {op} took longer than {timeout:g} s")
                chunk = os.read(stream.fileno(), 65536)
                if not chunk:
                    self.stop()
                    raise UnoError(f"LibreOffice: the UNO worker died during {op}")
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        answer: dict[str, Any] = json.loads(line)
        return answer

    def call(self, op: str, *, timeout: float = CALL_TIMEOUT, **args: Any) -> Any:
        """Run one worker operation (see tests/lo/worker.py) and return its result."""
        if not self.running():
            self.stop()
            self._start()
        assert self._worker is not None and self._worker.stdin is not None
        try:
            self._worker.stdin.write(json.dumps({"op": op, "args": args}).encode() + b"\n")
            self._worker.stdin.flush()
        except OSError:
            self.stop()
            raise UnoError(f"LibreOffice: the UNO worker is gone ({op})") from None
        answer = self._read_line(timeout, op)
        if not answer["ok"]:
            raise UnoError(f"LibreOffice: {op} failed: {answer['error']}")
        return answer["result"]

    def open(self, path: Path | str, *, timeout: float = CALL_TIMEOUT) -> Document:
        path = Path(path).resolve()
        self._opened.add(path)
        handle = self.call("open", path=str(path), timeout=timeout)
        return Document(self, handle, path)


class Document:
    """An open workbook in LibreOffice; also a context manager that closes it."""

    def __init__(self, lo: LibreOffice, handle: int, path: Path) -> None:
        self.lo, self.handle, self.path = lo, handle, path
        self.generation = lo.generation

    def _call(self, op: str, **args: Any) -> Any:
        if self.generation != self.lo.generation:
            raise UnoError(f"{self.path.name}: LibreOffice was restarted; open the file again")
        return self.lo.call(op, doc=self.handle, **args)

    def sheet_names(self) -> list[str]:
        names: list[str] = self._call("sheet_names")
        return names

    def insert_rows(self, sheet: str, row: int, count: int = 1) -> None:
        """Insert `count` empty rows before Excel row `row` (what Excel's Insert does)."""
        self._call("insert_rows", sheet=sheet, row=row, count=count)

    def delete_rows(self, sheet: str, row: int, count: int = 1) -> None:
        """Delete Excel rows `row` … `row + count - 1`."""
        self._call("delete_rows", sheet=sheet, row=row, count=count)

    def move_sheet(self, sheet: str, position: int) -> None:
        """Move a sheet so that it ends at 0-based `position`."""
        self._call("move_sheet", sheet=sheet, position=position)

    def rename_sheet(self, sheet: str, name: str) -> None:
        self._call("rename_sheet", sheet=sheet, name=name)

    def protect_sheet(self, sheet: str, password: str = "") -> None:
        self._call("protect_sheet", sheet=sheet, password=password)

    def unprotect_sheet(self, sheet: str, password: str = "") -> None:
        self._call("unprotect_sheet", sheet=sheet, password=password)

    def is_protected(self, sheet: str) -> bool:
        return bool(self._call("is_protected", sheet=sheet))

    def set_value(self, sheet: str, cell: str, value: float | str | None) -> None:
        """A number, a text (always text, even "=…"), or None to empty the cell."""
        self._call("set_value", sheet=sheet, cell=cell, value=value)

    def set_formula(self, sheet: str, cell: str, formula: str, grammar: Grammar = "excel") -> None:
        self._call("set_formula", sheet=sheet, cell=cell, formula=formula, grammar=grammar)

    def formula(self, sheet: str, cell: str, grammar: Grammar = "excel") -> str:
        """The cell's formula ("" when empty, the value's text when not a formula)."""
        return str(self._call("formula", sheet=sheet, cell=cell, grammar=grammar))

    def value(self, sheet: str, cell: str) -> Any:
        return self._call("value", sheet=sheet, cell=cell)

    def calculate(self) -> None:
        """Recalculate dirty cells (Excel's Calculate)."""
        self._call("calculate")

    def calculate_all(self) -> None:
        """Recalculate every formula (Excel's CalculateFull)."""
        self._call("calculate_all")

    def save_as(self, path: Path | str, kind: Literal["xlsx", "xlsm"] | None = None) -> Path:
        """Save a copy as .xlsx ("Calc MS Excel 2007 XML") or .xlsm ("… VBA XML")."""
        path = Path(path).resolve()
        chosen = kind or KINDS.get(path.suffix.lower())
        if chosen is None:
            raise ValueError(f"{path.name}: say kind='xlsx' or 'xlsm'")
        self._call("save_as", path=str(path), kind=chosen)
        return path

    def close(self) -> None:
        if self.generation == self.lo.generation and self.lo.running():
            self._call("close")

    def __enter__(self) -> Document:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def libreoffice_session(workdir: Path) -> Iterator[LibreOffice]:
    """The body of the session fixture: one LibreOffice, stopped at the end whatever
    happens."""
    lo = LibreOffice(workdir)
    try:
        yield lo
    finally:
        lo.close()
