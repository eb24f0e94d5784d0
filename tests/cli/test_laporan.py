"""`iki-xl laporan`: the quarterly report of one Dinas or a Pemda; exit codes."""

from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineWorkbook

from tests.cli.test_consolidate import CONTOH, iki


def test_one_dinas_tw_ii(tmp_path: Path) -> None:
    output = tmp_path / "tw2.xlsx"
    r = iki("laporan", CONTOH / "probolinggo.yaml", "-t", "2", "-o", output)
    assert r.returncode == 0, r.stderr
    assert "LAPORAN CAPAIAN KINERJA TRIWULAN II" in r.stdout and "40 indikator" in r.stdout
    assert CalamineWorkbook.from_path(str(output)).sheet_names == [
        "Laporan TW II", "Capaian per Bidang"
    ]  # fmt: skip


def test_unusable_quarter_or_output_is_one_line_exit_2(tmp_path: Path) -> None:
    for args in (("-t", "5", "-o", tmp_path / "x.xlsx"), ("-t", "1", "-o", tmp_path / "x.pdf")):
        r = iki("laporan", CONTOH / "sampang.yaml", *args)
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.xlsx").exists()


def test_without_triwulan_the_latest_quarter_with_a_realisation(tmp_path: Path) -> None:
    from iki_xl.core.formulasi import complete
    from iki_xl.io import interchange

    figures = interchange.apply_contoh(
        complete(interchange.load(CONTOH / "probolinggo.yaml")), CONTOH / "probolinggo-contoh.yaml"
    )  # realisasi through TW IV
    filled = tmp_path / "terisi.yaml"
    interchange.save(figures, filled)
    for source, quarter in ((filled, "IV"), (CONTOH / "probolinggo.yaml", "I")):
        r = iki("laporan", source, "-o", tmp_path / "tw.xlsx")
        assert r.returncode == 0, r.stderr
        assert f"capaian s.d. TW {quarter}." in r.stdout, r.stdout
