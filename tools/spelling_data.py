"""Build the spell checker's word lists under iki_xl/data/ejaan/ (a developer's tool, run
once per dictionary update; the package only reads the files it writes).

Inputs (build time only; none is needed to run the spell checker):
- Debian's `hunspell-id` (id_ID.aff / id_ID.dic, LibreOffice's Indonesian dictionary,
  LGPL-3.0-only), read with `spylls` (pure-Python Hunspell): every stem is expanded with
  its prefixes, suffixes and circumfixes. The clitics (-nya, -lah, -kah, -ku, -mu) are NOT
  expanded: the checker strips them at lookup time, which keeps the list at ~130,000 forms
  instead of millions.
- `wordfreq` (data CC-BY-SA-4.0): the Indonesian list (words of Zipf frequency >= 3, about
  31,000) adds the modern words the dictionary lacks ("disabilitas", "mitigasi", "relawan")
  and ranks suggestions; the English list gives the English words to recognise.

Outputs (gzip, UTF-8, one entry a line):
- kata-id.txt.gz           the hunspell-id forms                       (LGPL-3.0-only)
- frekuensi-id.tsv.gz      word TAB zipf*10 for Indonesian words        (CC-BY-SA-4.0)
- kata-en.txt.gz           English words (Zipf >= 2.5) not Indonesian    (CC-BY-SA-4.0)

Usage:  apt-get install hunspell-id; pip install spylls wordfreq
        python tools/spelling_data.py [--hunspell /usr/share/hunspell/id_ID]
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "iki_xl" / "data" / "ejaan"
CLITIC_FLAGS = {"l0", "n0", "nl", "o0"}  # -lah/-kah, -nya…, both, -ku/-mu/-nya (id_ID.aff)
WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def _sfx(stem: str, r: Any) -> str | None:
    """`stem` with the suffix rule `r` applied, or None where its condition fails."""
    if not r.cond_regexp.search(stem) or (r.strip and not stem.endswith(r.strip)):
        return None
    return (stem[: len(stem) - len(r.strip)] if r.strip else stem) + r.add


def _pfx(stem: str, r: Any) -> str | None:
    """`stem` with the prefix rule `r` applied, or None where its condition fails."""
    if not r.cond_regexp.search(stem) or (r.strip and not stem.startswith(r.strip)):
        return None
    return r.add + stem[len(r.strip) :]


def _suffixed_forms(stem: str, suffixes: list[Any], prefixes: list[Any], aff: Any) -> set[str]:
    """The stem with each suffix, and with a prefix on top where the rules allow it (a
    circumfix needs both)."""
    out: set[str] = set()
    circ = aff.CIRCUMFIX
    for s in suffixes:
        f1 = _sfx(stem, s)
        if f1 is None:
            continue
        if circ not in s.flags:
            out.add(f1)
        cands = [p for p in prefixes if p.crossproduct and s.crossproduct]
        cands += [p for f in s.flags if f in aff.PFX for p in aff.PFX[f]]
        for p in cands:
            if (circ in s.flags) != (circ in p.flags):
                continue
            f2 = _pfx(f1, p)
            if f2:
                out.add(f2)
    return out


def _prefixed_forms(stem: str, prefixes: list[Any], aff: Any) -> set[str]:
    """The stem with each prefix, and with the suffixes that prefix's own flags allow."""
    out: set[str] = set()
    for p in prefixes:
        if aff.CIRCUMFIX not in p.flags:
            f1 = _pfx(stem, p)
            if f1:
                out.add(f1)
        for f in p.flags:
            if f in aff.SFX and f not in CLITIC_FLAGS:
                for s in aff.SFX[f]:
                    f0 = _sfx(stem, s)
                    f2 = _pfx(f0, p) if f0 else None
                    if f2:
                        out.add(f2)
    return out


def expand_hunspell(base: str) -> set[str]:
    """All forms of the hunspell-id stems with one prefix and/or one suffix (or a circumfix),
    lower case, without clitics."""
    from spylls.hunspell import Dictionary

    d = Dictionary.from_files(base)
    aff = d.aff
    out: set[str] = set()
    for w in d.dic.words:
        stem, flags = w.stem.strip(), set(w.flags)
        if aff.NEEDAFFIX not in flags:
            out.add(stem)
        suffixes = [r for f in flags if f in aff.SFX and f not in CLITIC_FLAGS for r in aff.SFX[f]]
        prefixes = [r for f in flags if f in aff.PFX for r in aff.PFX[f]]
        out |= _suffixed_forms(stem, suffixes, prefixes, aff)
        out |= _prefixed_forms(stem, prefixes, aff)
    return {w.lower() for w in out if WORD.match(w.lower())}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hunspell", default="/usr/share/hunspell/id_ID")
    ap.add_argument("--en-zipf", type=float, default=2.5)
    args = ap.parse_args()
    import wordfreq

    forms = expand_hunspell(args.hunspell)
    id_words = [w for w in wordfreq.top_n_list("id", 10**6) if WORD.match(w)]
    freq = {w: round(wordfreq.zipf_frequency(w, "id") * 10) for w in id_words}
    en = {
        w
        for w in wordfreq.top_n_list("en", 10**6)
        if WORD.match(w)
        and len(w) > 2
        and w not in forms
        and wordfreq.zipf_frequency(w, "en") >= args.en_zipf
    }
    DATA.mkdir(parents=True, exist_ok=True)

    def write(name: str, lines: list[str]) -> None:
        data = ("\n".join(lines) + "\n").encode("utf-8")
        with open(DATA / name, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as f:
            f.write(data)  # mtime 0: the same input gives the same bytes
        print(f"{name}: {len(lines)} entries, {(DATA / name).stat().st_size:,} bytes")

    write("kata-id.txt.gz", sorted(forms))
    write("frekuensi-id.tsv.gz", [f"{w}\t{z}" for w, z in sorted(freq.items())])
    write("kata-en.txt.gz", sorted(en))
    return 0


if __name__ == "__main__":
    sys.exit(main())
