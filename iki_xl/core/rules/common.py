"""What every rule group shares: the finding collector and the text helpers."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from iki_xl.core.findings import Finding
from iki_xl.core.model import Dokumen, Indikator, Isian, Jabatan
from iki_xl.core.rules.catalogue import RULES


class Collector:
    """Collects findings; the severity comes from the catalogue, never from the call site."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def __call__(
        self, code: str, jab: Jabatan | str, jalur: str, message: str, saran: str = ""
    ) -> None:
        """One finding about `jab` (a jabatan, or the text naming what it is about: the
        Dinas, for a finding on the whole document)."""
        rule = RULES[code]
        self.findings.append(
            Finding(
                code=code,
                severity=rule.severity,
                message=message,
                saran=saran or rule.fix,
                jabatan=jab if isinstance(jab, str) else (jab.nama or jab.id),
                jalur=jalur,
            )
        )


def dinas_of(doc: Dokumen) -> str:
    """How a finding on the whole document names what it is about: the Dinas."""
    return doc.instansi.nama.strip() or "Seluruh dokumen"


def is_blank(s: str | None) -> bool:
    """Empty, or nothing but spaces and dashes (a '-' cell means 'nothing here')."""
    return s is None or not s.strip("-–— \n\t")


def blank_cell(x: Isian) -> bool:
    return x is None or (isinstance(x, str) and is_blank(x))


@lru_cache(maxsize=8192)
def norm(s: str) -> str:
    """Comparison form of a line: case, spacing, trailing punctuation and 'dan' ignored."""
    t = " ".join(s.split()).casefold().rstrip(" ;,.:")
    for word in (" dan", " serta"):
        if t.endswith(word):
            t = t[: -len(word)].rstrip(" ;,.:")
    return t


def quote(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return f"'{s}'" if len(s) <= n else f"'{s[: n - 1]}…'"


def name_of(ind: Indikator) -> str:
    """How a message names an indicator: its quoted name, or 'ini'."""
    return quote(ind.nama) if not is_blank(ind.nama) else "ini"


def indikator_items(doc: Dokumen) -> Iterator[tuple[int, Jabatan, int, int, Indikator, str]]:
    """(jabatan no, jabatan, kinerja no, indikator no, indikator, its jalur) of every one."""
    for j, jab in enumerate(doc.jabatan):
        for k, kin in enumerate(jab.kinerja):
            for n, ind in enumerate(kin.indikator):
                yield j, jab, k, n, ind, f"jabatan[{j}].kinerja[{k}].indikator[{n}]"
