"""Hostile arguments for the IKI worksheet functions (the xlwings UDFs).

The UDF entry points are stable (their names are baked into distributed workbooks):
`iki_xl.udfs.IKI_CAPAIAN`, `IKI_NILAI`, `IKI_TAHUNAN`, `IKI_CAPAIAN_INDIKATOR`,
`IKI_PREDIKAT`. They are called in a worker subprocess (`python -m tests.hostile.udfs
--worker`), never in the test process: a call that hangs in C (a huge power) or exhausts
memory takes only the worker down; the driver notes it and starts a new worker after it.

Each call replaces one argument of a valid call by a hostile value (every argument × every
value), plus combinations that overflow sums, divide by zero or bomb an expression. A call
passes when it returns a short text (≤ 255 characters, no Python exception name in it, as a
planner reads it in the cell) or a finite float, within CALL_SECONDS.

    python -m tests.hostile.udfs          # run every call, print the failures
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import queue
import re
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any

from tests.hostile.corpus import EXPRESSION_BOMBS as CORPUS_BOMBS

CALL_SECONDS = 2.0
SHORT = 255
AS_CAP = 2 << 30

HOSTILE: dict[str, Any] = {
    "None": None,
    "empty": "",
    "spaces": "   ",
    "text": "abc",
    "80%": "80%",
    "7,5": "7,5",
    "1.234,5": "1.234,5",
    "nan": math.nan,
    "inf": math.inf,
    "-inf": -math.inf,
    "True": True,
    "False": False,
    "zero": 0.0,
    "negative": -5.0,
    "denormal": 5e-324,
    "1e308": 1e308,
    "max-float": 1.7976931348623157e308,
    "-1e308": -1e308,
    "huge-int": 10**400,
    "2d": [[1.0, 2.0], [3.0, 4.0]],
    "ragged": [[1.0], [2.0, 3.0], []],
    "1d-mixed": [1.0, "x", None, True],
    "empty-list": [],
    "list-of-empty": [[]],
    "nested-3d": [[[1.0]]],
    "#N/A": "#N/A",
    "#DIV/0!": "#DIV/0!",
    "#NAME?": "#NAME?",
    "#VALUE!": "#VALUE!",
    "date": dt.datetime(2025, 3, 31),
    "40k-text": "x" * 40_000,
    "markup": "[/] [b]",
    "formula-text": "=1+1",
    "9**9**9": "9**9**9",
}

# the corpus' bombs, and three that only a cell meets (a zero divisor, a huge negative power)
EXPRESSION_BOMBS = (*CORPUS_BOMBS, "A / (B - B)", "A ** -1000", "-(A ** 400)")

BIG = 1.7976931348623157e308

# valid calls: (function, positional argument names, values)
VALID: dict[str, tuple[tuple[str, ...], tuple[Any, ...]]] = {
    "IKI_CAPAIAN": (
        ("realisasi", "target", "polaritas", "target_atas"),
        (80.0, 100.0, "positif", None),
    ),
    "IKI_NILAI": (
        ("jenis", "nilai", "kode", "ekspresi", "baseline", "level", "level_bawah", "level_atas"),
        ("persentase", [40.0, 50.0], ["A", "B"], None, None, None, None, None),
    ),
    "IKI_TAHUNAN": (
        (
            "jenis",
            "agregasi",
            "realisasi",
            "kode",
            "ekspresi",
            "baseline",
            "level",
            "level_bawah",
            "level_atas",
        ),
        (
            "persentase",
            "akhir",
            [[10.0, 20.0, 30.0, 40.0], [50.0, 50.0, 50.0, 50.0]],
            ["A", "B"],
            None,
            None,
            None,
            None,
            None,
        ),
    ),
    "IKI_CAPAIAN_INDIKATOR": (
        (
            "nilai",
            "target",
            "target_atas",
            "polaritas",
            "jenis",
            "level",
            "level_bawah",
            "level_atas",
        ),
        (80.0, 100.0, None, "positif", "persentase", None, None, None),
    ),
    "IKI_PREDIKAT": (("capaian", "skala"), (85.0, None)),
}


@dataclass(frozen=True)
class Call:
    id: str
    func: str
    args: tuple[Any, ...]


def calls() -> list[Call]:
    out: list[Call] = []
    for func, (names, valid) in VALID.items():
        for i, name in enumerate(names):
            for label, v in HOSTILE.items():
                args = list(valid)
                args[i] = v
                out.append(Call(f"{func}:{name}={label}", func, tuple(args)))
    # combinations
    q4 = lambda x: [x, x, x, x]  # noqa: E731
    extra: list[tuple[str, str, tuple[Any, ...]]] = [
        ("IKI_CAPAIAN", "overflow R/T", (BIG, 1e-308)),
        ("IKI_CAPAIAN", "negatif 2T-R overflow", (-BIG, BIG, "negatif")),
        ("IKI_CAPAIAN", "negatif T/R R=0", (0.0, 5.0, "negatif")),
        ("IKI_CAPAIAN", "T=0", (5.0, 0.0)),
        ("IKI_CAPAIAN", "T=0 R=0", (0.0, 0.0)),
        ("IKI_CAPAIAN", "range reversed", (7.5, 8.0, "range", 7.0)),
        ("IKI_CAPAIAN", "range huge", (BIG, -BIG, "range", BIG)),
        ("IKI_CAPAIAN", "range nan", (7.5, math.nan, "range", math.nan)),
        ("IKI_NILAI", "persentase overflow", ("persentase", [BIG, 1e-308], ["A", "B"])),
        ("IKI_NILAI", "persentase B=0", ("persentase", [5.0, 0.0], ["A", "B"])),
        ("IKI_NILAI", "rasio tiny", ("rasio", [5e-324, 5e-324], ["A", "B"])),
        ("IKI_NILAI", "jumlah overflow", ("jumlah", [BIG, BIG, BIG], ["A", "B", "C"])),
        ("IKI_NILAI", "penurunan baseline 0", ("penurunan", [5.0], [None], None, 0.0)),
        ("IKI_NILAI", "pertumbuhan baseline huge", ("pertumbuhan", [BIG], [None], None, -BIG)),
        ("IKI_NILAI", "duplicate codes", ("persentase", [1.0, 2.0], ["A", "A"])),
        ("IKI_NILAI", "code is markup", ("indeks", [1.0, 2.0], ["[/]", "__class__"], "[/] + __class__")),
        ("IKI_NILAI", "status levels ragged", ("status", ["Madya"], [None], None, None, ["Madya", "Utama"], [601.0], [700.0, 800.0, 900.0])),
        ("IKI_NILAI", "status levels huge", ("status", [BIG], [None], None, None, ["A"], [-BIG], [BIG])),
        ("IKI_NILAI", "10,000 components", ("jumlah", [1.0] * 10_000, [f"K{i}" for i in range(10_000)])),
        ("IKI_TAHUNAN", "kumulatif overflow (fsum)", ("jumlah", "kumulatif", [q4(BIG), q4(BIG)], [None, None])),
        ("IKI_TAHUNAN", "rata-rata overflow", ("jumlah", "rata-rata", [q4(BIG)], [None])),
        ("IKI_TAHUNAN", "kumulatif inf and -inf", ("jumlah", "kumulatif", [[math.inf, -math.inf, 1.0, 1.0]], [None])),
        ("IKI_TAHUNAN", "1,000 ragged rows", ("jumlah", "kumulatif", [[1.0] * (i % 7) for i in range(1000)], None)),
        ("IKI_CAPAIAN_INDIKATOR", "overflow", (BIG, 1e-308)),
        ("IKI_CAPAIAN_INDIKATOR", "negatif overflow", (-BIG, BIG, None, "negatif")),
        ("IKI_CAPAIAN_INDIKATOR", "status unknown level", ("Sangat Madya", "Madya", None, None, "status", ["Madya"], [1.0], [2.0])),
        ("IKI_CAPAIAN_INDIKATOR", "text value passes through (40k)", ("y" * 40_000, 100.0)),
        ("IKI_PREDIKAT", "skala ragged", (85.0, [["A"], ["B", 80.0, 1.0], []])),
        ("IKI_PREDIKAT", "skala nan bound", (85.0, [["A", math.nan], ["B", None]])),
        ("IKI_PREDIKAT", "skala text bounds", (85.0, [["A", "80%"], ["B", "#N/A"]])),
        ("IKI_PREDIKAT", "skala 40k name", (85.0, [["z" * 40_000, 0.0]])),
        ("IKI_PREDIKAT", "capaian inf", (math.inf, None)),
        ("IKI_PREDIKAT", "skala 10,000 rows", (85.0, [[f"P{i}", float(i)] for i in range(10_000)])),
    ]  # fmt: skip
    for func, label, args in extra:
        out.append(Call(f"{func}:{label}", func, args))
    for k, e in enumerate(EXPRESSION_BOMBS):
        label = e if len(e) <= 40 else f"{e[:20]}...({len(e)} chars)"
        out.append(Call(f"IKI_NILAI:ekspresi {k + 1} {label}", "IKI_NILAI",
                        ("indeks", [9.0, 9.0], ["A", "B"], e)))  # fmt: skip
        out.append(Call(f"IKI_TAHUNAN:ekspresi {k + 1} {label}", "IKI_TAHUNAN",
                        ("indeks", "akhir", [q4(9.0), q4(9.0)], ["A", "B"], e)))  # fmt: skip
    return out


# ---------------------------------------------------------------- the worker (subprocess)


def _describe(v: Any) -> dict[str, Any]:
    if isinstance(v, bool):
        return {"kind": "bool", "repr": repr(v)}
    if isinstance(v, float):
        return {"kind": "float", "repr": repr(v), "finite": math.isfinite(v)}
    if isinstance(v, int):
        return {"kind": "int", "repr": repr(v)[:80]}
    if isinstance(v, str):
        return {"kind": "str", "repr": v[:200], "len": len(v)}
    return {"kind": type(v).__name__, "repr": repr(v)[:200]}


def worker() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (AS_CAP, AS_CAP))
    import iki_xl.udfs as U

    table = {c.id: c for c in calls()}
    for line in sys.stdin:
        cid = line.rstrip("\n")
        c = table[cid]
        print("S " + cid, flush=True)
        t0 = time.perf_counter()
        try:
            r = getattr(U, c.func)(*c.args)
            d = _describe(r)
        except BaseException as e:  # what reaches xlwings: Excel shows a Python error
            d = {"kind": "raised", "repr": f"{e.__class__.__name__}: {str(e)[:150]}"}
        d["id"] = cid
        d["seconds"] = round(time.perf_counter() - t0, 3)
        print("R " + json.dumps(d, ensure_ascii=False), flush=True)


# ---------------------------------------------------------------- the driver


def run_calls(ids: list[str], hang_seconds: float = 10.0) -> dict[str, dict[str, Any]]:  # noqa: C901 - one checklist, read top to bottom
    """Run every call in workers; a call that hangs (or kills its worker) is recorded as
    such and the rest continue in a new worker."""
    results: dict[str, dict[str, Any]] = {}
    pending = list(ids)
    env = dict(os.environ)
    from tests.hostile.corpus import cli_env

    env.update(cli_env())
    while pending:
        p = subprocess.Popen(
            [sys.executable, "-m", "tests.hostile.udfs", "--worker"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
        )  # fmt: skip
        lines: queue.Queue[str | None] = queue.Queue()

        def pump(p: subprocess.Popen[str] = p, lines: queue.Queue[str | None] = lines) -> None:
            assert p.stdout is not None
            for ln in p.stdout:
                lines.put(ln)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        assert p.stdin is not None
        try:
            p.stdin.write("".join(i + "\n" for i in pending))
            p.stdin.close()
        except BrokenPipeError:
            pass
        current: str | None = None
        while True:
            try:
                ln = lines.get(timeout=hang_seconds)
            except queue.Empty:
                p.kill()
                p.wait()
                if current is not None:
                    results[current] = {
                        "id": current,
                        "kind": "hang",
                        "repr": f"no result after {hang_seconds:.0f} s",
                        "seconds": hang_seconds,
                    }
                    pending.remove(current)
                break
            if ln is None:  # the worker ended
                rc = p.wait()
                if current is not None and current in pending:
                    results[current] = {
                        "id": current,
                        "kind": "crash",
                        "repr": f"worker died (exit {rc})",
                        "seconds": 0.0,
                    }
                    pending.remove(current)
                break
            if ln.startswith("S "):
                current = ln[2:].rstrip("\n")
            elif ln.startswith("R "):
                d = json.loads(ln[2:])
                results[d["id"]] = d
                pending.remove(d["id"])
                current = None
        if not pending:
            break
    return results


_EXC = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception)\b|Traceback")


def verdict(d: dict[str, Any]) -> str | None:
    """None when the result is acceptable, else why not."""
    kind = d["kind"]
    if kind in ("raised", "hang", "crash"):
        return f"{kind}: {d['repr']}"
    if d.get("seconds", 0) > CALL_SECONDS:
        return f"slow: {d['seconds']:.1f} s"
    if kind == "float":
        return None if d["finite"] else f"not finite: {d['repr']}"
    if kind == "str":
        if d["len"] > SHORT:
            return f"text of {d['len']} characters"
        m = _EXC.search(d["repr"])
        return f"Python exception name in the cell: {d['repr']!r}" if m else None
    return f"returned {kind}: {d['repr']}"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--worker"]:
        worker()
        return 0
    table = calls()
    t0 = time.monotonic()
    res = run_calls([c.id for c in table])
    bad = [(c.id, verdict(res[c.id])) for c in table if verdict(res[c.id])]
    for cid, why in bad:
        print(f"FAIL {cid}: {why}")
    print(f"{len(table)} calls, {len(bad)} failing, {time.monotonic() - t0:.0f} s")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
