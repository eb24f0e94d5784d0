"""Cascading rules (IKI-C…): each Pengawas and Administrator indicator supports one of its
atasan's (the pohon kinerja)."""

from __future__ import annotations

from iki_xl.core.model import Dokumen, Jabatan, JenisJabatan
from iki_xl.core.rules.common import Collector, dinas_of, is_blank, norm, quote

# (jabatan no, jabatan, the atasan's name quoted, its indicators offered, missing jalur)
_Missing = tuple[int, Jabatan, str, str, list[str]]


def check_cascading(doc: Dokumen, add: Collector) -> None:
    position = {jab.id: j for j, jab in enumerate(doc.jabatan)}
    missing: list[_Missing] = []
    for j, jab in enumerate(doc.jabatan):
        if jab.jenis not in (JenisJabatan.PENGAWAS, JenisJabatan.ADMINISTRATOR):
            continue
        if not jab.atasan or jab.atasan not in position or jab.atasan == jab.id:
            continue
        atasan = doc.jabatan[position[jab.atasan]]
        theirs = {norm(i.nama): i.nama for _, i in atasan.semua_indikator() if i.nama.strip()}
        if not theirs:
            continue
        choices = "; ".join(list(theirs.values())[:5])
        atasan_name = quote(atasan.nama or atasan.id)
        blank: list[str] = []
        for k, kin in enumerate(jab.kinerja):
            for n, ind in enumerate(kin.indikator):
                p = f"jabatan[{j}].kinerja[{k}].indikator[{n}].mendukung"
                if is_blank(ind.mendukung):
                    blank.append(p)
                elif norm(ind.mendukung) not in theirs:
                    add(
                        "IKI-C002",
                        jab,
                        p,
                        f"{quote(ind.mendukung)} bukan indikator atasan {atasan_name}.",
                        f"Pilih salah satu indikator atasan: {choices}.",
                    )
        if blank:
            missing.append((j, jab, atasan_name, choices, blank))
    _not_supported(doc, missing, add)


def _not_supported(doc: Dokumen, missing: list[_Missing], add: Collector) -> None:
    """C001 once per jabatan whose indicators name no supported indicator; once for the
    Dinas when no indicator of the whole document fills the column (the Dinas does not use
    it: its Lampiran has four columns, without Mendukung)."""
    used = any(not is_blank(i.mendukung) for jab in doc.jabatan for _, i in jab.semua_indikator())
    if len(missing) >= 2 and not used:
        count = sum(len(m[4]) for m in missing)
        add(
            "IKI-C001",
            dinas_of(doc),
            missing[0][4][0],
            f"Kolom Mendukung Indikator Atasan tidak diisi di seluruh dokumen ({count} indikator "
            f"di {len(missing)} jabatan Pengawas dan Administrator), sehingga cascading tidak "
            "dapat diperiksa.",
            "Bila Dinas memakai pohon kinerja, isi kolom Mendukung setiap indikator dengan "
            "indikator atasan yang didukungnya; bila tidak, temuan ini dapat diabaikan.",
        )
        return
    for _j, jab, atasan_name, choices, blank in missing:
        more = f" (dan {len(blank) - 1} indikator lain di jabatan ini)" if len(blank) > 1 else ""
        add(
            "IKI-C001",
            jab,
            blank[0],
            f"Indikator ini belum menyebut indikator atasan {atasan_name} yang didukungnya{more}.",
            f"Isi kolom Mendukung dengan salah satu indikator atasan: {choices}.",
        )
