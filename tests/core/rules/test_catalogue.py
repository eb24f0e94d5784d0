"""The catalogue as data: stable, unique, described codes, one group each, and the
generated docs/rules.md."""

from __future__ import annotations

from pathlib import Path

from iki_xl.core.findings import Severity
from iki_xl.core.rules.catalogue import CATALOGUE, GROUPS, RULES
from iki_xl.core.rules.markdown import (
    MEASURED_MARK,
    catalogue_markdown,
    measured_section,
    rules_markdown,
    with_measured,
)

ROOT = Path(__file__).resolve().parents[3]


def test_catalogue_codes_are_stable_unique_and_described() -> None:
    codes = [r.code for r in CATALOGUE]
    assert len(codes) == len(set(codes)) == len(RULES)
    for r in CATALOGUE:
        assert r.code[:4] == "IKI-" and r.code[4] in "SINCB" and r.code[5:].isdigit()
        assert r.title and r.reason and r.fix
        assert r.group == GROUPS[r.code[4]]
        assert isinstance(r.severity, Severity)
        assert RULES[r.code] is r
    assert list(GROUPS) == ["S", "I", "N", "C", "B"]


def test_rule_json_keeps_the_published_keys() -> None:
    r = RULES["IKI-S001"]
    assert r.to_json() == {
        "kode": "IKI-S001",
        "keparahan": "galat",
        "kelompok": "Struktur",
        "judul": r.title,
        "alasan": r.reason,
        "perbaikan": r.fix,
    }


def test_markdown_lists_every_rule_under_its_group() -> None:
    text = catalogue_markdown()
    assert f"Jumlah aturan: {len(CATALOGUE)}." in text
    for prefix, group in GROUPS.items():
        assert f"## {group} (IKI-{prefix}…)" in text
    for r in CATALOGUE:
        assert f"| {r.code} | {r.severity} | {r.title.replace('|', chr(92) + '|')} |" in text


def test_docs_rules_md_is_current() -> None:
    """The catalogue part is generated; the measured section below it is kept."""
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert text == rules_markdown(text), "docs/rules.md is stale: run `make docs`"
    section = measured_section(text)
    assert "## Korpus cacat sintetis" in section, "run `python -m tests.defects.score --docs`"
    for r in CATALOGUE:
        assert f"| {r.code} |" in text


def test_regenerating_keeps_the_measured_section() -> None:
    measured = with_measured("## Hasil\n\nrecall 100 %")
    assert measured.startswith(catalogue_markdown())
    assert measured_section(measured) == MEASURED_MARK + "\n\n## Hasil\n\nrecall 100 %\n"
    stale = measured.replace("Jumlah aturan:", "Jumlah aturan lama:")
    assert rules_markdown(stale) == measured
    assert rules_markdown("") == catalogue_markdown()
