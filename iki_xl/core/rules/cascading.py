"""Cascading rules (IKI-C…): each Pengawas and Administrator indicator supports one of its
atasan's (the pohon kinerja)."""

from __future__ import annotations

from iki_xl.core.model import Dokumen, JenisJabatan
from iki_xl.core.rules.common import Collector, is_blank, norm, quote


def check_cascading(doc: Dokumen, add: Collector) -> None:
    position = {jab.id: j for j, jab in enumerate(doc.jabatan)}
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
        missing: list[str] = []
        for k, kin in enumerate(jab.kinerja):
            for n, ind in enumerate(kin.indikator):
                p = f"jabatan[{j}].kinerja[{k}].indikator[{n}].mendukung"
                if is_blank(ind.mendukung):
                    missing.append(p)
                elif norm(ind.mendukung) not in theirs:
                    add(
                        "IKI-C002",
                        jab,
                        p,
                        f"{quote(ind.mendukung)} bukan indikator atasan {atasan_name}.",
                        f"Pilih salah satu indikator atasan: {choices}.",
                    )
        if missing:
            more = (
                f" (dan {len(missing) - 1} indikator lain di jabatan ini)"
                if len(missing) > 1
                else ""
            )
            add(
                "IKI-C001",
                jab,
                missing[0],
                f"Indikator ini belum menyebut indikator atasan {atasan_name} yang didukungnya{more}.",
                f"Isi kolom Mendukung dengan salah satu indikator atasan: {choices}.",
            )
