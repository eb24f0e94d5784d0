"""The CLI's contract: exit codes, one-line messages for unusable input, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CONTOH = Path(__file__).resolve().parents[2] / "iki_xl" / "data" / "contoh"


def iki(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iki_xl", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_help_lists_commands() -> None:
    r = iki("--help")
    assert r.returncode == 0
    for command in ("show", "schema", "demo"):
        assert command in r.stdout


def test_show_text_tree_lists_every_jabatan() -> None:
    r = iki("show", CONTOH / "sampang.yaml")
    assert r.returncode == 0, r.stderr
    assert "SEKRETARIS" in r.stdout and "[indeks]" in r.stdout and "(tanpa indikator)" in r.stdout


def test_show_json_is_the_interchange() -> None:
    r = iki("show", CONTOH / "probolinggo.yaml", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert len(data["jabatan"]) == 15
    assert all("jenis" in i for j in data["jabatan"] for k in j["kinerja"] for i in k["indikator"])


def test_schema_is_json_schema() -> None:
    r = iki("schema")
    assert r.returncode == 0
    assert "jabatan" in json.loads(r.stdout)["properties"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tidak-ada.yaml", None, "tidak ditemukan"),
        ("rusak.yaml", "jabatan: [\n", "YAML tidak valid"),
        ("catatan.txt", "halo", "format tidak dikenal"),
        ("salah.yaml", "jabatan:\n- nama: tanpa id\n", "jabatan[0].id"),
    ],
)
def test_unusable_input_is_exit_2_one_line(
    tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    f = tmp_path / name
    if content is not None:
        f.write_text(content, encoding="utf-8")
    r = iki("show", f)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert message in r.stderr
