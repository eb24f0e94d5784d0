"""What the benchmarks share: the generated workbook, the raw calamine read that every
figure is a ratio against, and interleaved timing (machine load hits both sides alike)."""

from __future__ import annotations

import statistics
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
    def k(kode: str, nama: str, base: float) -> Komponen:
        return Komponen(kode=kode, nama=nama, realisasi=[base + j, base + 2 * j, base + 3, None])

    match i % 5:
        case 0:
            return Indikator(
                nama=f"Persentase PMKS yang tertangani {j}.{i}",
                jenis=JenisFormula.PERSENTASE,
                formulasi="Jumlah PMKS yang tertangani\n――――\nJumlah PMKS seluruhnya × 100%",
                komponen=[k("A", "Jumlah PMKS yang tertangani", 40), k("B", "Jumlah PMKS", 90)],
                satuan="%",
                target=85,
                sumber_data="Laporan bulanan bidang",
            )
        case 1:
            return Indikator(
                nama=f"Jumlah klien yang direhabilitasi {j}.{i}",
                jenis=JenisFormula.JUMLAH,
                formulasi="ƒ(x) = Σ Klien yang direhabilitasi",
                komponen=[k("A", "Klien yang direhabilitasi", 12)],
                satuan="orang",
                target=150,
                sumber_data="Register klien",
            )
        case 2:
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
        case 3:
            levels = (("Pratama", 500), ("Madya", 601), ("Nindya", 701), ("Utama", 801))
            return Indikator(
                nama=f"Status Kabupaten Layak Anak {j}.{i}",
                jenis=JenisFormula.STATUS,
                skala=[Level(nama=n, bawah=b, atas=b + 99) for n, b in levels],
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


def benchmark_dokumen(n: int = 100, indikator: int = 5) -> Dokumen:
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
    instansi = Instansi(
        pemerintah="Kota Contoh",
        nama="Dinas Sosial",
        tahun=2024,
        menimbang=["a", "b"],
        mengingat=["UU 23/2014", "PP 29/2014"],
    )
    return Dokumen(instansi=instansi, jabatan=jabatan)


def raw_read(path: Path) -> int:
    """The reference: every sheet's values as Python lists, with the reader's own call."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in wb.sheet_names:
        cells += sum(len(r) for r in wb.get_sheet_by_name(name).to_python(skip_empty_area=False))
    wb.close()
    return cells


def interleaved(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Each function once for warm-up, then all of them in turn, `repeat` times."""
    for f in runs.values():
        f()
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, f in runs.items():
            t0 = time.perf_counter()
            f()
            times[name].append(time.perf_counter() - t0)
    return times


def ratio_line(name: str, times: list[float], reference: list[float]) -> str:
    """'name  123.4 ms  2.41× (per run 2.1–2.9, fastest runs 2.30)'."""
    median, ref = statistics.median(times), statistics.median(reference)
    per_run = [t / r for t, r in zip(times, reference, strict=True)]
    return (
        f"{name:<24} {median * 1000:8.1f} ms  {median / ref:5.2f} × the reference  "
        f"(per run {min(per_run):.2f}–{max(per_run):.2f}, fastest runs {min(times) / min(reference):.2f})"
    )
