"""Run the hostile corpus through every command it applies to, as subprocesses.

    python -m tests.hostile.run [--corpus DIR] [-j 2] [--cases a,b] [--commands x,y]
                                [--skip-slow] [--markdown docs/reliability.md] [--json r.json]

Every run is `python -m iki_xl …` (or `python -m tests.hostile.macro …` for a ribbon macro)
in its own process group, with an address-space cap (RLIMIT_AS, default 2 GiB), no core
dumps, a file-size cap, a wall-clock timeout, and — when run as root — without the
capabilities that let root ignore file modes (so a mode-000 file is unreadable, as it is
for a planner). Peak RSS is taken from wait4().

Checked for every run, whatever the case: no traceback; an exit code 0/1/2 (not a signal);
exit 2 → exactly one stderr line, in Bahasa, naming the file; input bytes unchanged; no new
file beside the inputs or outputs except the declared output; no output left on exit 2;
time and peak memory within the case's bounds (memory: above the same command's normal
run). Then the case's own expectation (`corpus.Expect`): exit code, names, pattern, cells,
texts kept, texts absent, no formula, consolidated once.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import html
import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tests.hostile import corpus as C

ALL_COMMANDS = (
    "show",
    "show-json",
    "new",
    "validate",
    "validate-json",
    "validate-report",
    "export",
    "consolidate",
    "laporan",
    "macro-validate",
    "macro-recalculate",
    "macro-consolidate",
)
# commands whose output carries the document's texts (where `present` is checked); not the
# Laporan Triwulan, which carries names and figures, not formulas, sumber data or tugas
CARRIES = {"show", "show-json", "new", "export", "consolidate", "macro-consolidate"}
DEFAULT_OUT = {
    "new": "baru.xlsx",
    "validate-report": "laporan-validasi.xlsx",
    "export": "ekspor.yaml",
    "consolidate": "pengajuan.xlsx",
    "laporan": "laporan-tw.xlsx",
}
MACRO_SUFFIX = " - Pengajuan IKI.xlsx"  # where the Konsolidasi macro writes, beside the book

AS_CAP_MB = 2048
FSIZE_CAP = 1 << 30
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
# words that betray an untranslated (English / Python) message
ENGLISH = re.compile(
    r"Traceback|\bError\b|Exception|\bErrno\b|No such file|Permission denied|Usage:|"
    r"Invalid value|Is a directory|not found|cannot|failed|Warning|\b\w+(Error|Exception)\b",
)
CRASH_BOX = "Terjadi kesalahan"
FATAL = re.compile(
    r"^.*(memory allocation of|panicked at|Fatal Python error|Segmentation fault).*$", re.M
)
FILE_NAME = re.compile(
    r"\.(xlsx|xlsm|yaml|yml|json)$", re.I
)  # the macros' "something broke, tell the developer" box


# ---------------------------------------------------------------- running one process


@dataclass
class Proc:
    argv: list[str]
    code: int | None  # None: killed on timeout
    stdout: str
    stderr: str
    seconds: float
    rss_mb: float
    timed_out: bool


ACTIVE: set[int] = set()  # process groups of the runs under way (killed if we are stopped)
_ACTIVE_LOCK = threading.Lock()
STOP = threading.Event()  # set on SIGTERM / Ctrl-C: no new runs, the current ones killed


def kill_active() -> None:
    """Kill the process groups of unfinished runs (ours: unreaped, so their ids are theirs)."""
    with _ACTIVE_LOCK:
        for pid in list(ACTIVE):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)


def _drop_root() -> list[str]:
    if os.geteuid() == 0 and shutil.which("setpriv"):
        return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]
    return []


def run_process(argv: list[str], cwd: Path, timeout: float, as_cap_mb: int = AS_CAP_MB) -> Proc:
    env = C.cli_env()
    env.update(
        COLUMNS="1000",  # rich: no folding of messages and table cells
        LINES="200",
        NO_COLOR="1",
        TERM="dumb",
        PYTHONIOENCODING="utf-8",
        PYTHONDONTWRITEBYTECODE="1",
        LC_ALL="C.UTF-8",
    )

    def limits() -> None:
        cap = as_cap_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (FSIZE_CAP, FSIZE_CAP))

    fd, peak = tempfile.mkstemp(prefix="iki-peak-")
    os.close(fd)
    full = [sys.executable, "-c", _LAUNCHER, peak, *_drop_root(), *argv]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        p = subprocess.Popen(
            full, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
            preexec_fn=limits, start_new_session=True,
        )  # fmt: skip
        with _ACTIVE_LOCK:
            ACTIVE.add(p.pid)
        timed_out = False
        # wait for the exit without reaping (WNOWAIT): while the leader is a zombie its pid
        # stays reserved, so killing its group afterwards cannot hit anyone else's process
        while os.waitid(os.P_PID, p.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
            if time.monotonic() - t0 > timeout or STOP.is_set():
                timed_out = True
                break
            time.sleep(0.01)
        # the leader (on timeout) and whatever it left running in its group (pool workers)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(p.pid, signal.SIGKILL)
        with _ACTIVE_LOCK:
            _, status, ru = os.wait4(p.pid, 0)
            ACTIVE.discard(p.pid)
        seconds = time.monotonic() - t0
        p.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        so = out.read(4 << 20).decode("utf-8", "replace")
        se = err.read(4 << 20).decode("utf-8", "replace")
    return Proc(
        argv, None if timed_out else p.returncode, ANSI.sub("", so), ANSI.sub("", se),
        seconds, _peak_mb(peak, ru.ru_maxrss), timed_out,
    )  # fmt: skip


# A small process between the runner and the command. A child's peak RSS (ru_maxrss)
# starts at its parent's resident size when it was forked, and Linux keeps that high-water
# mark across exec: forked straight from this runner (which grows while it reads large
# outputs), every command would "use" the runner's memory. The launcher is a fresh
# interpreter of ~10 MB: the command forked from it reports its own peak, which the launcher
# writes to a file; it then ends as the command ended (the same code, or the same signal).
_LAUNCHER = """
import os, resource, signal, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
while True:
    try:
        _, status, ru = os.wait4(pid, 0)
        break
    except InterruptedError:
        continue
with open(sys.argv[1], "w") as f:
    f.write(str(ru.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
if code < 0:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(-code, signal.SIG_DFL)
    os.kill(os.getpid(), -code)
sys.exit(code)
"""


def _peak_mb(path: str, fallback_kb: int) -> float:
    try:
        with open(path) as f:
            kb = int(f.read() or fallback_kb)
    except (OSError, ValueError):
        kb = fallback_kb
    with contextlib.suppress(OSError):
        os.unlink(path)
    return kb / 1024


# ---------------------------------------------------------------- commands


def command_argv(case: C.Case, command: str, outdir: Path) -> tuple[list[str], Path | None]:
    """The argv of `command` on `case` (run in case.folder) and its output file."""
    ins = list(case.inputs_of(command))
    out: Path | None = None
    if command in DEFAULT_OUT:
        rel = case.output_for.get(command)
        out = case.folder / rel if rel is not None else outdir / DEFAULT_OUT[command]
    py = [sys.executable, "-m", "iki_xl"]
    first = ins[0]
    match command:
        case "show":
            return [*py, "show", first], None
        case "show-json":
            return [*py, "show", first, "--format", "json"], None
        case "new":
            return [*py, "new", first, "-o", str(out)], out
        case "validate":
            return [*py, "validate", first], None
        case "validate-json":
            return [*py, "validate", first, "--format", "json"], None
        case "validate-report":
            return [*py, "validate", first, "--report", str(out)], out
        case "export":
            return [*py, "export", first, "-o", str(out)], out
        case "consolidate":
            return [*py, "consolidate", *ins, "-o", str(out)], out
        case "laporan":
            return [*py, "laporan", *ins, "-o", str(out)], out
    if command.startswith("macro-"):
        name = command.removeprefix("macro-")
        target = case.folder / first
        out = target.with_name(target.stem + MACRO_SUFFIX) if name == "consolidate" else None
        return [sys.executable, "-m", "tests.hostile.macro", first, name], out
    raise ValueError(command)


# ---------------------------------------------------------------- the file system around a run


def snapshot(folder: Path) -> dict[str, tuple[str, str]]:
    """relative path → (kind, sha256 or link target), without following links or opening
    anything but regular files."""
    snap: dict[str, tuple[str, str]] = {}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for n in dirnames + filenames:
            p = Path(dirpath) / n
            rel = str(p.relative_to(folder))
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                snap[rel] = ("link", os.readlink(p))
            elif stat.S_ISREG(st.st_mode):
                h = hashlib.sha256()
                with open(p, "rb") as f:
                    for chunk in iter(lambda: f.read(1 << 20), b""):
                        h.update(chunk)
                snap[rel] = ("file", h.hexdigest())
            elif stat.S_ISDIR(st.st_mode):
                snap[rel] = ("dir", "")
            else:
                snap[rel] = ("special", "")
    return snap


def there(p: Path | None) -> bool:
    """Whether anything (even a dangling link) is at `p`; False for a name the file system
    refuses (too long)."""
    if p is None:
        return False
    try:
        os.lstat(p)
    except OSError:
        return False
    return True


def is_file(p: Path | None) -> bool:
    try:
        return p is not None and stat.S_ISREG(os.stat(p).st_mode)
    except OSError:
        return False


def remove(p: Path) -> None:
    if not there(p):
        return
    if p.is_symlink() or p.is_file():
        p.unlink()
    elif p.is_dir():
        shutil.rmtree(p)


# ---------------------------------------------------------------- reading outputs (ours, bounded)


def _xml_parts(path: Path) -> Iterable[tuple[str, str]]:
    with zipfile.ZipFile(path) as z:
        for i in z.infolist():
            if i.filename.endswith(".xml") and i.file_size < 200 << 20:
                yield i.filename, z.read(i).decode("utf-8", "replace")


_SI = re.compile(r"<(?:si|is)>(.*?)</(?:si|is)>", re.S)
_T = re.compile(r"<t(?:\s[^>]*)?>(.*?)</t>", re.S)
_STR = re.compile(r'<c [^>]*t="str"[^>]*>.*?<v>(.*?)</v>', re.S)
_F = re.compile(r"<f(?:\s[^>]*)?>(.*?)</f>", re.S)


def xlsx_texts(path: Path) -> list[str]:
    texts = []
    for name, xml in _xml_parts(path):
        if name.endswith("sharedStrings.xml") or name.startswith("xl/worksheets/"):
            for si in _SI.findall(xml):
                texts.append(html.unescape("".join(_T.findall(si))))
            texts += [html.unescape(v) for v in _STR.findall(xml)]
    return texts


def xlsx_formulas(path: Path) -> list[str]:
    out = []
    for name, xml in _xml_parts(path):
        if name.startswith("xl/worksheets/"):
            out += [html.unescape(f) for f in _F.findall(xml)]
    return out


def xlsx_raw(path: Path) -> str:
    return "\n".join(xml for _, xml in _xml_parts(path))


def xlsx_rows(path: Path) -> list[str]:
    """Each row of each sheet as 'v | v | …' (openpyxl, values only)."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            vals = [str(v) for v in row if v not in (None, "")]
            if vals:
                rows.append(" | ".join(vals))
    wb.close()
    return rows


def data_texts(path: Path) -> list[str]:
    import yaml

    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    out: list[str] = []

    def walk(x: Any) -> None:
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(data)
    return out


def output_texts(path: Path) -> list[str]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return xlsx_texts(path)
    return data_texts(path)


def json_texts(stdout: str) -> list[str]:
    try:
        data = json.loads(stdout)
    except ValueError:
        return []
    out: list[str] = []

    def walk(x: Any) -> None:
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(data)
    return out


# ---------------------------------------------------------------- judging one run


@dataclass
class Result:
    case: str
    command: str
    status: str  # ok | FAIL | n/a
    reasons: list[str] = field(default_factory=list)
    code: int | None = None
    seconds: float = 0.0
    rss_mb: float = 0.0
    message: str = ""  # the last meaningful line (traceback's last line, or the message)
    argv: str = ""

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "n/a")

    def cell(self) -> str:
        if self.status in ("ok", "n/a"):
            return self.status
        return f"{self.status}(" + "; ".join(self.reasons) + ")"


def _cell_found(text: str, sheet: str, cell: str) -> bool:
    names = {re.escape(sheet), re.escape("'" + sheet.replace("'", "''") + "'")}
    return any(re.search(rf"{n}!\$?(?:{cell})(?![0-9])", text) for n in names)


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1][:300] if lines else ""


def _traceback_line(text: str) -> str | None:
    if "Traceback (most recent call last)" not in text:
        return None
    tail = text[text.rindex("Traceback (most recent call last)") :]
    lines = [ln for ln in tail.splitlines() if ln and not ln.startswith((" ", "Traceback"))]
    return lines[-1][:300] if lines else "Traceback"


def judge(  # noqa: C901, PLR0912, PLR0915 - one checklist, read top to bottom
    case: C.Case,
    command: str,
    exp: C.Expect,
    p: Proc,
    out: Path | None,
    before: dict[str, tuple[str, str]],
    after: dict[str, tuple[str, str]],
    out_before: bool,
    outdir_new: list[str],
    baseline_mb: float,
) -> Result:
    r = Result(case.name, command, "ok", code=p.code, seconds=round(p.seconds, 2),
               rss_mb=round(p.rss_mb, 1), argv=" ".join(_quote(a) for a in p.argv))  # fmt: skip
    why = r.reasons
    both = p.stdout + "\n" + p.stderr
    tb = _traceback_line(both)
    r.message = tb or (_last_line(p.stderr) if p.code == 2 else _last_line(both))
    fatal = FATAL.search(p.stderr)
    if fatal and not tb:  # a native abort: its own line says more than the backtrace's end
        r.message = fatal.group(0)[:300]
    elif p.code == 2 and "╰" in r.message:  # a boxed usage error: the line inside the box
        inside = [ln.strip("│ ") for ln in p.stderr.splitlines() if ln.startswith("│")]
        r.message = " ".join(inside)[:300] or r.message
    macro = command.startswith("macro-")
    if p.timed_out:
        why.append(f"timeout: killed after {p.seconds:.1f}s")
    elif macro and p.code == 5:
        r.status = "n/a"
        r.reasons = [p.stdout.strip()[:200]]
        return r
    elif p.code is not None and p.code < 0:
        why.append(f"killed by {signal.Signals(-p.code).name}")
    elif p.code not in (0, 1, 2) and not macro:
        why.append(f"exit {p.code}")
    if tb:
        why.append(f"traceback: {tb}")
    if macro:
        if p.code == 3 and not tb:
            why.append("exception escaped the macro")
        if "TANPA KOTAK" in p.stdout and command != "macro-recalculate":
            why.append("macro ended without a message box")
        if CRASH_BOX in p.stdout:
            crash = next(ln for ln in p.stdout.splitlines() if CRASH_BOX in ln)
            why.append(f"crash box: {crash.removeprefix('KOTAK: ')[:200]}")
            r.message = crash[:300]
    elif not p.timed_out and p.code is not None and p.code >= 0 and p.code not in exp.codes:
        want = "/".join(str(c) for c in sorted(exp.codes))
        why.append(
            f"exit {p.code}, expected {want}" + (f": {r.message[:160]}" if r.message else "")
        )
    # exit 2: one line of Bahasa naming the file
    if p.code == 2 and not macro:
        lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
        if len(lines) != 1:
            why.append(f"{len(lines)} stderr lines, not one")
        m = ENGLISH.search(p.stderr)
        if m and not tb:
            why.append(f"not Bahasa ({m.group(0)!r})")
        named = exp.names or (Path(case.inputs_of(command)[0]).name,)
        for n in named:
            if n not in p.stderr:
                why.append(f"message does not name {n!r}")
    # the message (any exit code): names, pattern, cells
    report_rows: list[str] = []
    if command == "validate-report" and is_file(out) and not out_before:
        try:
            report_rows = xlsx_rows(out)
        except Exception as e:
            why.append(f"report unreadable ({e.__class__.__name__})")
    searchable = both + "\n" + "\n".join(report_rows)
    if p.code in (0, 1) and exp.names:
        for n in exp.names:
            if command.endswith("-json") and FILE_NAME.search(n):
                continue  # JSON on stdout describes the file given; it need not name it
            if n not in searchable:
                why.append(f"output does not name {n!r}")
    if exp.pattern and not p.timed_out and not re.search(exp.pattern, searchable, re.I | re.S):
        why.append(f"message lacks /{exp.pattern}/")
    if exp.cells and not p.timed_out:
        for sheet, cell in exp.cells:
            if command == "validate-json":
                try:
                    found = any(
                        t.get("sheet") == sheet
                        and re.fullmatch(cell, str(t.get("cell", t.get("sel", ""))))
                        for t in json.loads(p.stdout)
                    )
                except (ValueError, AttributeError):
                    found = False
            else:
                found = _cell_found(searchable, sheet, cell) or any(
                    sheet in row and re.search(rf"(^|[!\s|]){cell}($|[\s|])", row)
                    for row in report_rows
                )
            if not found:
                why.append(f"no finding at {sheet}!{cell}")
    # the outputs
    out_new = there(out) and not out_before
    texts: list[str] = []
    if out_new and out is not None and is_file(out) and p.code in (0, 1):
        try:
            texts = output_texts(out)
        except Exception as e:
            why.append(f"output unreadable ({e.__class__.__name__}: {str(e)[:80]})")
    if p.code == 2 and out_new:
        why.append(f"output written despite exit 2: {out.name if out else ''}")
    needs_output = command in DEFAULT_OUT or command == "macro-consolidate"
    if p.code in (0, 1) and needs_output and not out_new and not out_before and not macro:
        why.append("no output written")
    if exp.present and command in CARRIES and p.code in (0, 1):
        pool = texts + json_texts(p.stdout) + [p.stdout]
        for t in exp.present:
            if not any(t in x for x in pool):
                why.append(f"text lost: {t[:40]!r}" + ("…" if len(t) > 40 else ""))
    if exp.absent:
        pool = [both, *texts]
        if out_new and out is not None and is_file(out) and out.suffix == ".xlsx":
            with contextlib.suppress(Exception):
                pool.append(xlsx_raw(out))
        for t in exp.absent:
            if any(t in x for x in pool):
                why.append(f"leaked {t!r}")
    if exp.not_formula and out_new and out is not None and out.suffix == ".xlsx" and is_file(out):
        try:
            bad = [f for f in xlsx_formulas(out) if any(m in f for m in exp.not_formula)]
        except Exception:
            bad = []
        if bad:
            why.append(f"text became a formula: ={bad[0][:60]}")
    if exp.once and p.code in (0, 1):
        n = sum(1 for ln in p.stdout.splitlines() if ln.startswith(exp.once + ":"))
        if n > 1:
            why.append(f"{exp.once} consolidated {n} times")
    # the file system: inputs unchanged, nothing left behind
    changed = [k for k, v in before.items() if after.get(k) != v]
    if changed:
        why.append("input changed: " + ", ".join(changed[:3]))
    allowed = set()
    if out is not None and out.is_relative_to(case.folder):
        allowed.add(str(out.relative_to(case.folder)))
        if command == "macro-consolidate":  # Konsolidasi also writes the Word document
            allowed.add(str(out.with_suffix(".docx").relative_to(case.folder)))
    extra = sorted(k for k in after if k not in before and k not in allowed)
    extra += [f"out/{n}" for n in outdir_new]
    if extra and not p.timed_out:  # a killed process cannot clean up: not its fault
        why.append("left behind: " + ", ".join(extra[:3]))
    for f in case.forbid_files:
        if there(case.folder / f):
            why.append(f"side effect: {f} created")
    # bounds
    if not p.timed_out and p.seconds > case.time_s:
        why.append(f"slow {p.seconds:.1f}s > {case.time_s:.0f}s")
    if p.rss_mb > baseline_mb + case.mem_mb:
        why.append(f"memory {p.rss_mb:.0f} MB > {baseline_mb:.0f}+{case.mem_mb} MB")
    if why:
        r.status = "FAIL"
    return r


def _quote(a: str) -> str:
    return a if re.fullmatch(r"[\w./=:,@+-]+", a) else "'" + a.replace("'", "'\\''") + "'"


# ---------------------------------------------------------------- running cases


def run_one(
    case: C.Case, command: str, outroot: Path, baseline: dict[str, float], kill_factor: float = 1.3
) -> Result:
    exp = case.expect[command]
    outdir = outroot / case.name / command
    if outdir.exists():
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True)
    argv, out = command_argv(case, command, outdir)
    out_before = there(out)
    before = snapshot(case.folder)
    backup = _backup(case.folder, before)
    timeout = case.time_s * kill_factor + 1
    p = run_process(argv, case.folder, timeout)
    after = snapshot(case.folder)
    outdir_new = [n for n in os.listdir(outdir) if out is None or outdir / n != out]
    r = judge(case, command, exp, p, out, before, after, out_before, outdir_new,
              baseline.get(command, 0.0))  # fmt: skip
    # leave the case as it was for the next command
    if out is not None and not out_before and there(out) and out.is_relative_to(case.folder):
        remove(out)
    for k in after:
        if k not in before:
            remove(case.folder / k)
    for k, (data, mode) in backup.items():  # an input the command changed: put it back
        if after.get(k) != before[k]:
            f = case.folder / k
            remove(f)
            f.write_bytes(data)
            f.chmod(mode)
    shutil.rmtree(outdir, ignore_errors=True)
    return r


def _backup(folder: Path, snap: dict[str, tuple[str, str]]) -> dict[str, tuple[bytes, int]]:
    """The bytes and mode of every regular input file (up to 64 MB each)."""
    out = {}
    for k, (kind, _) in snap.items():
        p = folder / k
        if kind == "file" and p.stat().st_size < 64 << 20:
            out[k] = (p.read_bytes(), stat.S_IMODE(p.stat().st_mode))
    return out


def measure_baseline(src: C.Sources, outroot: Path) -> dict[str, float]:
    """Peak RSS (MB) of each command on the valid base files: the 'normal run'."""
    base = C.Case("_baseline", "the base workbook", src.folder, (src.xlsx.name,),
                  {c: C.E(0, 1) for c in ALL_COMMANDS}, inputs_for={"new": (src.yaml.name,)},
                  time_s=60)  # fmt: skip
    mb: dict[str, float] = {}
    for command in ALL_COMMANDS:
        outdir = outroot / "_baseline" / command
        outdir.mkdir(parents=True, exist_ok=True)
        argv, out = command_argv(base, command, outdir)
        p = run_process(argv, src.folder, 120)
        mb[command] = round(p.rss_mb, 1)
        if out is not None and there(out) and out.is_relative_to(src.folder):
            remove(out)
        shutil.rmtree(outdir, ignore_errors=True)
    return mb


def run_corpus(
    cases: list[C.Case],
    outroot: Path,
    baseline: dict[str, float],
    commands: Iterable[str] | None = None,
    jobs: int = 2,
    progress: bool = True,
) -> list[Result]:
    wanted = set(commands) if commands else None

    def one_case(case: C.Case) -> list[Result]:
        res = []
        for command in case.expect:
            if STOP.is_set():
                break
            if wanted is None or command in wanted:
                try:
                    r = run_one(case, command, outroot, baseline)
                except Exception as e:  # the harness's own failure: never hide it as a FAIL
                    r = Result(
                        case.name, command, "ERROR", [f"runner: {e.__class__.__name__}: {e}"[:300]]
                    )
                if progress:
                    print(f"{case.name:34} {command:18} {r.seconds:6.1f}s {r.rss_mb:7.0f}MB  {r.cell()[:150]}",
                          flush=True)  # fmt: skip
                res.append(r)
        return res

    # the slowest first, so two workers finish together
    order = sorted(cases, key=lambda c: -c.time_s)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = list(pool.map(one_case, order))
    by_case = {c.name: i for i, c in enumerate(cases)}
    flat = [r for rs in done for r in rs]
    flat.sort(key=lambda r: (by_case[r.case], ALL_COMMANDS.index(r.command)))
    return flat


# ---------------------------------------------------------------- reporting

SHORT = {
    "show": "show",
    "show-json": "show json",
    "new": "new",
    "validate": "validate",
    "validate-json": "validate json",
    "validate-report": "validate report",
    "export": "export",
    "consolidate": "consolidate",
    "laporan": "laporan",
    "macro-validate": "macro Validasi",
    "macro-recalculate": "macro Hitung Ulang",
    "macro-consolidate": "macro Konsolidasi",
}


def table_text(results: list[Result]) -> str:
    lines = []
    for r in results:
        lines.append(f"{r.case:34} {r.command:18} {r.cell()}")
    return "\n".join(lines)


def _md(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace("[", "\\[")


def markdown(cases: list[C.Case], results: list[Result]) -> str:
    """docs/reliability.md: outcomes only (no timings), so that a passing run always writes
    the same text (tests/hostile/suite.py checks the committed file against it)."""
    used = [c for c in ALL_COMMANDS if any(r.command == c for r in results)]
    by = {(r.case, r.command): r for r in results}
    n_fail = sum(1 for r in results if r.status == "FAIL")
    n_na = sum(1 for r in results if r.status == "n/a")
    failing_cases = {r.case for r in results if r.status == "FAIL"}
    out = [
        "# Reliability: the hostile corpus",
        "",
        "Generated by `python -m tests.hostile.run --markdown docs/reliability.md`; do not edit.",
        "The corpus is made by `tests/hostile/corpus.py` (no committed binaries); each case is "
        "run through every command it applies to as a subprocess, under a "
        f"{AS_CAP_MB} MiB address-space cap. A run passes when it ends with the expected exit "
        "code and message (Bahasa Indonesia, naming the file, sheet and cell), without a "
        "traceback, within its time and memory bounds, leaving its inputs byte-identical and "
        "nothing behind.",
        "",
        f"**{len(cases)} cases, {len(results) - n_na} runs, {n_fail} failing** "
        f"({len(failing_cases)} cases with a failure; {n_na} not applicable).",
        "",
        "Memory bounds are above the same command's normal run (peak RSS on the base "
        "workbook, measured at the start of every run).",
        "",
        "| case | " + " | ".join(SHORT[c] for c in used) + " |",
        "|---|" + "---|" * len(used),
    ]
    for c in cases:
        row = [f"`{c.name}`"]
        for cmd in used:
            r = by.get((c.name, cmd))
            if r is None:
                row.append("")
            elif r.status == "ok":
                row.append("ok")
            elif r.status == "n/a":
                row.append("n/a")
            else:
                row.append(f"**{r.status}** " + short_reason(r))
        out.append("| " + " | ".join(row) + " |")
    out += ["", "## Cases", "", "| case | what | bounds |", "|---|---|---|"]
    for c in cases:
        out.append(f"| `{c.name}` | {_md(c.about)} | {c.time_s:.0f} s, +{c.mem_mb} MB |")
    if n_fail:
        out += ["", "## Failing runs", "", failures_markdown(results)]
    return "\n".join(out) + "\n"


_SHORT = (
    (r"^traceback: (?:[\w.]+\.)?(\w+)", r"\1"),
    (r"^killed by (\w+)", r"\1"),
    (r"^timeout", "hangs (timeout)"),
    (r"^exit (\d+), expected ([\d/]+)", r"exit \1, not \2"),
    (r"^(\d+) stderr lines", r"\1-line message"),
    (r"^not Bahasa", "not Bahasa"),
    (r"^message does not name|^output does not name", "file/sheet not named"),
    (r"^message lacks", "message unclear"),
    (r"^no finding at", "finding missing"),
    (r"^text lost", "text lost"),
    (r"^text became a formula", "formula injected"),
    (r"^input changed", "INPUT CHANGED"),
    (r"^left behind", "left files behind"),
    (r"^memory (\d+) MB", r"\1 MB"),
    (r"^slow ([\d.]+)s", r"slow \1 s"),
    (r"consolidated (\d+) times", r"counted \1×"),
    (r"^crash box", "crash box"),
    (r"^side effect", "SIDE EFFECT"),
    (r"^output written despite", "output on refusal"),
    (r"^no output written", "no output"),
)


def short_reason(r: Result) -> str:
    """A few words per failing run for the matrix (the details are in the table below)."""
    labels: list[str] = []
    for why in r.reasons:
        for pat, rep in _SHORT:
            m = re.search(pat, why)
            if m:
                label = m.expand(rep)
                if label not in labels:
                    labels.append(label)
                break
    return _md(", ".join(labels[:3]) or "; ".join(r.reasons)[:60])


def failures_markdown(results: list[Result]) -> str:
    """Every failing run: exit code, the last traceback line or message, time, memory, and
    the command (run in the case's folder)."""
    out = [
        "| case | command | exit | s | MB | outcome | why it fails |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        if r.status in ("ok", "n/a"):
            continue
        code = (
            "timeout"
            if r.code is None
            else ("SIG" + signal.Signals(-r.code).name[3:] if r.code < 0 else str(r.code))
        )
        out.append(
            f"| `{r.case}` | {r.command} | {code} | {r.seconds:.1f} | {r.rss_mb:.0f} | "
            f"{_md(r.message)[:200]} | {_md('; '.join(r.reasons))[:300]} |"
        )
    return "\n".join(out) + "\n"


def sanitize(results: list[Result], prefixes: dict[str, str]) -> None:
    """Machine paths out of the messages: the corpus and output folders become $C and $OUT."""
    for r in results:
        for old, new in sorted(prefixes.items(), key=lambda kv: -len(kv[0])):
            r.message = r.message.replace(old, new)
            r.reasons = [x.replace(old, new) for x in r.reasons]


def from_json(a: argparse.Namespace) -> int:
    data = json.loads(a.from_json.read_text(encoding="utf-8"))
    results = [Result(**r) for r in data["results"]]
    if "cases" in data:
        cases = [C.Case(c["name"], c["about"], Path("."), (), {}, time_s=c["time_s"], mem_mb=c["mem_mb"])
                 for c in data["cases"]]  # fmt: skip
    else:
        with tempfile.TemporaryDirectory() as t:
            cases = C.make_corpus(Path(t) / "c")
            for p in Path(t).rglob("*"):
                if not p.is_symlink():
                    with contextlib.suppress(OSError):
                        p.chmod(0o755 if p.is_dir() else 0o644)
    prefixes = {}
    if a.corpus:
        prefixes[str(a.corpus)] = "$C"
    if a.out:
        prefixes[str(a.out)] = "$OUT"
    sanitize(results, prefixes)
    if a.markdown:
        a.markdown.write_text(markdown(cases, results), encoding="utf-8")
    if a.failures:
        a.failures.write_text(failures_markdown(results), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--corpus", type=Path, help="folder to make the corpus in (default: a temp dir)"
    )
    ap.add_argument("--out", type=Path, help="folder for the runs' outputs (default: a temp dir)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--cases", help="comma-separated case names (or regexes)")
    ap.add_argument("--commands", help="comma-separated commands")
    ap.add_argument("--skip-slow", action="store_true")
    ap.add_argument("--markdown", type=Path, help="write the table as markdown here")
    ap.add_argument("--json", type=Path, help="write every result as JSON here")
    ap.add_argument("--failures", type=Path, help="write the failing runs as a markdown table here")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument(
        "--from-json", type=Path, help="no run: write --markdown/--failures from this --json"
    )
    a = ap.parse_args(argv)
    if a.from_json:
        return from_json(a)

    def stop(*_: Any) -> None:
        STOP.set()
        kill_active()
        sys.exit(143)

    signal.signal(signal.SIGTERM, stop)
    tmp = Path(tempfile.mkdtemp(prefix="iki-hostile-"))
    folder = a.corpus or tmp / "corpus"
    outroot = a.out or tmp / "out"
    try:
        t0 = time.monotonic()
        cases = C.make_corpus(folder)
        print(f"corpus: {len(cases)} cases in {folder} ({time.monotonic() - t0:.0f} s)", flush=True)
        if a.cases:
            pats = [re.compile(p) for p in a.cases.split(",")]
            cases = [c for c in cases if any(p.fullmatch(c.name) for p in pats)]
        if a.skip_slow:
            cases = [c for c in cases if not c.slow]
        src = C.Sources(folder / "_sources", folder / "_sources" / "base.yaml",
                        folder / "_sources" / "base.xlsx", {})  # fmt: skip
        baseline = measure_baseline(src, outroot)
        print("baseline peak RSS (MB):", baseline, flush=True)
        results = run_corpus(cases, outroot, baseline, a.commands.split(",") if a.commands else None,
                             a.jobs, progress=not a.quiet)  # fmt: skip
        sanitize(results, {str(folder): "$C", str(outroot): "$OUT"})
        n_fail = sum(1 for r in results if r.status == "FAIL")
        n_err = sum(1 for r in results if r.status == "ERROR")
        n_run = sum(1 for r in results if r.status != "n/a")
        print(f"\n{len(cases)} cases, {n_run} runs, {n_fail} failing"
              + (f", {n_err} harness errors" if n_err else "")
              + f", {time.monotonic() - t0:.0f} s in all")  # fmt: skip
        if a.markdown:
            a.markdown.write_text(markdown(cases, results), encoding="utf-8")
        if a.failures:
            a.failures.write_text(failures_markdown(results), encoding="utf-8")
        if a.json:
            meta = [
                {"name": c.name, "about": c.about, "time_s": c.time_s, "mem_mb": c.mem_mb}
                for c in cases
            ]
            a.json.write_text(json.dumps({"baseline": baseline, "cases": meta, "results": [asdict(r) for r in results]},
                                         ensure_ascii=False, indent=1), encoding="utf-8")  # fmt: skip
        return 1 if n_fail or n_err else 0
    except KeyboardInterrupt:
        STOP.set()
        kill_active()
        raise
    finally:
        STOP.set()
        kill_active()
        # the temporary folder holds only what was not given a place (corpus, outputs)
        for p in tmp.rglob("*"):
            if not p.is_symlink():
                with contextlib.suppress(OSError):
                    p.chmod(0o755 if p.is_dir() else 0o644)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
