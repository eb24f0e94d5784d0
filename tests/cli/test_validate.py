"""`iki-xl validate` and `iki-xl rules`: exit codes, JSON shape, the Hasil Validasi report,
findings at the right sheet and cell of a written workbook, and an input left untouched."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from iki_xl.core.findings import posisi_sel
from iki_xl.core.formulasi import lengkapi
from iki_xl.core.rules import katalog_markdown
from iki_xl.io.interchange import muat, simpan, terapkan_contoh
from iki_xl.io.laporan import BARIS_KEPALA, BARIS_PERTAMA, KOLOM, grid_laporan, periksa_berkas
from tests.core.test_rules import baik

ROOT = Path(__file__).resolve().parents[2]
CONTOH = ROOT / "iki_xl" / "data" / "contoh"
KUNCI_JSON = {"code", "severity", "sheet", "cell", "jabatan", "message", "saran"}


def iki(*args: str | Path, lebar: int = 80) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iki_xl", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": str(lebar)},
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def buku(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled examples written as workbooks (with their example figures)."""
    from iki_xl.io.writer import tulis_workbook

    folder = tmp_path_factory.mktemp("buku")
    hasil = {}
    for nama in ("sampang", "probolinggo"):
        doc = terapkan_contoh(
            lengkapi(muat(CONTOH / f"{nama}.yaml")), CONTOH / f"{nama}-contoh.yaml"
        )
        hasil[nama] = folder / f"{nama}.xlsx"
        tulis_workbook(doc, hasil[nama])
    return hasil


# ---------------------------------------------------------------- data files


def test_yaml_with_galat_exits_1_and_json_has_exactly_the_keys() -> None:
    r = iki("validate", CONTOH / "sampang.yaml", "--format", "json")
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    assert data and all(set(d) == KUNCI_JSON for d in data)
    assert all(d["sheet"] == "" and d["cell"] == "" for d in data)
    assert {"IKI-S009", "IKI-S012", "IKI-S014", "IKI-I009"} <= {d["code"] for d in data}


def test_clean_document_exits_0(tmp_path: Path) -> None:
    berkas = tmp_path / "baik.json"
    simpan(baik(), berkas)
    r = iki("validate", berkas)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 galat, 0 peringatan, 0 info." in r.stdout


def test_text_output_is_a_table_showing_the_jalur_of_a_data_file() -> None:
    r = iki("validate", CONTOH / "sampang.yaml", lebar=250)
    assert r.returncode == 1
    assert "Hasil Validasi" in r.stdout
    baris = next(b for b in r.stdout.splitlines() if "IKI-S012" in b)
    assert "jabatan[2].tugas[6]" in baris
    assert "galat," in r.stdout


@pytest.mark.parametrize(
    ("isi", "nama"),
    [
        (None, "tidak-ada.xlsx"),
        ("bukan workbook", "rusak.xlsx"),
        ("a: [", "rusak.yaml"),
        ("x", "data.txt"),
    ],
)
def test_unusable_input_exits_2_with_one_line(tmp_path: Path, isi: str | None, nama: str) -> None:
    berkas = tmp_path / nama
    if isi is not None:
        berkas.write_text(isi, encoding="utf-8")
    r = iki("validate", berkas)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_report_must_be_xlsx_and_not_the_input(tmp_path: Path) -> None:
    r = iki("validate", CONTOH / "sampang.yaml", "--report", tmp_path / "laporan.csv")
    assert r.returncode == 2


# ---------------------------------------------------------------- workbooks


def test_workbook_findings_are_placed_on_sheet_and_cell(buku: dict[str, Path]) -> None:
    from iki_xl.io.reader import baca_workbook

    hb = baca_workbook(buku["sampang"])
    sebelum = sha(buku["sampang"])
    r = iki("validate", buku["sampang"], "--format", "json")
    assert r.returncode == 1, r.stderr
    assert sha(buku["sampang"]) == sebelum  # the input's bytes are unchanged
    data = json.loads(r.stdout)
    assert all(set(d) == KUNCI_JSON for d in data)
    sheet_jabatan = hb.sheet_jabatan
    umum = next(i for i, j in enumerate(hb.dokumen.jabatan) if j.id == "kasubag-umum")

    def satu(kode: str, jalur: str) -> dict[str, str]:
        sheet, sel = hb.peta[jalur]
        cocok = [d for d in data if d["code"] == kode and d["sheet"] == sheet and d["cell"] == sel]
        assert cocok, (kode, jalur, sheet, sel)
        return cocok[0]

    satu("IKI-S009", f"jabatan[{umum}].kinerja[1].sasaran")
    satu("IKI-S009", f"jabatan[{umum}].kinerja[2].sasaran")
    satu("IKI-S012", f"jabatan[{umum}].tugas[6]")
    assert hb.peta[f"jabatan[{umum}].tugas[6]"][0] == sheet_jabatan[umum]
    satu("IKI-S014", "jabatan[1].kinerja[0].sasaran")
    satu("IKI-I013", "jabatan[0].kinerja[1].indikator[0].ekspresi")
    satu("IKI-B001", "jabatan[5].kinerja[0].indikator[2].nama")  # Presentase
    satu("IKI-B001", "jabatan[5].kinerja[0].indikator[1].formulasi")  # Jummlah
    # the KLA indicators without a scale: on their own sheet, in the indicator's row
    for j in (0, 1):
        jalur = f"jabatan[{j}].kinerja[2].indikator[0]"
        sheet, sel = hb.peta[f"{jalur}.nama"]
        kla = [d for d in data if d["code"] == "IKI-I009" and d["sheet"] == sheet]
        assert len(kla) == 1 and posisi_sel(kla[0]["cell"])[0] == posisi_sel(sel)[0]


def test_probolinggo_workbook_missing_sumber_data_and_misspellings(buku: dict[str, Path]) -> None:
    from iki_xl.io.reader import baca_workbook

    hb = baca_workbook(buku["probolinggo"])
    temuan, _ = periksa_berkas(buku["probolinggo"])
    tempat = {(t.kode, t.sheet, t.sel) for t in temuan}
    ids = [j.id for j in hb.dokumen.jabatan]
    for jid in ("kasubag-program-keuangan", "kasi-rehabilitasi-sosial-anak-lansia"):
        j = ids.index(jid)
        for n in (1, 2):
            sheet, sel = hb.peta[f"jabatan[{j}].kinerja[0].indikator[{n}].sumber_data"]
            assert ("IKI-I003", sheet, sel) in tempat
    # every Pengitungan: one B001 on the formulasi cell of its indicator
    for j, jab in enumerate(hb.dokumen.jabatan):
        for k, kin in enumerate(jab.kinerja):
            for n, ind in enumerate(kin.indikator):
                if "Pengitungan" in ind.formulasi:
                    sheet, sel = hb.peta[f"jabatan[{j}].kinerja[{k}].indikator[{n}].formulasi"]
                    assert ("IKI-B001", sheet, sel) in tempat


def test_report_sheet_counts_then_sorted_rows_with_links(
    buku: dict[str, Path], tmp_path: Path
) -> None:
    laporan = tmp_path / "hasil.xlsx"
    sebelum = sha(buku["sampang"])
    r = iki("validate", buku["sampang"], "--report", laporan)
    assert r.returncode == 1
    assert sha(buku["sampang"]) == sebelum
    temuan, urutan = periksa_berkas(buku["sampang"])
    ws = openpyxl.load_workbook(laporan)["Hasil Validasi"]
    assert ws["A1"].value == "Hasil Validasi"
    hitung = {ws.cell(2 + i, 1).value: ws.cell(2 + i, 2).value for i in range(3)}
    assert hitung == {
        "Galat": sum(t.keparahan == "galat" for t in temuan),
        "Peringatan": sum(t.keparahan == "peringatan" for t in temuan),
        "Info": sum(t.keparahan == "info" for t in temuan),
    }
    assert [c.value for c in ws[BARIS_KEPALA + 1]] == list(KOLOM)
    baris = list(ws.iter_rows(min_row=BARIS_PERTAMA + 1, values_only=False))
    assert len(baris) == len(temuan)
    kunci = []
    for row in baris:
        lokasi = row[3]
        sheet, sel = lokasi.value.rsplit("!", 1)
        assert lokasi.hyperlink is not None
        assert lokasi.hyperlink.target.replace("\\", "/").endswith("/sampang.xlsx")
        assert lokasi.hyperlink.location == f"'{sheet}'!{sel}"
        kunci.append((urutan.index(sheet), *posisi_sel(sel)))
    assert kunci == sorted(kunci)


def test_grid_for_the_macro_is_rectangular_with_hyperlink_formulas(buku: dict[str, Path]) -> None:
    temuan, urutan = periksa_berkas(buku["sampang"])
    grid = grid_laporan(temuan, urutan_sheet=urutan)
    assert len({len(b) for b in grid}) == 1
    assert grid[0][0] == "Hasil Validasi"
    assert grid[BARIS_KEPALA] == list(KOLOM)
    assert len(grid) == BARIS_PERTAMA + len(temuan)
    lokasi = str(grid[BARIS_PERTAMA][3])
    assert lokasi.startswith("=HYPERLINK(\"#'") and lokasi.endswith('")')


def test_yaml_report_has_jalur_instead_of_links(tmp_path: Path) -> None:
    laporan = tmp_path / "hasil.xlsx"
    r = iki("validate", CONTOH / "probolinggo.yaml", "--report", laporan)
    assert r.returncode == 1
    ws = openpyxl.load_workbook(laporan)["Hasil Validasi"]
    lokasi = [row[3] for row in ws.iter_rows(min_row=BARIS_PERTAMA + 1)]
    assert lokasi and all(c.value.startswith("jabatan[") and c.hyperlink is None for c in lokasi)


# ---------------------------------------------------------------- rules


def test_rules_markdown_matches_docs(tmp_path: Path) -> None:
    keluar = tmp_path / "rules.md"
    r = iki("rules", "--format", "markdown", "-o", keluar)
    assert r.returncode == 0, r.stderr
    assert keluar.read_text(encoding="utf-8") == katalog_markdown()
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == katalog_markdown()


def test_rules_json_lists_every_code() -> None:
    r = iki("rules", "--format", "json")
    data = json.loads(r.stdout)
    assert {"IKI-S001", "IKI-B007"} <= {d["kode"] for d in data}
    assert all(d["keparahan"] in {"galat", "peringatan", "info"} for d in data)
