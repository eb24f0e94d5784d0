"""The findings of the real check() on the two bundled examples as read by a person
(seed_findings.yaml), and their summary for docs/rules.md."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

READ = Path(__file__).with_name("seed_findings.yaml")
BASES = ("probolinggo", "sampang")


def read_findings(false_positives: bool = False) -> dict[str, Any]:
    """base → code → {reason, at: [jalur]} (or the false positives' part)."""
    data = yaml.safe_load(READ.read_text(encoding="utf-8"))
    if false_positives:
        return dict(data.get("false_positives") or {})
    return {b: data[b] for b in BASES}


def examples_markdown() -> str:
    """The examples' section of docs/rules.md: findings per rule, false positives, and the
    spell check's false positives per 1,000 words (spelling_report.py)."""
    from iki_xl.core.rules import check
    from iki_xl.core.rules.catalogue import RULES
    from tests.defects.make_defects import load_base
    from tests.defects.spelling_report import report

    wrong = read_findings(false_positives=True)
    lines = [
        "## Temuan pada kedua contoh",
        "",
        "Setiap temuan `check()` pada contoh Kota Probolinggo dan Kabupaten Sampang sudah "
        "dibaca satu per satu; alasannya per aturan ada di `tests/defects/seed_findings.yaml` "
        "(uji `tests/defects/test_examples.py` gagal bila ada temuan baru yang belum dibaca).",
        "",
        "| Contoh | Kode | Aturan | Temuan | Salah (positif palsu) |",
        "|---|---|---|---:|---:|",
    ]
    totals = {}
    for base in BASES:
        found = Counter(f.code for f in check(load_base(base)))
        totals[base] = sum(found.values())
        for code in sorted(found):
            fp = len((wrong.get(base) or {}).get(code, {}).get("at", []))
            lines.append(f"| {base} | {code} | {RULES[code].title} | {found[code]} | {fp} |")
    lines += ["", "Positif palsu yang tersisa: " + ("tidak ada." if not wrong else str(wrong))]
    lines += [
        "",
        "Pemeriksa ejaan (kata salah ketik, tidak baku, bahasa Inggris, berdempet, spasi):",
        "",
        "| Contoh | Kata | Temuan ejaan | Cacat nyata | Positif palsu | Per 1.000 kata |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for base in BASES:
        words, classes, _ = report(base)
        fp = classes["false_positive"] + classes["unexplained"]
        lines.append(
            f"| {base} | {words} | {sum(classes.values())} | {classes['defect']} | {fp} | "
            f"{1000 * fp / words:.2f} |"
        )
    lines += [
        "",
        "Catatan: sebagian daftar kata yang diterima (`serapan.txt`, `istilah.txt`) berasal dari "
        "membaca kedua contoh; pada 20 baris IKI yang ditulis tanpa melihat contoh, satu kata "
        "('tergraduasi') ditandai: sekitar 5,6 per 1.000 kata (tests/defects/README.md).",
        "Temuan yang paling dapat diperdebatkan: 'Shelter' (IKI-B007; nama rumah singgah Dinas) "
        "dan 'Jumlah Peserta/Klien yang akan dideteksi' yang dihitung dari 'Warga yang "
        "terdeteksi mempunyai kelainan fisik' (IKI-I014); keduanya dihitung sebagai cacat nyata.",
    ]
    return "\n".join(lines) + "\n"
