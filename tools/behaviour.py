"""What the code does to a fixed corpus of workbooks, as one JSON file, and the difference
between two versions of the code.

    python tools/behaviour.py compare --before <git-rev> [--corpus DIR] [--keep DIR]
    python tools/behaviour.py generate DIR        # the corpus (with the code importable now)
    python tools/behaviour.py snapshot DIR OUT    # the behaviour of the code importable now

The corpus (at least 100 workbooks): the 100-jabatan benchmark workbook; both bundled
examples with and without their example figures; 60 random documents drawn from a seeded
generator; 40 copies of the examples with planner edits (random cells overwritten with
typical wrong entries, rows deleted and duplicated, sheets reordered). Edited copies are
written as plain values with XlsxWriter, so their bytes do not depend on iki-xl's writer.

For each workbook the snapshot holds the document read, the reader's findings, the whole
jalur → cell map, the validation findings (placed and sorted) and the Rekap rows; and for
each generated document the values of the workbook iki-xl writes for it. `compare` builds
the corpus with the `--before` revision (in a git worktree), snapshots it with both versions
and prints the differences by section. It runs each version in its own interpreter
(PYTHONPATH set to that version's tree), so both use the same installed libraries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

AKAR = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------- the two APIs


class _Api:
    """The calls a snapshot needs, whatever the version names them."""

    def __init__(self) -> None:
        try:
            self._baru()
        except ImportError:
            self._lama()

    def _lama(self) -> None:  # up to the simplification (issue 11)
        from iki_xl.core.consolidate import rekap_dinas
        from iki_xl.io.laporan import periksa_hasil
        from iki_xl.io.reader import baca_workbook
        from iki_xl.io.writer import tulis_workbook

        from iki_xl.core.formulasi import lengkapi
        from iki_xl.io import interchange

        self.versi = "old"
        self.muat = interchange.muat
        self.terapkan_contoh = interchange.terapkan_contoh
        self.lengkapi = lengkapi
        self.tulis = tulis_workbook

        def baca(path: Path) -> dict[str, Any]:
            h = baca_workbook(path)
            d = periksa_hasil(h)
            rekap = rekap_dinas(d.dokumen, d.temuan, sumber=path.name)
            return {
                "document": h.dokumen.model_dump(mode="json"),
                "reader_findings": [_temuan(t) for t in h.temuan],
                "cell_map": {k: list(v) for k, v in h.peta.items()},
                "sheet_order": list(h.urutan_sheet),
                "jabatan_sheets": list(h.sheet_jabatan),
                "findings": [_temuan(t) for t in d.temuan],
                "rekap": [_baris(b) for b in rekap.baris],
            }

        self.baca = baca

    def _baru(self) -> None:  # the layout of issue 11
        from iki_xl.app.check import check_workbook
        from iki_xl.core.formulasi import complete
        from iki_xl.core.rekap import dinas_rekap
        from iki_xl.io import interchange
        from iki_xl.io.read.workbook import read_workbook
        from iki_xl.io.write.workbook import write_workbook

        self.versi = "new"
        self.muat = interchange.load
        self.terapkan_contoh = interchange.apply_contoh
        self.lengkapi = complete
        self.tulis = write_workbook

        def baca(path: Path) -> dict[str, Any]:
            h = read_workbook(path)
            d = check_workbook(h)
            rekap = dinas_rekap(d.dokumen, d.findings, sumber=path.name)
            return {
                "document": h.dokumen.model_dump(mode="json"),
                "reader_findings": [_finding(t) for t in h.findings],
                "cell_map": {k: list(v) for k, v in h.cells.items()},
                "sheet_order": list(h.sheet_order),
                "jabatan_sheets": list(h.jabatan_sheets),
                "findings": [_finding(t) for t in d.findings],
                "rekap": [_baris(b) for b in rekap.rows],
            }

        self.baca = baca


def _temuan(t: Any) -> list[str]:
    return [t.kode, str(t.keparahan), t.pesan, t.saran, t.jabatan, t.jalur, t.sheet, t.sel]


def _finding(t: Any) -> list[str]:
    return [t.code, str(t.severity), t.message, t.saran, t.jabatan, t.jalur, t.sheet, t.cell]


def _baris(b: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return {k: _json(v) for k, v in asdict(b).items()}


def _json(v: Any) -> Any:
    if isinstance(v, tuple | list):
        return [_json(x) for x in v]
    if isinstance(v, float) and v != v:
        return "NaN"
    return v


# ---------------------------------------------------------------- the corpus

_HURUF = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:()/-%'&∑Σƒ×–é"
_KATA = [
    "Persentase",
    "Jumlah",
    "Indeks",
    "Status",
    "Rasio",
    "penurunan",
    "PMKS",
    "yang",
    "ditangani",
    "seluruhnya",
    "klien",
    "Presentase",
    "laporan",
    "data",
    "Bidang",
    "Dinas",
    "sosial",
    "social",
    "dan",
    "serta",
    "keuangan",
    "keuangan",
    "Σ",
    "ƒ(x)",
    "=",
    "×",
    "100%",
    "/",
    "Jumlah_A",
    "KepalaSub.",
    "verivikasi",
    "",
    "dokumen",
    "orang",
    "level",
]


def _teks(r: random.Random, n: int = 40) -> str:
    if r.random() < 0.5:
        s = "".join(r.choice(_HURUF) for _ in range(r.randrange(n + 1)))
    else:
        s = " ".join(r.choice(_KATA) for _ in range(r.randrange(8)))
    return " ".join(s.split()) if r.random() < 0.8 else s


def _isian(r: random.Random) -> Any:
    x = r.random()
    if x < 0.3:
        return None
    if x < 0.75:
        return round(r.uniform(-50, 2000), r.choice([0, 1, 3]))
    return r.choice(["85%", "1.234,5", "12,5", "abc", "Madya", "-", " ", "7"])


def dokumen_acak(seed: int) -> Any:
    """A random document the model accepts, in the spirit of tests/strategies.py."""
    from iki_xl.core import model as M

    r = random.Random(seed)
    jab = []
    ids = [f"jab-{i}" for i in range(r.randrange(1, 6))]
    for i, jid in enumerate(ids):
        kinerja = []
        for _ in range(r.randrange(3)):
            ind = []
            for _ in range(r.randrange(4)):
                kode = r.sample(["A", "B", "C", "Ipar", "IDM", "K1"], r.randrange(4))
                target: Any = r.choice(
                    [None, round(r.uniform(0, 200), 2), "85%", "Madya",
                     M.RentangTarget(bawah=10, atas=20)]
                )  # fmt: skip
                ind.append(
                    M.Indikator(
                        nama=_teks(r),
                        jenis=r.choice([None, *M.JenisFormula]),
                        formulasi=_teks(r, 80),
                        penjelasan=_teks(r) if r.random() < 0.3 else "",
                        komponen=[
                            M.Komponen(
                                kode=k, nama=_teks(r, 20), realisasi=[_isian(r) for _ in range(4)]
                            )
                            for k in kode
                        ],
                        ekspresi=r.choice(["", "(A + B) / 2", "A * 2", "(Ipar + IDM) / 2"]),
                        baseline=r.choice([None, 0.0, 120.0]),
                        skala=[
                            M.Level(nama=n, bawah=b, atas=b + 99)
                            for n, b in (("Pratama", 500), ("Madya", 601))
                        ]
                        if r.random() < 0.3
                        else [],
                        satuan=r.choice(["", "%", "orang", "dokumen", "indeks", "level"]),
                        polaritas=r.choice(list(M.Polaritas)),
                        target=target,
                        realisasi=[_isian(r) for _ in range(4)],
                        agregasi=r.choice([None, *M.Agregasi]),
                        sumber_data=_teks(r, 30),
                        mendukung=_teks(r, 30) if r.random() < 0.3 else "",
                    )
                )
            kinerja.append(M.Kinerja(sasaran=_teks(r), indikator=ind))
        jab.append(
            M.Jabatan(
                id=jid,
                nama=_teks(r, 30) or f"Jabatan {i}",
                jenis=r.choice([None, *M.JenisJabatan]),
                unit=_teks(r, 20),
                atasan=r.choice([None, *ids[:i]]) if i else None,
                tugas=[_teks(r, 60) for _ in range(r.randrange(4))],
                fungsi=[_teks(r, 60) for _ in range(r.randrange(3))],
                kinerja=kinerja,
            )
        )
    return M.Dokumen(
        instansi=M.Instansi(
            nama=_teks(r, 20), pemerintah=_teks(r, 20), tahun=r.choice([None, 2024])
        ),
        jabatan=jab,
    )


def _contoh(api: _Api, nama: str, isian: bool) -> Any:
    contoh = AKAR / "iki_xl" / "data" / "contoh"
    doc = api.lengkapi(api.muat(contoh / f"{nama}.yaml"))
    return api.terapkan_contoh(doc, contoh / f"{nama}-contoh.yaml") if isian else doc


def _grids(path: Path) -> list[tuple[str, list[list[Any]]]]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    try:
        return [
            (n, wb.get_sheet_by_name(n).to_python(skip_empty_area=False)) for n in wb.sheet_names
        ]
    finally:
        wb.close()


_SALAH = ["", None, "85%", "1.234,5", "abc", 3.5, -2.0, 7, True, dt.datetime(2024, 1, 2),
          "A B", "A", "Madya", "persentase", "negatif", "range", "12,5", 0.0, "é"]  # fmt: skip


def _ubah(grids: list[tuple[str, list[list[Any]]]], r: random.Random) -> list[Any]:
    """Planner edits: overwritten cells, deleted and duplicated rows, reordered sheets."""
    hasil = [(n, [list(b) for b in g]) for n, g in grids]
    for _n, g in hasil:
        if not g:
            continue
        for _ in range(r.randrange(15)):
            b = r.randrange(len(g))
            if g[b]:
                g[b][r.randrange(len(g[b]))] = r.choice(_SALAH)
        if r.random() < 0.3 and len(g) > 12:
            del g[r.randrange(10, len(g))]
        if r.random() < 0.3 and len(g) > 12:
            i = r.randrange(10, len(g))
            g.insert(i, list(g[i]))
    if r.random() < 0.3:
        r.shuffle(hasil)
    return hasil


def _tulis_grids(grids: list[Any], path: Path) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    f_tanggal = wb.add_format({"num_format": "yyyy-mm-dd"})
    for nama, g in grids:
        ws = wb.add_worksheet(nama)
        for b, baris in enumerate(g):
            for k, v in enumerate(baris):
                if v is None or v == "":
                    continue
                if isinstance(v, bool):
                    ws.write_boolean(b, k, v)
                elif isinstance(v, int | float):
                    ws.write_number(b, k, v)
                elif isinstance(v, dt.datetime | dt.date):
                    ws.write_datetime(b, k, v, f_tanggal)
                else:
                    ws.write_string(b, k, str(v))
    wb.close()


def generate(folder: Path) -> list[Path]:
    """Write the corpus into `folder`; returns the files in corpus order."""
    try:
        from benchmarks.common import benchmark_dokumen
    except ImportError:  # before issue 11
        from benchmarks.bench_read import dokumen_benchmark as benchmark_dokumen

    api = _Api()
    folder.mkdir(parents=True, exist_ok=True)
    berkas: list[Path] = []

    def tulis(doc: Any, nama: str) -> Path:
        p = folder / f"{nama}.xlsx"
        api.tulis(doc, p)
        berkas.append(p)
        return p

    tulis(benchmark_dokumen(100), "000-benchmark")
    contoh: list[Path] = []
    for nama in ("probolinggo", "sampang"):
        for isian in (True, False):
            contoh.append(tulis(_contoh(api, nama, isian), f"001-{nama}-{int(isian)}"))
    for i in range(60):
        tulis(dokumen_acak(i), f"100-acak-{i:02d}")
    for i in range(40):
        r = random.Random(1000 + i)
        p = folder / f"200-edit-{i:02d}.xlsx"
        _tulis_grids(_ubah(_grids(contoh[i % len(contoh)]), r), p)
        berkas.append(p)
    return berkas


def snapshot(folder: Path) -> dict[str, Any]:
    api = _Api()
    hasil: dict[str, Any] = {"api": api.versi, "read": {}, "written": {}}
    files = sorted(folder.glob("*.xlsx"))
    for p in files:
        try:
            hasil["read"][p.name] = api.baca(p)
        except Exception as e:  # an unusable file: its message is behaviour too
            hasil["read"][p.name] = {"error": f"{type(e).__name__}: {e}".replace(str(p), "<path>")}
    with tempfile.TemporaryDirectory() as d:
        for i in range(60):
            out = Path(d) / f"{i}.xlsx"
            api.tulis(api.lengkapi(dokumen_acak(i)), out)
            hasil["written"][str(i)] = [[n, _json(g)] for n, g in _grids(out)]
    return hasil


# ---------------------------------------------------------------- comparing two versions


def _run(tree: Path, *args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(tree))
    subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args], check=True, env=env, cwd=tree
    )


def _diff(a: Any, b: Any, jalur: str, keluar: list[str], batas: int = 8) -> None:
    if len(keluar) >= batas:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                keluar.append(f"{jalur}.{k}: only in {'after' if k in b else 'before'}")
            else:
                _diff(a[k], b[k], f"{jalur}.{k}", keluar, batas)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _diff(x, y, f"{jalur}[{i}]", keluar, batas)
    elif a != b:
        keluar.append(f"{jalur}: {str(a)[:200]!r} → {str(b)[:200]!r}")


def compare(before: str, corpus: Path | None, keep: Path | None) -> int:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        tree = tmp / "before"
        subprocess.run(
            ["git", "-C", str(AKAR), "worktree", "add", "--detach", str(tree), before],
            check=True, capture_output=True,
        )  # fmt: skip
        try:
            folder = corpus or tmp / "corpus"
            if corpus is None or not any(corpus.glob("*.xlsx")):
                _run(tree, "generate", str(folder))
            _run(tree, "snapshot", str(folder), str(tmp / "before.json"))
            _run(AKAR, "snapshot", str(folder), str(tmp / "after.json"))
        finally:
            subprocess.run(["git", "-C", str(AKAR), "worktree", "remove", "--force", str(tree)])
        a = json.loads((tmp / "before.json").read_text())
        b = json.loads((tmp / "after.json").read_text())
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            for n in ("before.json", "after.json"):
                (keep / n).write_text((tmp / n).read_text())
    print(f"before: {before} ({a['api']} API); after: working tree ({b['api']} API)")
    beda = 0
    n = len(a["read"])
    for bagian in ("document", "reader_findings", "cell_map", "findings", "rekap", "error"):
        sama = 0
        contoh: list[str] = []
        for nama in a["read"]:
            x, y = a["read"][nama].get(bagian), b["read"].get(nama, {}).get(bagian)
            if x == y:
                sama += 1
            else:
                _diff(x, y, f"{nama}:{bagian}", contoh)
        print(f"{bagian:16} identical in {sama}/{n} workbooks")
        for c in contoh:
            print("   ", c)
        beda += n - sama
    sama = 0
    contoh = []
    for k in a["written"]:
        if a["written"][k] == b["written"].get(k):
            sama += 1
        else:
            _diff(
                a["written"][k], b["written"].get(k), f"written[{k}]", contoh, batas=len(contoh) + 2
            )
    print(f"{'written':16} identical for {sama}/{len(a['written'])} generated documents")
    for c in contoh:
        print("   ", c)
    beda += len(a["written"]) - sama
    return 1 if beda else 0


def main() -> None:
    sys.path.insert(1, str(Path.cwd()))  # the version under test: run from its tree
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("folder", type=Path)
    s = sub.add_parser("snapshot")
    s.add_argument("folder", type=Path)
    s.add_argument("out", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("--before", required=True)
    c.add_argument("--corpus", type=Path)
    c.add_argument("--keep", type=Path)
    a = ap.parse_args()
    if a.cmd == "generate":
        print(f"{len(generate(a.folder))} workbooks in {a.folder}")
    elif a.cmd == "snapshot":
        a.out.write_text(json.dumps(snapshot(a.folder), ensure_ascii=False, default=str))
    else:
        sys.exit(compare(a.before, a.corpus, a.keep))


if __name__ == "__main__":
    main()
