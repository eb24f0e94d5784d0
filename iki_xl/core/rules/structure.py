"""Structure rules (IKI-S…): names, ids, atasan, tugas and fungsi, kinerja, copied tables."""

from __future__ import annotations

from iki_xl.core.hierarchy import atasan_cycles
from iki_xl.core.model import Dokumen, Jabatan, JenisJabatan
from iki_xl.core.numbers import list_letter
from iki_xl.core.rules.common import Collector, is_blank, norm, quote


def check_structure(doc: Dokumen, add: Collector) -> None:
    _names_and_ids(doc, add)
    for j, jab in enumerate(doc.jabatan):
        _tugas_fungsi(j, jab, add)
        _kinerja(j, jab, add)
    _atasan(doc, add)
    _copied_tables(doc, add)


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
    """S010 no tugas, S011 no fungsi for eselon II/III, S012/S013 a line repeated."""
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
    for name, code, lines in (("tugas", "IKI-S012", jab.tugas), ("fungsi", "IKI-S013", jab.fungsi)):
        seen: dict[str, int] = {}
        for t, line in enumerate(lines):
            if is_blank(line):
                continue
            key = norm(line)
            if key not in seen:
                seen[key] = t
                continue
            add(
                code,
                jab,
                f"{p}.{name}[{t}]",
                f"Baris {name} {list_letter(t)} sama dengan baris {list_letter(seen[key])}: "
                f"{quote(line)}.",
                f"Hapus baris {name} {list_letter(t)}, atau tulis {name} yang seharusnya.",
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
    for j, jab in enumerate(doc.jabatan):
        p = f"jabatan[{j}]"
        if jab.atasan is None or is_blank(jab.atasan):
            if jab.jenis in (None, JenisJabatan.JPT_PRATAMA):
                continue
            if jab.jenis is JenisJabatan.ADMINISTRATOR and not has_kepala_dinas:
                continue  # a document of eselon III & IV: the Kepala Dinas' IKI is elsewhere
            add("IKI-S005", jab, f"{p}.atasan", f"Atasan jabatan {jab.jenis} ini belum diisi.")
        elif jab.atasan not in ids:
            add("IKI-S006", jab, f"{p}.atasan", f"Atasan '{jab.atasan}' tidak ada di dokumen.")
    position = {jab.id: j for j, jab in enumerate(doc.jabatan)}
    for cycle in atasan_cycles(doc):
        names = " → ".join(
            (doc.jabatan[position[i]].nama or i) for i in [*cycle, cycle[0]] if i in position
        )
        for jid in cycle:
            j = position[jid]
            add("IKI-S007", doc.jabatan[j], f"jabatan[{j}].atasan", f"Atasan berputar: {names}.")


def _copied_tables(doc: Dokumen, add: Collector) -> None:
    """S014: a kinerja table identical to another jabatan's."""
    tables: dict[tuple[object, ...], int] = {}
    for j, jab in enumerate(doc.jabatan):
        if not any(k.indikator for k in jab.kinerja):
            continue
        key = tuple(
            (
                norm(k.sasaran),
                tuple((norm(i.nama), norm(i.formulasi), norm(i.sumber_data)) for i in k.indikator),
            )
            for k in jab.kinerja
        )
        if key in tables:
            other = doc.jabatan[tables[key]]
            add(
                "IKI-S014",
                jab,
                f"jabatan[{j}].kinerja[0].sasaran",
                f"Tabel kinerja jabatan ini sama persis dengan tabel {quote(other.nama or other.id)}.",
            )
        else:
            tables[key] = j
