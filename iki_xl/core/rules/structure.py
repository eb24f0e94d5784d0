"""Structure rules (IKI-S…): names, ids, atasan, tugas and fungsi, kinerja, the sheet order.

The lists themselves are checked in rules/lists.py, what is copied across jabatan in
rules/copies.py."""

from __future__ import annotations

from bisect import bisect_left

from iki_xl.core.hierarchy import atasan_cycles, org_order
from iki_xl.core.model import Dokumen, Jabatan, JenisJabatan
from iki_xl.core.rules.common import Collector, dinas_of, is_blank, norm, quote


def check_structure(doc: Dokumen, add: Collector) -> None:
    _names_and_ids(doc, add)
    for j, jab in enumerate(doc.jabatan):
        _tugas_fungsi(j, jab, add)
        _kinerja(j, jab, add)
    _atasan(doc, add)
    _sheet_order(doc, add)


def _names_and_ids(doc: Dokumen, add: Collector) -> None:
    """S001 no name, S002 no jenis, S004 an id used twice, S003 the same name in one unit."""
    ids: dict[str, int] = {}
    names: dict[tuple[str, str], int] = {}
    for j, jab in enumerate(doc.jabatan):
        p = f"jabatan[{j}]"
        if is_blank(jab.nama):
            add("IKI-S001", jab, f"{p}.nama", f"Jabatan '{jab.id}' tidak punya nama.")
        if jab.jenis is None:
            add("IKI-S002", jab, f"{p}.jenis", "Jenis jabatan belum diisi.")
        if jab.id in ids:
            other = doc.jabatan[ids[jab.id]]
            add(
                "IKI-S004",
                jab,
                f"{p}.id",
                f"Id '{jab.id}' sudah dipakai jabatan {quote(other.nama or other.id)}.",
            )
        else:
            ids[jab.id] = j
        if is_blank(jab.nama):
            continue
        key = (norm(jab.nama), norm(jab.unit))
        if key in names:
            unit = f" di unit {quote(jab.unit)}" if jab.unit.strip() else ""
            add(
                "IKI-S003",
                jab,
                f"{p}.nama",
                f"Jabatan {quote(jab.nama)}{unit} sudah ada di dokumen "
                f"(jabatan ke-{names[key] + 1}).",
            )
        else:
            names[key] = j


def _tugas_fungsi(j: int, jab: Jabatan, add: Collector) -> None:
    """S010 no tugas, S011 no fungsi for eselon II/III (a line repeated: rules/lists.py)."""
    p = f"jabatan[{j}]"
    if all(is_blank(t) for t in jab.tugas):
        add("IKI-S010", jab, f"{p}.tugas", "Tugas jabatan belum diisi.")
    eselon_2_3 = jab.jenis in (JenisJabatan.JPT_PRATAMA, JenisJabatan.ADMINISTRATOR)
    if eselon_2_3 and all(is_blank(f) for f in jab.fungsi):
        add(
            "IKI-S011",
            jab,
            f"{p}.fungsi",
            f"Fungsi jabatan {jab.jenis} belum diisi (hanya eselon IV ke bawah yang boleh '-').",
        )


def _kinerja(j: int, jab: Jabatan, add: Collector) -> None:
    """S008 no kinerja at all, S009 a kinerja without indicator."""
    p = f"jabatan[{j}]"
    if not jab.kinerja:
        add("IKI-S008", jab, f"{p}.kinerja", "Jabatan ini belum punya kinerja dan indikator.")
    for k, kin in enumerate(jab.kinerja):
        if not kin.indikator:
            sasaran = quote(kin.sasaran) if not is_blank(kin.sasaran) else f"ke-{k + 1}"
            add(
                "IKI-S009",
                jab,
                f"{p}.kinerja[{k}].sasaran",
                f"Kinerja {sasaran} tidak punya indikator kinerja.",
            )


def _atasan(doc: Dokumen, add: Collector) -> None:
    """S005 no atasan, S006 an unknown atasan, S007 an atasan cycle."""
    ids = {jab.id for jab in doc.jabatan}
    has_kepala_dinas = any(j.jenis is JenisJabatan.JPT_PRATAMA for j in doc.jabatan)
    missing: list[int] = []
    for j, jab in enumerate(doc.jabatan):
        if jab.atasan is None or is_blank(jab.atasan):
            if jab.jenis in (None, JenisJabatan.JPT_PRATAMA):
                continue
            if jab.jenis is JenisJabatan.ADMINISTRATOR and not has_kepala_dinas:
                continue  # a document of eselon III & IV: the Kepala Dinas' IKI is elsewhere
            missing.append(j)
        elif jab.atasan not in ids:
            add(
                "IKI-S006",
                jab,
                f"jabatan[{j}].atasan",
                f"Atasan '{jab.atasan}' tidak ada di dokumen.",
            )
    _missing_atasan(doc, missing, add)
    position = {jab.id: j for j, jab in enumerate(doc.jabatan)}
    for cycle in atasan_cycles(doc):
        names = " → ".join(
            (doc.jabatan[position[i]].nama or i) for i in [*cycle, cycle[0]] if i in position
        )
        for jid in cycle:
            j = position[jid]
            add("IKI-S007", doc.jabatan[j], f"jabatan[{j}].atasan", f"Atasan berputar: {names}.")


def _missing_atasan(doc: Dokumen, missing: list[int], add: Collector) -> None:
    """S005 for each jabatan without atasan; once for the Dinas when no jabatan of the
    document has one (the Dinas does not use the column: one finding says it all)."""
    unused = len(missing) >= 2 and all(
        jab.atasan is None or is_blank(jab.atasan) for jab in doc.jabatan
    )
    if unused:
        add(
            "IKI-S005",
            dinas_of(doc),
            f"jabatan[{missing[0]}].atasan",
            f"Atasan belum diisi di seluruh dokumen ({len(missing)} jabatan), sehingga urutan "
            "lampiran dan cascading tidak dapat diperiksa.",
            "Isi atasan langsung setiap jabatan, mis. Kepala Bidang untuk Kepala Seksi.",
        )
        return
    for j in missing:
        jab = doc.jabatan[j]
        add("IKI-S005", jab, f"jabatan[{j}].atasan", f"Atasan jabatan {jab.jenis} ini belum diisi.")


def _out_of_order(positions: list[int]) -> int:
    """How many entries must move to make `positions` increasing: those off its longest
    increasing subsequence (patience sorting, n log n)."""
    tails: list[int] = []
    for x in positions:
        i = bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(positions) - len(tails)


def _sheet_order(doc: Dokumen, add: Collector) -> None:
    """S024: the Lampiran prints in sheet order (the document's order of jabatan); say so
    once when the atasan tree orders them otherwise. Not with an atasan cycle (S007) or an
    id used twice (S004): the tree is not known then."""
    if len(doc.jabatan) < 2 or atasan_cycles(doc):
        return
    in_org = [jab for jab, _ in org_order(doc)]
    if len(in_org) != len(doc.jabatan):
        return
    rank = {id(jab): n for n, jab in enumerate(in_org)}
    first = next((j for j, jab in enumerate(doc.jabatan) if in_org[j] is not jab), None)
    if first is None:
        return
    moved = _out_of_order([rank[id(jab)] for jab in doc.jabatan])
    here, expected = doc.jabatan[first], in_org[first]
    add(
        "IKI-S024",
        dinas_of(doc),
        f"jabatan[{first}].nama",
        f"Urutan sheet berbeda dari struktur organisasi: sheet jabatan ke-{first + 1} "
        f"{quote(here.nama or here.id)}, menurut atasan seharusnya "
        f"{quote(expected.nama or expected.id)} ({moved} jabatan perlu dipindah). Lampiran "
        "dicetak menurut urutan sheet.",
    )
