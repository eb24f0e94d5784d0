"""Reading a generated 100-jabatan workbook (5 indicators each) beside the raw
python-calamine load of the same file, in the same run.

    .venv/bin/python -m benchmarks.bench_read [--ulang 15] [--jabatan 100]

"raw" opens the file and turns every sheet into Python lists (exactly the call the reader
makes); "baca_workbook" is that plus parsing every grid into the model with the full
jalur → cell map. The goal is baca_workbook within 2× of the raw read.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from iki_xl.core.model import (
    Dokumen,
    Indikator,
    Instansi,
    Jabatan,
    JenisFormula,
    JenisJabatan,
    Kinerja,
    Komponen,
    Level,
    Polaritas,
    RentangTarget,
)


def _indikator(j: int, i: int) -> Indikator:
    def k(kode: str, nama: str, dasar: float) -> Komponen:
        return Komponen(kode=kode, nama=nama, realisasi=[dasar + j, dasar + 2 * j, dasar + 3, None])

    jenis = i % 5
    if jenis == 0:
        return Indikator(
            nama=f"Persentase PMKS yang tertangani {j}.{i}",
            jenis=JenisFormula.PERSENTASE,
            formulasi="Jumlah PMKS yang tertangani\n――――\nJumlah PMKS seluruhnya × 100%",
            komponen=[k("A", "Jumlah PMKS yang tertangani", 40), k("B", "Jumlah PMKS", 90)],
            satuan="%",
            target=85,
            sumber_data="Laporan bulanan bidang",
        )
    if jenis == 1:
        return Indikator(
            nama=f"Jumlah klien yang direhabilitasi {j}.{i}",
            jenis=JenisFormula.JUMLAH,
            formulasi="ƒ(x) = Σ Klien yang direhabilitasi",
            komponen=[k("A", "Klien yang direhabilitasi", 12)],
            satuan="orang",
            target=150,
            sumber_data="Register klien",
        )
    if jenis == 2:
        return Indikator(
            nama=f"Indeks Pemberdayaan Gender {j}.{i}",
            jenis=JenisFormula.INDEKS,
            ekspresi="(Ipar + IDM + Linc) / 3",
            komponen=[
                k("Ipar", "indeks parlemen", 60),
                k("IDM", "indeks keputusan", 70),
                k("Linc", "indeks pendapatan", 50),
            ],
            satuan="indeks",
            polaritas=Polaritas.RANGE,
            target=RentangTarget(bawah=60, atas=70),
            sumber_data="BPS",
        )
    if jenis == 3:
        return Indikator(
            nama=f"Status Kabupaten Layak Anak {j}.{i}",
            jenis=JenisFormula.STATUS,
            skala=[
                Level(nama=n, bawah=b, atas=b + 99)
                for n, b in (("Pratama", 500), ("Madya", 601), ("Nindya", 701), ("Utama", 801))
            ],
            realisasi=["Pratama", "Madya", 650, None],
            satuan="level",
            target="Nindya",
            sumber_data="KemenPPPA",
        )
    return Indikator(
        nama=f"Persentase penurunan PMKS {j}.{i}",
        jenis=JenisFormula.PENURUNAN,
        komponen=[k("A", "PMKS tahun ini", 900)],
        baseline=1000,
        satuan="%",
        target=5,
        sumber_data="Data terpadu kesejahteraan sosial",
    )


def dokumen_benchmark(n: int = 100, indikator: int = 5) -> Dokumen:
    """n jabatan in a 3-level tree, `indikator` indicators each over 2 kinerja, 8 tugas and
    5 fungsi lines: the shape of a large Dinas."""
    jabatan = []
    for j in range(n):
        atasan = None if j == 0 else f"jab-{(j - 1) // 10 if j > 10 else 0}"
        ind = [_indikator(j, i) for i in range(indikator)]
        jabatan.append(
            Jabatan(
                id=f"jab-{j}",
                nama=f"Kepala Seksi Pelayanan dan Rehabilitasi Sosial {j}",
                jenis=JenisJabatan.PENGAWAS if j else JenisJabatan.JPT_PRATAMA,
                unit="Bidang Pelayanan dan Rehabilitasi Sosial",
                atasan=atasan,
                tugas=[
                    f"Melaksanakan tugas nomor {t} di bidang pelayanan sosial;" for t in range(8)
                ],
                fungsi=[f"Pelaksanaan fungsi nomor {t} bidang sosial;" for t in range(5)],
                kinerja=[
                    Kinerja(sasaran="Meningkatnya kesejahteraan sosial PMKS", indikator=ind[:3]),
                    Kinerja(sasaran="Meningkatnya kualitas hidup perempuan", indikator=ind[3:]),
                ],
            )
        )
    return Dokumen(
        instansi=Instansi(
            pemerintah="Kota Contoh",
            nama="Dinas Sosial",
            tahun=2024,
            menimbang=["a", "b"],
            mengingat=["UU 23/2014", "PP 29/2014"],
        ),
        jabatan=jabatan,
    )


def baca_mentah(path: Path) -> int:
    """The raw read: every sheet's values as Python lists, nothing else."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    sel = 0
    for nama in wb.sheet_names:
        grid = wb.get_sheet_by_name(nama).to_python(skip_empty_area=False)
        sel += sum(len(b) for b in grid)
    wb.close()
    return sel


def baca_iki(path: Path) -> int:
    """baca_workbook with its whole jalur → cell map built (`len` builds every entry of the
    lazy map): the most a caller can ask of the reader."""
    from iki_xl.io.reader import baca_workbook

    return len(baca_workbook(path).peta)


def baca_iki_tanpa_peta(path: Path) -> int:
    """baca_workbook as `export` uses it (the map never consulted) and, but for the few
    lookups `tempatkan` makes, as `validate` does."""
    from iki_xl.io.reader import baca_workbook

    return len(baca_workbook(path).dokumen.jabatan)


def ukur(f: Callable[[], int], ulang: int) -> tuple[float, int]:
    f()  # warm-up: imports, file cache
    waktu = []
    hasil = 0
    for _ in range(ulang):
        t0 = time.perf_counter()
        hasil = f()
        waktu.append(time.perf_counter() - t0)
    return statistics.median(waktu), hasil


def jalankan(ulang: int = 15, n: int = 100) -> dict[str, float]:
    from iki_xl.io.reader import baca_workbook
    from iki_xl.io.writer import tulis_workbook

    doc = dokumen_benchmark(n)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bench_read.xlsx"
        t0 = time.perf_counter()
        tulis_workbook(doc, path)
        t_tulis = time.perf_counter() - t0
        assert baca_workbook(path).dokumen == doc, "benchmark workbook does not round-trip"
        ukuran = path.stat().st_size
        # interleave the two measurements so machine load hits both alike
        t_raw: list[float] = []
        t_iki: list[float] = []
        t_lazy: list[float] = []
        n_sel = n_peta = 0
        baca_mentah(path)
        baca_iki(path)
        baca_iki_tanpa_peta(path)
        for _ in range(ulang):
            a = time.perf_counter()
            n_sel = baca_mentah(path)
            b = time.perf_counter()
            n_peta = baca_iki(path)
            c = time.perf_counter()
            baca_iki_tanpa_peta(path)
            d = time.perf_counter()
            t_raw.append(b - a)
            t_iki.append(c - b)
            t_lazy.append(d - c)
    raw, iki = statistics.median(t_raw), statistics.median(t_iki)
    lazy = statistics.median(t_lazy)
    rasio = [i / r for i, r in zip(t_iki, t_raw, strict=True)]
    n_ind = sum(len(j.semua_indikator()) for j in doc.jabatan)
    from iki_xl.build_info import ringkas

    print(
        f"workbook: {n} jabatan, {n_ind} indikator, {ukuran / 1024:.0f} KiB, {n_sel} cells; "
        f"written in {t_tulis * 1000:.0f} ms; iki-xl build: {ringkas()}"
    )
    print(f"python-calamine raw read : {raw * 1000:7.1f} ms  (median of {ulang})")
    print(f"baca_workbook            : {iki * 1000:7.1f} ms  ({n_peta} jalur mapped)")
    rasio_lazy = [i / r for i, r in zip(t_lazy, t_raw, strict=True)]
    print(
        f"ratio                    : {iki / raw:7.2f} ×  (goal ≤ 2×; medians; per run "
        f"{min(rasio):.2f}–{max(rasio):.2f}, median per run {statistics.median(rasio):.2f}, "
        f"of the fastest runs {min(t_iki) / min(t_raw):.2f})"
    )
    print(
        f"  map left unbuilt       : {lazy * 1000:7.1f} ms  ({lazy / raw:.2f} ×, median per run "
        f"{statistics.median(rasio_lazy):.2f}, of the fastest runs "
        f"{min(t_lazy) / min(t_raw):.2f}; as export and validate use it)"
    )
    return {"mentah": raw, "baca": iki, "rasio": iki / raw, "tulis": t_tulis, "tanpa_peta": lazy}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ulang", type=int, default=15)
    ap.add_argument("--jabatan", type=int, default=100)
    a = ap.parse_args()
    jalankan(a.ulang, a.jabatan)


if __name__ == "__main__":
    main()
