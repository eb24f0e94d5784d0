"""What the language rules read in a text besides its words: where a text was cut off, and an
acronym written beside a word of its own expansion ("Penyandang PMKS").

Pure functions over strings; the acronyms the Dinas commonly uses are data
(iki_xl/data/ejaan/singkatan.tsv), those a document expands itself are read from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# A text ending with one of these words stops mid-sentence.
TRAILING_WORDS = frozenset(
    [
        "dan",
        "serta",
        "atau",
        "yang",
        "untuk",
        "dengan",
        "dalam",
        "bagi",
        "pada",
        "oleh",
        "di",
        "ke",
        "dari",
        "terhadap",
        "sesuai",
        "meliputi",
        "antara",
        "maupun",
        "baik",
        "sebagai",
        "pasca",
        "para",
        "adalah",
        "yaitu",
        "berupa",
        "melalui",
        "tentang",
        "karena",
        "agar",
        "sehingga",
    ]
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
_CONNECTORS = ("dan", "atau")
_ACRONYM = re.compile(r"\b([A-Z]{2,7})\b")
_EXPANDED = re.compile(r"((?:[A-Za-z]+\s+){1,8})\(\s*([A-Z]{2,7})\s*\)")
_LETTERS = re.compile(r"[A-Za-z]+")
_NOT_IN_ACRONYM = frozenset({"dan", "yang", "dengan", "di", "ke", "dari", "non"})


def _line_truncated(t: str) -> str | None:
    core = t.rstrip(";. ")
    if core.endswith(","):
        return "berakhir dengan koma"
    if t.count("(") > t.count(")"):
        return "kurung '(' tidak ditutup"
    m = _LAST_WORD.search(core)
    if not (m and core.endswith(m.group(1)) and m.group(1).casefold() in TRAILING_WORDS):
        return None
    word = m.group(1)
    before = core[: m.start()].rstrip()
    if word.casefold() in _CONNECTORS and before.endswith((";", ",")):
        return None  # "…; dan": the list's connector (rules/lists.py checks its place)
    if word.casefold() == "dengan" and before.casefold().endswith("sesuai"):
        return "berakhir dengan 'sesuai dengan'"
    return f"berakhir dengan '{word}'"


@lru_cache(maxsize=8192)
def truncated(text: str) -> str | None:
    """Why `text` looks cut off, or None: it ends with a comma, with a conjunction or a
    preposition ("dan", "serta", "sesuai dengan", "yang"), or leaves a parenthesis open.
    Each line of a formula is read on its own; a label line ("Formulasi :") is none."""
    for line in text.splitlines():
        t = line.strip()
        if t and not t.endswith(":"):
            why = _line_truncated(t)
            if why:
                return why
    return None


@lru_cache(maxsize=1)
def known_expansions() -> dict[str, str]:
    """Acronyms of regional social administration and their expansions (singkatan.tsv)."""
    raw = resources.files("iki_xl").joinpath("data", "ejaan", "singkatan.tsv").read_text("utf-8")
    out = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            acronym, expansion = line.split("\t")
            out[acronym] = expansion
    return out


def document_expansions(texts: Iterable[str]) -> dict[str, str]:
    """The known acronyms, and those the document expands itself: "Lembaga Kesejahteraan
    Sosial (LKS)" (the initials of the words before the parenthesis spell it)."""
    out = dict(known_expansions())
    for text in texts:
        if "(" not in text:
            continue
        for m in _EXPANDED.finditer(text):
            words = [w for w in m.group(1).split() if w.casefold() not in _NOT_IN_ACRONYM]
            acronym = m.group(2)
            tail = words[-len(acronym) :] if len(words) >= len(acronym) else []
            if tail and "".join(w[0] for w in tail).upper() == acronym:
                out.setdefault(acronym, " ".join(tail))
    return out


@dataclass(frozen=True, slots=True)
class Repeat:
    """An acronym beside a word its own letters stand for, and the text as written."""

    acronym: str
    word: str
    expansion: str
    written: str  # "Penyandang PMKS"


def abbreviation_repeats(text: str, expansions: dict[str, str]) -> list[Repeat]:
    """Acronyms written beside the first or last word of their expansion: "Penyandang PMKS"
    (P = Penyandang), "IDG Gender". An expansion in parentheses is no repeat."""
    out = []
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1)
        expansion = expansions.get(acronym)
        if not expansion:
            continue
        before = text[: m.start()]
        if before.rstrip().endswith("("):
            continue
        prev = list(_LETTERS.finditer(before[-40:]))
        after = _LETTERS.search(text[m.end() : m.end() + 40])
        first, last = expansion.split()[0].casefold(), expansion.split()[-1].casefold()
        if prev and prev[-1].group(0).casefold() == first and not before.rstrip().endswith(")"):
            start = m.start() - len(before[-40:]) + prev[-1].start()
            out.append(Repeat(acronym, prev[-1].group(0), expansion, text[start : m.end()]))
        elif (
            after
            and after.group(0).casefold() == last
            and not text[m.end() :].lstrip().startswith(")")
        ):
            end = m.end() + after.end()
            out.append(Repeat(acronym, after.group(0), expansion, text[m.start() : end]))
    return out
