"""YAML/JSON interchange: identity round trips and errors that name file and path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from iki_xl.core.model import Dokumen
from iki_xl.errors import UnusableFile
from iki_xl.io import interchange
from tests.strategies import dokumen

_QUICK = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)


@_QUICK
@given(dokumen())
def test_yaml_round_trip_is_identity(doc: Dokumen) -> None:
    assert interchange.dokumen_from_data(yaml.safe_load(interchange.to_yaml(doc)), "t") == doc


@_QUICK
@given(dokumen())
def test_json_round_trip_is_identity(doc: Dokumen) -> None:
    assert interchange.dokumen_from_data(json.loads(interchange.to_json(doc)), "t") == doc


def test_error_names_file_and_path(tmp_path: Path) -> None:
    f = tmp_path / "iki.yaml"
    f.write_text(
        "jabatan:\n- id: a\n- id: b\n- id: c\n- id: d\n  kinerja:\n  - indikator:\n"
        "    - nama: x\n    - nama: y\n      target: [1, 2]\n",
        encoding="utf-8",
    )
    with pytest.raises(UnusableFile) as e:
        interchange.load(f)
    message = str(e.value)
    assert message.startswith(f"{f}: jabatan[3].kinerja[0].indikator[1].target:")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("content", "part"),
    [("jabatan: [", "YAML tidak valid"), ("- 1\n- 2\n", "harus berupa pemetaan")],
)
def test_unusable_yaml_is_one_line(tmp_path: Path, content: str, part: str) -> None:
    f = tmp_path / "rusak.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(UnusableFile, match=part):
        interchange.load(f)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnusableFile, match="tidak ditemukan"):
        interchange.load(tmp_path / "tidak-ada.yaml")


def test_schema_names_domain_keys() -> None:
    text = json.dumps(interchange.json_schema())
    for key in (
        "instansi",
        "jabatan",
        "kinerja",
        "sasaran",
        "indikator",
        "formulasi",
        "komponen",
        "satuan",
        "polaritas",
        "target",
        "realisasi",
        "sumber_data",
        "tugas",
        "fungsi",
        "atasan",
    ):
        assert f'"{key}"' in text, key


def test_save_is_atomic_and_readable(tmp_path: Path) -> None:
    doc = Dokumen()
    out = tmp_path / "a" / "iki.json"
    interchange.save(doc, out)
    assert interchange.load(out) == doc
    assert [p.name for p in out.parent.iterdir()] == ["iki.json"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"jabatan": [{"nama": "x"}]}, "t.yaml: jabatan[0].id: wajib diisi"),
        (
            {"jabatan": [{"id": "a", "jenis": "Kasi"}]},
            "t.yaml: jabatan[0].jenis: harus salah satu dari",
        ),
        ({"jabatan": [{"id": "a", "foo": 1}]}, "t.yaml: jabatan[0].foo: kunci ini tidak dikenal"),
        ({"instansi": {"tahun": "dua"}}, "t.yaml: instansi.tahun: harus berupa angka bulat"),
        (
            {"jabatan": [{"id": "a", "kinerja": [{"indikator": [{"realisasi": [1, 2]}]}]}]},
            "t.yaml: jabatan[0].kinerja[0].indikator[0].realisasi: harus berisi 4 butir",
        ),
        (
            {"jabatan": [{"id": "a", "kinerja": [{"indikator": [{"target": [1]}]}]}]},
            "t.yaml: jabatan[0].kinerja[0].indikator[0].target: harus berupa angka, rentang",
        ),
    ],
)
def test_errors_say_what_was_expected_in_bahasa_indonesia(data: dict, message: str) -> None:
    with pytest.raises(UnusableFile) as e:
        interchange.dokumen_from_data(data, "t.yaml")
    assert str(e.value).startswith(message)
    assert "Input should" not in str(e.value) and "(dan" not in str(e.value)


def test_examples_quarterly_targets_and_faktor_round_trip(doc_contoh: Dokumen) -> None:
    indikator = [i for jab in doc_contoh.jabatan for _, i in jab.semua_indikator()]
    assert any(any(t is not None for t in i.target_triwulan) for i in indikator)
    assert any(any(i.faktor_penghambat) for i in indikator)
    text = interchange.to_yaml(doc_contoh)
    assert interchange.dokumen_from_data(yaml.safe_load(text), "t") == doc_contoh


def test_a_file_written_before_quarterly_targets_loads_as_before() -> None:
    old = {"jabatan": [{"id": "a", "nama": "A", "kinerja": [{"indikator": [
        {"nama": "x", "target": 5, "realisasi": [1, 2, None, None]}]}]}]}  # fmt: skip
    ind = interchange.dokumen_from_data(old, "t").jabatan[0].kinerja[0].indikator[0]
    assert ind.target_triwulan == [None] * 4
    assert ind.faktor_pendukung == ind.faktor_penghambat == ind.tindak_lanjut == [""] * 4
    assert (ind.target, ind.realisasi) == (5, [1, 2, None, None])
