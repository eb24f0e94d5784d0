"""Spell check of one text: misspelt words, English words, non-standard (tidak baku) forms,
glued words, spacing and punctuation slips, a word repeated.

Pure functions over strings; no Excel, no model. The Dinas' own vocabulary (its acronyms,
proper names, units and the words it uses throughout) is computed once per document by
`vocabulary` and passed to `misspellings` as `accepted`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from iki_xl.core.spelling.dictionary import Kamus, kamus

# kinds of Misspelling
TYPO = "typo"  # not a word; suggestion by edit distance
ENGLISH = "english"  # an English word in Indonesian text
BAKU = "baku"  # a non-standard form (resiko → risiko)
GLUED = "glued"  # words written together (programkerja, KepalaSeksi, diluar)
SPACING = "spacing"  # "HIV/ AIDS", "..", "umum,perkantoran", a stray comma
REPEATED_WORD = "repeated_word"  # "keuangan keuangan"

# Latin letters only (Σ, ƒ, ×, ∑ are formula marks, not letters of a word)
_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_WORD = re.compile(f"[{_L}]+(?:-(?=[{_L}])[{_L}]+)*")
_SKIP = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")  # e-mail, web address
_SHORT_PARTS = frozenset({"di", "ke", "yg", "sub"})  # glued parts shorter than three letters
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_VERB = re.compile(r"^(?:me|di|ber|be|ter)[a-z]")
_NOUN = re.compile(r"^(?:pe|ke|per)[a-z]+an$")


@dataclass(frozen=True, slots=True)
class Misspelling:
    """One finding in a text: `word` is text[start:end] as written."""

    word: str
    start: int
    end: int
    suggestion: str | None
    kind: str
    variant: str = ""  # which spacing slip: see _SPACING_RULES
    context: str = ""  # a spacing slip with the words around it, as written

    @property
    def message(self) -> str:
        """The finding in the planner's words."""
        label = {
            TYPO: "Salah ketik",
            ENGLISH: "Kata bahasa Inggris",
            BAKU: "Bentuk tidak baku",
            GLUED: "Kata tergabung",
            SPACING: "Spasi/tanda baca",
            REPEATED_WORD: "Kata berulang",
        }[self.kind]
        if self.suggestion is None:
            return f"{label}: '{self.word}' tidak dikenal"
        return f"{label}: '{self.word}' → '{self.suggestion}'"

    @property
    def saran(self) -> str:
        """How to fix it, in the planner's words."""
        if self.suggestion is None:
            return f"Periksa ejaan '{self.word}'; bila nama atau singkatan, biarkan."
        return f"Ganti '{self.word}' dengan '{self.suggestion}'."


def follow_case(model: str, word: str) -> str:
    """`word` in the letter case of `model`: ('PRESENTASE', 'persentase') → 'PERSENTASE'."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[^\W\d_a-z]")  # a letter that is not a lower-case ASCII one …


@lru_cache(maxsize=8192)
def _shouting(text: str) -> bool:
    """Most of the text in capitals (a heading, a name typed in capitals)."""
    letters = len(_LETTER.findall(text))
    if letters < 12:
        return False
    upper = sum(c.isupper() for c in _UPPER.findall(text))  # … counted exactly
    return bool(upper >= 0.6 * letters)


def _in_parentheses(text: str, start: int) -> bool:
    return text.rfind("(", 0, start) > text.rfind(")", 0, start)


def _split_glued(word: str, kb: Kamus) -> list[str] | None:
    """The parts of a glued word, fewest first: "danstandar" → ["dan", "standar"]."""
    w = word.casefold()
    n = len(w)
    if n < 6:
        return None
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 2, n + 1):
            part = w[i:j]
            if part in _SHORT_PARTS or kb.known_for_split(part):
                cand = [*best[i], part]  # type: ignore[misc]
                if best[j] is None or len(cand) < len(best[j]):  # type: ignore[arg-type]
                    best[j] = cand
    parts = best[n]
    if parts and len(parts) > 1:
        return parts
    for i in range(3, n - 2):  # two parts, one an affixed form: "berhasil|diberdayakan"
        a, b = w[:i], w[i:]
        if (kb.strong(a) and len(b) >= 6 and kb.is_indonesian(b)) or (
            kb.strong(b) and len(a) >= 6 and kb.is_indonesian(a)
        ):
            return [a, b]
    return None


def _listed(word: str, kb: Kamus) -> tuple[str, str | None] | None:
    """A word of the curated lists: a known misspelling, a non-standard form, English."""
    lw = word.casefold()
    for kind, pairs in ((TYPO, kb.typos), (BAKU, kb.baku), (ENGLISH, kb.english_id)):
        if lw in pairs:
            return kind, follow_case(word, pairs[lw])
    return None


def _camel_glued(
    camel: list[str], kb: Kamus, context: Mapping[str, int] | None
) -> tuple[str, str | None] | None:
    """Words written together in camel case ("KepalaSeksi"), each part corrected; a name
    written so is left alone (eKinerja, DinsosPPPA, PermenPANRB, SiLPA)."""
    if len(camel[0]) == 1 or any(len(p) > 1 and p.isupper() for p in camel):
        return None
    fixed = []
    for part in camel:
        if kb.is_indonesian(part) or part.isupper():
            fixed.append(part)
        else:
            sub = check_word(part, kb, context)
            fixed.append(sub[1] if sub and sub[1] else part)
    return GLUED, " ".join(fixed)


def check_word(
    word: str, kb: Kamus | None = None, context: Mapping[str, int] | None = None
) -> tuple[str, str | None] | None:
    """(kind, suggestion) for a word that is not accepted Indonesian, else None.

    Order: a known misspelling, a non-standard form, a listed English word, an Indonesian
    word (accepted), a glued preposition or camel-case glue, an English word, glued words,
    then a typo."""
    kb = kb or kamus()
    lw = word.casefold()
    listed = _listed(word, kb)
    if listed:
        return listed
    if kb.is_indonesian(word):
        return None
    prep = kb.glued_preposition(word)
    if prep:
        return GLUED, follow_case(word, prep)
    camel = _CAMEL.split(word)
    if len(camel) > 1:
        return _camel_glued(camel, kb, context)
    if kb.is_english(word):
        near = kb.suggestions(lw, limit=1, max_distance=2, context=context)
        return ENGLISH, follow_case(word, near[0]) if near and len(near[0]) >= 4 else None
    close = kb.suggestions(lw, limit=1, max_distance=1, context=context)
    if close:
        return TYPO, follow_case(word, close[0])
    parts = _split_glued(word, kb)
    if parts and all(kb.strong(p) or p in _SHORT_PARTS for p in parts):
        return GLUED, follow_case(word, " ".join(parts))
    close = kb.suggestions(lw, limit=1, max_distance=2, context=context)
    if close:
        return TYPO, follow_case(word, close[0])
    if parts:
        return GLUED, follow_case(word, " ".join(parts))
    return TYPO, None


def misspellings(
    text: str,
    accepted: Iterable[str] = (),
    kb: Kamus | None = None,
    context: Mapping[str, int] | None = None,
) -> list[Misspelling]:
    """The word-level findings of `text` (typo, english, baku, glued), in order.

    `accepted`: the Dinas' own words (from `vocabulary`), lower case. Not checked: words
    of one or two letters, acronyms (all capitals, unless the whole text is in capitals),
    an abbreviation with a period ("Keg.", "Rehab."), an English gloss in parentheses
    ("(maintenance)"), e-mail and web addresses."""
    kb = kb or kamus()
    acc = accepted if isinstance(accepted, (set, frozenset)) else {a.casefold() for a in accepted}
    masked = _SKIP.sub(lambda m: " " * len(m.group(0)), text)
    shouting = _shouting(text)
    out: list[Misspelling] = []
    for m in _WORD.finditer(masked):
        word, start, end = m.group(0), m.start(), m.end()
        lw = word.casefold()
        if len(word) <= 2 and lw not in kb.baku:
            continue
        if lw in acc:
            continue
        listed = lw in kb.typos or lw in kb.baku  # "PRESENTASE" is no acronym
        if word.isupper() and (not shouting or len(word) <= 3) and not listed:
            continue
        # "perundang- undangan": spacing_issues reports the space; the joined word is checked
        nxt = _WORD.match(masked, end + 2) if masked.startswith("- ", end) else None
        if nxt and kb.is_indonesian(f"{word}-{nxt.group(0)}"):
            continue
        if start >= 3 and masked[start - 2 : start] == "- " and masked[start - 3].isalpha():
            prev = re.search(f"[{_L}]+$", masked[: start - 2])
            if prev and kb.is_indonesian(f"{prev.group(0)}-{word}"):
                continue
        abbreviation = masked.startswith(".", end) and len(word) <= 5
        if abbreviation and not kb.is_indonesian(word) and (context is None or f"^{lw}" in context):
            continue  # an abbreviation of a word the document uses: "Keg.", "Rehab."
        found = check_word(word, kb, context)
        if found is None:
            continue
        kind, suggestion = found
        if kind == ENGLISH and _in_parentheses(masked, start):
            continue  # an English gloss: "pemeliharaannya (maintenance)"
        out.append(Misspelling(word, start, end, suggestion, kind))
    return out


# (pattern, fix, variant): the variant tells the rules which slip it is
_SPACING_RULES: Sequence[tuple[re.Pattern[str], str, str]] = (
    (re.compile(r"(?<=[^\W\d_])/ +(?=[^\W\d_])|(?<=[^\W\d_]) +/(?=[^\W\d_])"), "/", "slash"),
    (re.compile(r"(?<=[^\W\d_])- +(?=[^\W\d_])"), "-", "hyphen"),
    (re.compile(r"(?<!\.)\.\.(?!\.)"), ".", "dots"),
    (re.compile(r",\s*,|;\s*;"), ",", "double_punct"),
    (
        re.compile(r"(?<=\S) +(?=[,;](?:\s|$))|(?<=[^\W\d_]) +(?=\.(?:\s|$))"),
        "",
        "space_before",
    ),
    (re.compile(r"(?<=[^\W\d_])[,;](?=[^\W\d_])"), ", ", "no_space_after"),
    (re.compile(r"(?<=\S)  +(?=\S)"), " ", "double_space"),
)


def spacing_issues(text: str) -> list[Misspelling]:
    """Spacing and punctuation slips: "HIV/ AIDS", "perundang- undangan", "..", ",,",
    a space before a comma, "umum,perkantoran", double spaces, and a stray comma after the
    first word ("Melaksanakan, penyusunan …")."""
    out: list[Misspelling] = []
    for pattern, fix, variant in _SPACING_RULES:
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            lo, hi = max(0, s - 12), min(len(text), e + 12)
            left = re.sub(r"^\S*\s", "", text[lo:s]) if lo else text[lo:s]
            right = re.sub(r"\s\S*$", "", text[e:hi]) if hi < len(text) else text[e:hi]
            if fix == ", ":
                repl = m.group(0) + " "
            elif fix == ",":
                repl = m.group(0)[0]
            else:
                repl = fix
            written = f"{left}{text[s:e]}{right}".strip()
            fixed = f"{left}{repl}{right}".strip()
            out.append(Misspelling(text[s:e], s, e, fixed, SPACING, variant, written))
    stray = re.match(r"\s*([^\W\d_]+)(,)\s+([^\W\d_]+)", text)
    if stray:
        first, second = stray.group(1).casefold(), stray.group(3).casefold()
        same = (_VERB.match(first) and _VERB.match(second)) or (
            _NOUN.match(first) and _NOUN.match(second)
        )
        if not same:
            s = stray.start(2)
            written, fixed = stray.group(0).strip(), f"{stray.group(1)} {stray.group(3)}"
            out.append(Misspelling(",", s, s + 1, fixed, SPACING, "stray_comma", written))
    out.sort(key=lambda x: x.start)
    return out


_REPEAT = re.compile(r"\b([^\W\d_]{2,})\s+(\1)\b", re.IGNORECASE)


def repeated_words(text: str) -> list[Misspelling]:
    """A word written twice in a row: "pengelolaan keuangan keuangan Dinas"."""
    return [
        Misspelling(m.group(0), m.start(), m.end(), m.group(1), REPEATED_WORD)
        for m in _REPEAT.finditer(text)
    ]


def check_text(
    text: str,
    accepted: Iterable[str] = (),
    kb: Kamus | None = None,
    context: Mapping[str, int] | None = None,
) -> list[Misspelling]:
    """Every finding of one text: words, spacing, repeated words, in order."""
    found = misspellings(text, accepted, kb, context) + spacing_issues(text)
    found += repeated_words(text)
    found.sort(key=lambda x: (x.start, x.kind))
    return found


@lru_cache(maxsize=8192)
def _context_words(text: str) -> tuple[str, ...]:
    """What one text adds to the context: its words, their first five letters, prefixes."""
    out: list[str] = []
    for w in _WORD.findall(text):
        lw = w.casefold()
        out.append(lw)
        if len(lw) > 5:
            out.append(lw[:5])
        out += [f"^{lw[:n]}" for n in range(2, min(6, len(lw)))]  # abbreviations: "^keg"
    return tuple(out)


def context_of(texts: Iterable[str]) -> Counter[str]:
    """The words of a document (lower case) and their first five letters, counted: the
    suggestions prefer a word the document uses ("rahab" → "rehab", as in rehabilitasi).
    Each distinct text is read once (copied lists and formula lines recur)."""
    ctx: Counter[str] = Counter()
    for text, n in Counter(texts).items():
        for key in _context_words(text):
            ctx[key] += n
    return ctx


def _vocabulary_of(text: str, kb: Kamus) -> tuple[set[str], Counter[str], set[str]]:
    """One text's acronyms, word counts (lower case; glued camel-case words left out) and
    formula codes."""
    shouting = _shouting(text)
    acronyms: set[str] = set()
    words: Counter[str] = Counter()
    for w in _WORD.findall(text):
        lw = w.casefold()
        listed = lw in kb.typos or lw in kb.baku  # "PRESENTASE" is no acronym
        if w.isupper() and len(w) >= 2 and not shouting and not listed:
            acronyms.add(lw)
        if not _CAMEL.search(w):  # "KepalaSub": glued words, however often
            words[lw] += 1
    codes: set[str] = set()
    for m in _CODE_BEFORE_EQUALS.finditer(text):
        codes.update(p.casefold() for p in _WORD.findall(m.group(1)))
    for m in _SUM_IN_PARENTHESES.finditer(text):
        codes.update(p.casefold() for p in _WORD.findall(m.group(1)))
    return acronyms, words, codes


_CODE_BEFORE_EQUALS = re.compile(r"([^\W\d_][\w-]*)\s*=")
_SUM_IN_PARENTHESES = re.compile(r"\(([^()]*\+[^()]*)\)")


def vocabulary(
    texts: Iterable[str],
    names: Iterable[str] = (),
    units: Iterable[str] = (),
    kb: Kamus | None = None,
    min_count: int = 2,
) -> frozenset[str]:
    """The Dinas' own words, accepted in every text of its document (lower case):

    - acronyms: words in capitals (PMKS, PPPA, TKSK) written in a text not all in capitals;
    - formula codes: a word before "=" or inside a "( … + … )" expression (Ipar, Linc);
    - proper names: the words of `names` (instansi: pemerintah, nama, kota, alamat);
    - units: the words of `units` (satuan);
    - words the document uses at least `min_count` times, in at least two texts, unless
      the repetition is a repeated typo (a word one edit from a dictionary word:
      "Pengitungan" ×14), a non-standard form, an English word or glued words.
    """
    kb = kb or kamus()
    out: set[str] = set()
    counts: Counter[str] = Counter()
    spread: Counter[str] = Counter()  # in how many texts
    for text, times in Counter(texts).items():  # each distinct text read once
        acronyms, words, codes = _vocabulary_of(text, kb)
        out.update(acronyms)
        out.update(codes)
        for lw, n in words.items():
            counts[lw] += n * times
            spread[lw] += times
    for t in (*names, *units):
        out.update(p.casefold() for p in _WORD.findall(t))
    for lw, n in counts.items():
        if n < min_count or spread[lw] < 2 or lw in out:
            continue
        if kb.is_indonesian(lw) or lw in kb.baku or lw in kb.english_id or lw in kb.typos:
            continue
        if kb.is_english(lw) or kb.glued_preposition(lw) or _split_glued(lw, kb):
            continue
        near = kb.suggestions(lw, limit=1, max_distance=1)
        if near and kb.frequency.get(near[0], 0) >= 30:
            continue  # a repeated typo of a common word ("Pengitungan" ×14)
        out.add(lw)
    return frozenset(out)
