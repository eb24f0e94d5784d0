"""docs/rules.md: the catalogue as Markdown, and the measured section kept below it.

The catalogue part is generated (`catalogue_markdown`). Below it, after `MEASURED_MARK`,
docs/rules.md holds what was measured — recall and precision on the synthetic-defect corpus,
the findings on the two examples — written by `python -m tests.defects.score --docs …`;
regenerating the catalogue keeps that section as it is (`rules_markdown`).
"""

from __future__ import annotations

from iki_xl.core.rules.catalogue import CATALOGUE, GROUPS

MEASURED_MARK = (
    "<!-- Hasil pengukuran: ditulis oleh `python -m tests.defects.score --docs docs/rules.md`;"
    " `iki-xl rules -o docs/rules.md` menyimpannya. -->"
)


def catalogue_markdown() -> str:
    """The generated part of docs/rules.md: every rule's code, severity, what, why and how
    to fix."""
    lines = [
        "# Aturan validasi IKI",
        "",
        "<!-- Dibuat otomatis dari iki_xl/core/rules/catalogue.py (CATALOGUE) dengan "
        "`iki-xl rules --format markdown -o docs/rules.md`; jangan diubah dengan tangan. -->",
        "",
        "Setiap temuan punya kode tetap, tingkat keparahan, pesan dan saran perbaikan, serta "
        "menunjuk jabatan dan sel yang bermasalah.",
        "",
        "- **galat**: harus diperbaiki sebelum dokumen diajukan (`iki-xl validate` keluar "
        "dengan kode 1);",
        "- **peringatan**: kemungkinan besar salah, periksa;",
        "- **info**: saran perbaikan mutu.",
        "",
        "Validasi tidak pernah mengubah isian perencana.",
        "",
        f"Jumlah aturan: {len(CATALOGUE)}.",
    ]
    for prefix, group in GROUPS.items():
        lines += [
            "",
            f"## {group} (IKI-{prefix}…)",
            "",
            "| Kode | Keparahan | Temuan | Alasan | Cara memperbaiki |",
            "|---|---|---|---|---|",
        ]
        for r in CATALOGUE:
            if r.code[4] == prefix:
                cells = [r.code, str(r.severity), r.title, r.reason, r.fix]
                lines.append("| " + " | ".join(s.replace("|", "\\|") for s in cells) + " |")
    return "\n".join(lines) + "\n"


def measured_section(existing: str) -> str:
    """The measured section of a docs/rules.md (from its mark on), or ''."""
    i = existing.find(MEASURED_MARK)
    return existing[i:] if i >= 0 else ""


def rules_markdown(existing: str = "") -> str:
    """docs/rules.md regenerated: the catalogue, then the measured section of `existing`."""
    kept = measured_section(existing)
    return catalogue_markdown() + ("\n" + kept if kept else "")


def with_measured(section: str) -> str:
    """docs/rules.md with `section` (Markdown) as its measured section."""
    return catalogue_markdown() + "\n" + MEASURED_MARK + "\n\n" + section.strip() + "\n"
