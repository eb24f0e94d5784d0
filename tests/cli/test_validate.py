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

from iki_xl.app.check import check_file
from iki_xl.core.findings import SEVERITY_RANK, Severity, cell_position
from iki_xl.core.rules.markdown import catalogue_markdown, measured_section
from iki_xl.io.interchange import save
from iki_xl.io.read.workbook import read_workbook
from iki_xl.io.write.report import REPORT_COLUMNS, RULE_COLUMNS, RULES_ROW, header_row
from iki_xl.io.write.workbook import write_workbook
from tests.core.rules.document import clean_document
from tests.io.conftest import contoh

ROOT = Path(__file__).resolve().parents[2]
CONTOH = ROOT / "iki_xl" / "data" / "contoh"
JSON_KEYS = {"code", "severity", "sheet", "cell", "jabatan", "message", "saran"}


def iki(*args: str | Path, width: int = 80) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iki_xl", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": str(width)},
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled examples written as workbooks (with their example figures)."""
    folder = tmp_path_factory.mktemp("workbooks")
    paths = {}
    for nama in ("sampang", "probolinggo"):
        paths[nama] = folder / f"{nama}.xlsx"
        write_workbook(contoh(nama), paths[nama])
    return paths


# ---------------------------------------------------------------- data files


def test_yaml_with_galat_exits_1_and_json_has_exactly_the_keys() -> None:
    r = iki("validate", CONTOH / "sampang.yaml", "--format", "json")
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    assert data and all(set(d) == JSON_KEYS for d in data)
    assert all(d["sheet"] == "" and d["cell"] == "" for d in data)
    assert {"IKI-S009", "IKI-S012", "IKI-S014", "IKI-I009"} <= {d["code"] for d in data}
    ranks = [SEVERITY_RANK[Severity(d["severity"])] for d in data]
    assert ranks == sorted(ranks)  # galat first, then peringatan, then info


def test_clean_document_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "baik.json"
    save(clean_document(), path)
    r = iki("validate", path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 galat, 0 peringatan, 0 info." in r.stdout


def test_text_output_is_a_table_showing_the_jalur_of_a_data_file() -> None:
    r = iki("validate", CONTOH / "sampang.yaml", width=250)
    assert r.returncode == 1
    assert "Hasil Validasi" in r.stdout
    # the counts per rule come first, the findings after them
    assert r.stdout.index("Temuan per aturan") < r.stdout.index("Hasil Validasi")
    summary = next(b for b in r.stdout.splitlines() if "IKI-S012" in b)
    assert "Baris tugas ganda" in summary
    line = next(b for b in r.stdout.splitlines() if "IKI-S012" in b and "jabatan[" in b)
    assert "jabatan[2].tugas[6]" in line
    assert "galat," in r.stdout


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (None, "tidak-ada.xlsx"),
        ("bukan workbook", "rusak.xlsx"),
        ("a: [", "rusak.yaml"),
        ("x", "data.txt"),
    ],
)
def test_unusable_input_exits_2_with_one_line(
    tmp_path: Path, content: str | None, name: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    r = iki("validate", path)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_report_must_be_xlsx_and_not_the_input(tmp_path: Path) -> None:
    r = iki("validate", CONTOH / "sampang.yaml", "--report", tmp_path / "laporan.csv")
    assert r.returncode == 2


# ---------------------------------------------------------------- workbooks


def test_workbook_findings_are_placed_on_sheet_and_cell(workbooks: dict[str, Path]) -> None:
    read = read_workbook(workbooks["sampang"])
    before = sha(workbooks["sampang"])
    r = iki("validate", workbooks["sampang"], "--format", "json")
    assert r.returncode == 1, r.stderr
    assert sha(workbooks["sampang"]) == before  # the input's bytes are unchanged
    data = json.loads(r.stdout)
    assert all(set(d) == JSON_KEYS for d in data)
    umum = next(i for i, j in enumerate(read.dokumen.jabatan) if j.id == "kasubag-umum")

    def one(code: str, jalur: str) -> dict[str, str]:
        sheet, cell = read.cells[jalur]
        found = [d for d in data if d["code"] == code and d["sheet"] == sheet and d["cell"] == cell]
        assert found, (code, jalur, sheet, cell)
        return found[0]

    one("IKI-S009", f"jabatan[{umum}].kinerja[1].sasaran")
    one("IKI-S009", f"jabatan[{umum}].kinerja[2].sasaran")
    one("IKI-S012", f"jabatan[{umum}].tugas[6]")
    assert read.cells[f"jabatan[{umum}].tugas[6]"][0] == read.jabatan_sheets[umum]
    one("IKI-S014", "jabatan[1].kinerja[0].sasaran")
    one("IKI-I013", "jabatan[0].kinerja[1].indikator[0].ekspresi")
    one("IKI-B001", "jabatan[5].kinerja[0].indikator[2].nama")  # Presentase
    one("IKI-B001", "jabatan[5].kinerja[0].indikator[1].formulasi")  # Jummlah
    # the KLA indicators without a scale: on their own sheet, in the indicator's row
    for j in (0, 1):
        jalur = f"jabatan[{j}].kinerja[2].indikator[0]"
        sheet, cell = read.cells[f"{jalur}.nama"]
        kla = [d for d in data if d["code"] == "IKI-I009" and d["sheet"] == sheet]
        assert len(kla) == 1 and cell_position(kla[0]["cell"])[0] == cell_position(cell)[0]


def test_report_sheet_counts_then_sorted_rows_with_links(
    workbooks: dict[str, Path], tmp_path: Path
) -> None:
    report = tmp_path / "hasil.xlsx"
    before = sha(workbooks["sampang"])
    r = iki("validate", workbooks["sampang"], "--report", report)
    assert r.returncode == 1
    assert sha(workbooks["sampang"]) == before
    checked = check_file(workbooks["sampang"])
    findings, order = checked.findings, checked.sheet_order
    ws = openpyxl.load_workbook(report)["Hasil Validasi"]
    assert ws["A1"].value == "Hasil Validasi"
    counts = {ws.cell(2 + i, 1).value: ws.cell(2 + i, 2).value for i in range(3)}
    assert counts == {
        "Galat": sum(f.severity == "galat" for f in findings),
        "Peringatan": sum(f.severity == "peringatan" for f in findings),
        "Info": sum(f.severity == "info" for f in findings),
    }
    # the counts per rule, then the findings: galat first, then by sheet, row, column
    assert [c.value for c in ws[RULES_ROW + 1]][:4] == list(RULE_COLUMNS)
    per_rule = {ws.cell(RULES_ROW + 2 + i, 1).value: ws.cell(RULES_ROW + 2 + i, 3).value
                for i in range(len({f.code for f in findings}))}  # fmt: skip
    assert per_rule == {c: sum(f.code == c for f in findings) for c in {f.code for f in findings}}
    top = header_row(findings)
    assert [c.value for c in ws[top + 1]] == list(REPORT_COLUMNS)
    rows = list(ws.iter_rows(min_row=top + 2, values_only=False))
    assert len(rows) == len(findings)
    keys = []
    for row in rows:
        where = row[3]
        sheet, cell = where.value.rsplit("!", 1)
        assert where.hyperlink is not None
        assert where.hyperlink.target.replace("\\", "/").endswith("/sampang.xlsx")
        assert where.hyperlink.location == f"'{sheet}'!{cell}"
        rank = {"Galat": 0, "Peringatan": 1, "Info": 2}[row[1].value]
        keys.append((rank, order.index(sheet), *cell_position(cell)))
    assert keys == sorted(keys)
    assert keys[0][0] == SEVERITY_RANK[Severity.GALAT]


def test_yaml_report_has_jalur_instead_of_links(tmp_path: Path) -> None:
    report = tmp_path / "hasil.xlsx"
    r = iki("validate", CONTOH / "probolinggo.yaml", "--report", report)
    assert r.returncode == 1
    ws = openpyxl.load_workbook(report)["Hasil Validasi"]
    findings = check_file(CONTOH / "probolinggo.yaml").findings
    where = [row[3] for row in ws.iter_rows(min_row=header_row(findings) + 2)]
    assert where and all(c.value.startswith("jabatan[") and c.hyperlink is None for c in where)


# ---------------------------------------------------------------- rules


def test_rules_markdown_matches_docs(tmp_path: Path) -> None:
    output = tmp_path / "rules.md"
    r = iki("rules", "--format", "markdown", "-o", output)
    assert r.returncode == 0, r.stderr
    assert output.read_text(encoding="utf-8") == catalogue_markdown()
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert docs.startswith(catalogue_markdown())
    # regenerating over docs/rules.md keeps its measured section (the corpus table)
    output.write_text(docs.replace("Jumlah aturan:", "Jumlah lama:"), encoding="utf-8")
    r = iki("rules", "--format", "markdown", "-o", output)
    assert r.returncode == 0, r.stderr
    assert output.read_text(encoding="utf-8") == docs
    assert measured_section(docs)


def test_rules_json_lists_every_code() -> None:
    r = iki("rules", "--format", "json")
    data = json.loads(r.stdout)
    assert {"IKI-S001", "IKI-B007"} <= {d["kode"] for d in data}
    assert all(d["keparahan"] in {"galat", "peringatan", "info"} for d in data)
