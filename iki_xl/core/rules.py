"""The validation catalogue: what real IKI documents get wrong, as findings.

`periksa(doc)` runs every rule on a completed copy of the document (`lengkapi`) and returns
every finding (it never stops at the first). Each finding carries a stable code, a
severity, a message and a suggestion in Bahasa Indonesia, the jabatan's nama, and the exact
model path (`jalur`) of the offending field; the workbook reader's map turns the jalur into
a sheet and a cell (`findings.tempatkan`).

Codes: IKI-S… structure, IKI-I… indicator, IKI-N… numbers, IKI-C… cascading, IKI-B…
bahasa (language). A code, once published, keeps its meaning; `KATALOG` describes every
code (it is the source of docs/rules.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from iki_xl.core import formulasi
from iki_xl.core.anggota import (
    ADMINISTRATOR,
    AKHIR,
    INDEKS,
    JPT_PRATAMA,
    JUMLAH,
    PENGAWAS,
    PENURUNAN,
    PERSENTASE,
    PERTUMBUHAN,
    RASIO,
    RATA_RATA,
    STATUS,
)
from iki_xl.core.ejaan import KATA_INGGRIS, NAMA_CAMEL, SALAH_EJA, perbaiki_ejaan
from iki_xl.core.findings import Keparahan, Temuan
from iki_xl.core.formula import (
    _urai,
    agregasi_baku,
    baca_angka,
    berhingga,
    ekspresi_valid,
    skor_status,
)
from iki_xl.core.formulasi import baca_formulasi, jenis_dari_nama, lengkapi_indikator, sudah_lengkap
from iki_xl.core.hierarchy import siklus_atasan
from iki_xl.core.hitung import HitunganDokumen
from iki_xl.core.model import (
    Dokumen,
    Indikator,
    Isian,
    Jabatan,
    JenisFormula,
    RentangTarget,
)

G, P, INFO = Keparahan.GALAT, Keparahan.PERINGATAN, Keparahan.INFO


@dataclass(frozen=True)
class Aturan:
    """One rule of the catalogue, described for the planner (Bahasa Indonesia)."""

    kode: str
    keparahan: Keparahan
    kelompok: str
    judul: str  # what is found
    alasan: str  # why it matters
    perbaikan: str  # how to fix it


KELOMPOK = {
    "S": "Struktur",
    "I": "Indikator",
    "N": "Angka (target dan realisasi)",
    "C": "Cascading",
    "B": "Bahasa",
}


def _a(kode: str, kep: Keparahan, judul: str, alasan: str, perbaikan: str) -> Aturan:
    return Aturan(kode, kep, KELOMPOK[kode[4]], judul, alasan, perbaikan)


KATALOG: tuple[Aturan, ...] = (
    # ------------------------------------------------------------------ struktur
    _a(
        "IKI-S001",
        G,
        "Nama jabatan kosong",
        "Setiap IKI ditetapkan untuk satu jabatan; tanpa nama, lampiran tidak dapat dibaca.",
        "Isi nama jabatan seperti pada SOTK, mis. 'Kepala Seksi Jaminan Sosial'.",
    ),
    _a(
        "IKI-S002",
        G,
        "Jenis jabatan kosong",
        "Jenis jabatan (JPT Pratama, Administrator, Pengawas, Fungsional, Pelaksana) "
        "menentukan aturan fungsi, atasan dan cascading.",
        "Pilih jenis jabatan dari daftar.",
    ),
    _a(
        "IKI-S003",
        G,
        "Jabatan ganda",
        "Dua jabatan dengan nama yang sama di unit yang sama membuat IKI tercetak dua kali.",
        "Hapus salah satu, atau bedakan namanya bila memang dua jabatan berbeda.",
    ),
    _a(
        "IKI-S004",
        G,
        "Id jabatan ganda",
        "Id jabatan dipakai untuk menunjuk atasan; id yang sama membuat atasan tidak jelas.",
        "Beri setiap jabatan id yang berbeda.",
    ),
    _a(
        "IKI-S005",
        P,
        "Atasan tidak diisi",
        "Hierarki IKI mengikuti struktur organisasi: tanpa atasan, urutan lampiran dan "
        "cascading tidak dapat diperiksa. (Administrator boleh tanpa atasan bila dokumen "
        "hanya memuat eselon III dan IV.)",
        "Isi atasan langsung jabatan ini, mis. Kepala Bidang untuk Kepala Seksi.",
    ),
    _a(
        "IKI-S006",
        G,
        "Atasan tidak dikenal",
        "Atasan menunjuk jabatan yang tidak ada di dokumen.",
        "Pilih atasan dari jabatan yang ada di dokumen.",
    ),
    _a(
        "IKI-S007",
        G,
        "Atasan berputar",
        "Rantai atasan kembali ke jabatan yang sama, sehingga tidak ada puncaknya.",
        "Perbaiki atasan salah satu jabatan di rantai itu.",
    ),
    _a(
        "IKI-S008",
        G,
        "Jabatan tanpa kinerja",
        "Setiap ASN wajib memiliki IKI: sekurang-kurangnya satu kinerja dengan indikatornya.",
        "Isi tabel Kinerja dan Indikator Kinerja jabatan ini.",
    ),
    _a(
        "IKI-S009",
        G,
        "Kinerja tanpa indikator",
        "Kinerja (sasaran) yang tidak punya indikator tidak dapat diukur.",
        "Isi Indikator Kinerja, Formulasi Penghitungan dan Sumber Data untuk sasaran ini, "
        "atau hapus barisnya.",
    ),
    _a(
        "IKI-S010",
        G,
        "Tugas kosong",
        "Tugas jabatan adalah dasar penyusunan indikator dan wajib tercantum di lampiran.",
        "Isi tugas jabatan sesuai peraturan kepala daerah tentang tugas dan fungsi.",
    ),
    _a(
        "IKI-S011",
        P,
        "Fungsi kosong untuk JPT Pratama/Administrator",
        "Fungsi wajib dicantumkan untuk eselon II dan III; untuk eselon IV ke bawah boleh '-'.",
        "Isi fungsi jabatan sesuai peraturan kepala daerah tentang tugas dan fungsi.",
    ),
    _a(
        "IKI-S012",
        P,
        "Baris tugas ganda",
        "Baris tugas yang sama tercetak dua kali (salinan yang terlewat).",
        "Hapus baris yang berulang, atau tulis tugas yang seharusnya.",
    ),
    _a(
        "IKI-S013",
        P,
        "Baris fungsi ganda",
        "Baris fungsi yang sama tercetak dua kali (salinan yang terlewat).",
        "Hapus baris yang berulang, atau tulis fungsi yang seharusnya.",
    ),
    _a(
        "IKI-S014",
        P,
        "Tabel kinerja sama dengan jabatan lain",
        "IKI setiap jabatan menjabarkan tugasnya sendiri; tabel yang sama persis dengan "
        "jabatan lain biasanya salinan yang belum disesuaikan.",
        "Susun kinerja dan indikator yang sesuai dengan tugas jabatan ini.",
    ),
    # ------------------------------------------------------------------ indikator
    _a(
        "IKI-I001",
        G,
        "Nama indikator kosong",
        "Baris indikator tanpa nama tidak dapat diukur maupun dilaporkan.",
        "Isi nama Indikator Kinerja, atau hapus barisnya.",
    ),
    _a(
        "IKI-I002",
        G,
        "Formulasi penghitungan kosong",
        "Tanpa formulasi, cara menghitung realisasi tidak jelas dan capaian tidak dapat dihitung.",
        "Tulis formulasi, mis. 'Jumlah A / Jumlah B × 100%' atau 'ƒ(x) = Σ …'.",
    ),
    _a(
        "IKI-I003",
        G,
        "Sumber data kosong",
        "Setiap indikator harus dapat diverifikasi dari sumber datanya.",
        "Isi Sumber Data: dokumen atau data tempat angka diambil.",
    ),
    _a(
        "IKI-I004",
        P,
        "Jenis formula tidak dikenali",
        "Dari nama dan formulasinya tidak dapat ditentukan apakah indikator ini persentase, "
        "jumlah, rasio, indeks atau status; capaian tidak dapat dihitung.",
        "Pilih jenis formula, atau tulis formulasi dalam bentuk baku.",
    ),
    _a(
        "IKI-I005",
        P,
        "Nama indikator dan jenis formulanya tidak sejalan",
        "Indikator 'Persentase …' harus dihitung sebagai pembagian; indikator 'Jumlah …' "
        "tidak dikali 100%.",
        "Samakan nama indikator dengan formulasinya.",
    ),
    _a(
        "IKI-I006",
        P,
        "Persentase tanpa penyebut",
        "Persentase adalah pembilang dibagi penyebut dikali 100%; tanpa penyebut hasilnya "
        "bukan persentase.",
        "Tulis pembilang dan penyebut, mis. 'Jumlah A / Jumlah B × 100%'.",
    ),
    _a(
        "IKI-I007",
        P,
        "Persentase tanpa × 100%",
        "Tanpa × 100% pembagian menghasilkan pecahan (0,85), bukan persen (85%).",
        "Tambahkan '× 100%' pada formulasi.",
    ),
    _a(
        "IKI-I008",
        P,
        "Formulasi sama dengan nama indikator",
        "Formulasi yang hanya mengulang nama indikator tidak menjelaskan cara menghitung.",
        "Tulis komponen yang dihitung dan cara menghitungnya.",
    ),
    _a(
        "IKI-I009",
        G,
        "Indikator status tanpa skala",
        "Indikator status/level dinilai dari skala (mis. KLA: Pratama 500–600, Madya "
        "601–700, Nindya 701–800, Utama 801–900, KLA 901–1000); tanpa skala capaian tidak "
        "dapat dihitung.",
        "Isi skala level dari yang terendah sampai tertinggi beserta batas nilainya.",
    ),
    _a(
        "IKI-I010",
        P,
        "Satuan tidak sesuai jenis formula",
        "Persentase bersatuan %, sedangkan jumlah, indeks dan status tidak.",
        "Sesuaikan satuan dengan jenis formulanya.",
    ),
    _a(
        "IKI-I011",
        P,
        "Indikator ganda dalam satu jabatan",
        "Indikator yang sama tercantum dua kali di IKI satu jabatan.",
        "Hapus indikator yang berulang.",
    ),
    _a(
        "IKI-I012",
        INFO,
        "Sumber data menyebut kantor, bukan data",
        "Sumber data sebaiknya menyebut dokumen atau data yang dapat diperiksa (laporan, "
        "daftar, aplikasi), bukan nama unit kerja.",
        "Tulis dokumen atau datanya, mis. 'Laporan bulanan Bidang …' atau 'Data DTKS'.",
    ),
    _a(
        "IKI-I013",
        G,
        "Ekspresi indeks tidak dapat dihitung",
        "Ekspresi indeks harus memakai kode komponen yang didefinisikan di bawahnya.",
        "Samakan kode di ekspresi dengan kode di baris definisi.",
    ),
    _a(
        "IKI-I014",
        P,
        "Indikator dan formulasi menghitung hal berbeda",
        "Indikator 'Jumlah X' harus dihitung dengan menjumlahkan X, bukan hal lain.",
        "Samakan yang dijumlahkan di formulasi dengan yang disebut di nama indikator.",
    ),
    # ------------------------------------------------------------------ angka
    _a(
        "IKI-N001",
        G,
        "Isian bukan angka",
        "Target dan realisasi harus berupa angka (atau level dari skala untuk indikator status).",
        "Ketik angkanya saja, mis. 85 atau 1234,5.",
    ),
    _a(
        "IKI-N002",
        INFO,
        "Teks dibaca sebagai angka",
        "Isian diketik sebagai teks ('85%', '1.234,5'); dibaca sesuai maksudnya.",
        "Ketik sebagai angka agar Excel dapat menghitungnya.",
    ),
    _a(
        "IKI-N003",
        G,
        "Angka negatif",
        "Jumlah orang, dokumen atau kegiatan tidak mungkin negatif.",
        "Periksa kembali angkanya.",
    ),
    _a(
        "IKI-N004",
        P,
        "Pembilang lebih besar dari penyebut",
        "Untuk persentase, bagian tidak dapat lebih besar dari keseluruhannya.",
        "Periksa kembali pembilang dan penyebut triwulan itu.",
    ),
    _a(
        "IKI-N005",
        G,
        "Penyebut 0",
        "Pembagian dengan 0 tidak menghasilkan angka. (0 / 0 pada triwulan yang memang "
        "tidak ada sasarannya dibiarkan, kecuali triwulan itu yang menentukan nilai tahunan.)",
        "Isi penyebut yang benar.",
    ),
    _a(
        "IKI-N006",
        P,
        "Target persentase di atas 100",
        "Persentase dari keseluruhan paling tinggi 100%.",
        "Periksa target; tulis dalam persen (85, bukan 8500).",
    ),
    _a(
        "IKI-N007",
        P,
        "Capaian perlu ditinjau (di atas 150% atau di bawah 50%)",
        "Capaian yang sangat tinggi atau sangat rendah sering menandakan target atau "
        "realisasi yang salah ketik. Capaian rendah baru diperiksa setelah TW IV terisi.",
        "Periksa target dan realisasi; bila benar, jelaskan di laporan.",
    ),
    _a(
        "IKI-N008",
        P,
        "Triwulan terisi tidak berurutan",
        "Triwulan yang kosong di antara triwulan yang sudah terisi membuat nilai tahunan salah.",
        "Isi triwulan yang terlewat (0 bila memang tidak ada).",
    ),
    _a(
        "IKI-N009",
        P,
        "Baseline tahun lalu kosong",
        "Indikator penurunan/pertumbuhan dihitung terhadap nilai tahun lalu (N−1).",
        "Isi baseline (nilai tahun N−1).",
    ),
    _a(
        "IKI-N010",
        P,
        "Realisasi terisi tetapi target kosong",
        "Capaian adalah realisasi dibanding target; tanpa target tidak dapat dihitung.",
        "Isi target indikator.",
    ),
    # ------------------------------------------------------------------ cascading
    _a(
        "IKI-C001",
        P,
        "Indikator belum menyebut indikator atasan yang didukung",
        "Indikator Pengawas dan Administrator harus mendukung indikator atasannya (pohon kinerja).",
        "Isi kolom Mendukung dengan nama indikator atasan yang didukung.",
    ),
    _a(
        "IKI-C002",
        P,
        "Indikator yang didukung tidak ada di IKI atasan",
        "Nama di kolom Mendukung harus sama dengan salah satu indikator atasan.",
        "Pilih nama indikator atasan persis seperti tertulis di IKI atasan.",
    ),
    # ------------------------------------------------------------------ bahasa
    _a(
        "IKI-B001",
        P,
        "Salah ketik",
        "Salah ketik yang sering ditemukan di dokumen IKI (Presentase, Prosentase, "
        "Pengitungan …) terbawa ke keputusan yang ditandatangani.",
        "Ganti dengan teks yang disarankan.",
    ),
    _a(
        "IKI-B002",
        P,
        "Kata berdempet",
        "Dua kata tertulis tanpa spasi ('KepalaSub.', 'PersentasePenyandang').",
        "Sisipkan spasi seperti pada teks yang disarankan.",
    ),
    _a(
        "IKI-B003",
        P,
        "Kata berulang",
        "Kata yang sama tertulis dua kali berturut-turut ('keuangan keuangan').",
        "Hapus kata yang berulang.",
    ),
    _a(
        "IKI-B004",
        INFO,
        "Spasi ganda",
        "Spasi ganda terbawa ke cetakan dan membuat teks tidak rata.",
        "Ganti spasi ganda dengan satu spasi.",
    ),
    _a(
        "IKI-B005",
        INFO,
        "Tanda hubung diikuti spasi",
        "Kata ulang dan kata majemuk ditulis tanpa spasi ('perundang-undangan').",
        "Hapus spasi setelah tanda hubung.",
    ),
    _a(
        "IKI-B006",
        INFO,
        "Tanpa spasi setelah koma",
        "Setelah koma diberi satu spasi ('umum, perkantoran').",
        "Tambahkan spasi setelah koma.",
    ),
    _a(
        "IKI-B007",
        INFO,
        "Kata bahasa Inggris",
        "Kata bahasa Inggris yang ada padanannya ('social', 'system') dalam teks berbahasa "
        "Indonesia.",
        "Ganti dengan kata bahasa Indonesia yang disarankan.",
    ),
)

ATURAN: dict[str, Aturan] = {a.kode: a for a in KATALOG}


# ---------------------------------------------------------------- helpers


class _Catatan:
    """Collects findings; the severity comes from the catalogue, never from the call site."""

    def __init__(self) -> None:
        self.temuan: list[Temuan] = []

    def __call__(self, kode: str, jab: Jabatan, jalur: str, pesan: str, saran: str = "") -> None:
        aturan = ATURAN[kode]
        self.temuan.append(
            Temuan(
                kode=kode,
                keparahan=aturan.keparahan,
                pesan=pesan,
                saran=saran or aturan.perbaikan,
                jabatan=jab.nama or jab.id,
                jalur=jalur,
            )
        )


_STRIP_KOSONG: Final = "-–— \n\t"  # a line of dashes or blanks is empty


def _kosong(s: str | None) -> bool:
    return s is None or not s.strip(_STRIP_KOSONG)


@lru_cache(maxsize=8192)
def _norm(s: str) -> str:
    """Comparison form of a line: case, spacing, trailing punctuation and 'dan' ignored."""
    t = " ".join(s.split()).casefold().rstrip(" ;,.:")
    for kata in (" dan", " serta"):
        if t.endswith(kata):
            t = t[: -len(kata)].rstrip(" ;,.:")
    return t


def _isian_kosong(x: Isian) -> bool:
    return x is None or (isinstance(x, str) and _kosong(x))


def _kutip(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return f"'{s}'" if len(s) <= n else f"'{s[: n - 1]}…'"


_TW = ("TW I", "TW II", "TW III", "TW IV")
_JENIS_HITUNGAN = {
    PERSENTASE,
    RASIO,
    JUMLAH,
    PENURUNAN,
    PERTUMBUHAN,
}
_PERSEN = {PERSENTASE, PENURUNAN, PERTUMBUHAN}


def _indikator(doc: Dokumen) -> Iterable[tuple[int, Jabatan, int, int, Indikator, str]]:
    for j, jab in enumerate(doc.jabatan):
        for k, kin in enumerate(jab.kinerja):
            for n, ind in enumerate(kin.indikator):
                yield j, jab, k, n, ind, f"jabatan[{j}].kinerja[{k}].indikator[{n}]"


# ---------------------------------------------------------------- struktur


def _struktur(doc: Dokumen, catat: _Catatan) -> None:
    ids: dict[str, int] = {}
    nama_unit: dict[tuple[str, str], int] = {}
    ada_jpt = any(j.jenis is JPT_PRATAMA for j in doc.jabatan)
    for j, jab in enumerate(doc.jabatan):
        p = f"jabatan[{j}]"
        if _kosong(jab.nama):
            catat("IKI-S001", jab, f"{p}.nama", f"Jabatan '{jab.id}' tidak punya nama.")
        if jab.jenis is None:
            catat("IKI-S002", jab, f"{p}.jenis", "Jenis jabatan belum diisi.")
        if jab.id in ids:
            lain = doc.jabatan[ids[jab.id]]
            catat(
                "IKI-S004",
                jab,
                f"{p}.id",
                f"Id '{jab.id}' sudah dipakai jabatan {_kutip(lain.nama or lain.id)}.",
            )
        else:
            ids[jab.id] = j
        if not _kosong(jab.nama):
            kunci = (_norm(jab.nama), _norm(jab.unit))
            if kunci in nama_unit:
                unit = f" di unit {_kutip(jab.unit)}" if jab.unit.strip() else ""
                catat(
                    "IKI-S003",
                    jab,
                    f"{p}.nama",
                    f"Jabatan {_kutip(jab.nama)}{unit} sudah ada di dokumen "
                    f"(jabatan ke-{nama_unit[kunci] + 1}).",
                )
            else:
                nama_unit[kunci] = j
        # tugas, fungsi
        if not any(not _kosong(t) for t in jab.tugas):
            catat("IKI-S010", jab, f"{p}.tugas", "Tugas jabatan belum diisi.")
        if jab.jenis in (JPT_PRATAMA, ADMINISTRATOR) and not any(
            not _kosong(f) for f in jab.fungsi
        ):
            catat(
                "IKI-S011",
                jab,
                f"{p}.fungsi",
                f"Fungsi jabatan {jab.jenis} belum diisi (hanya eselon IV ke bawah yang boleh '-').",
            )
        for nama_daftar, kode, daftar in (
            ("tugas", "IKI-S012", jab.tugas),
            ("fungsi", "IKI-S013", jab.fungsi),
        ):
            dilihat: dict[str, int] = {}
            for t, baris in enumerate(daftar):
                if _kosong(baris):
                    continue
                n = _norm(baris)
                if n in dilihat:
                    huruf = _huruf(dilihat[n])
                    catat(
                        kode,
                        jab,
                        f"{p}.{nama_daftar}[{t}]",
                        f"Baris {nama_daftar} {_huruf(t)} sama dengan baris {huruf}: {_kutip(baris)}.",
                        f"Hapus baris {nama_daftar} {_huruf(t)}, atau tulis {nama_daftar} yang "
                        "seharusnya.",
                    )
                else:
                    dilihat[n] = t
        # kinerja
        if not jab.kinerja:
            catat("IKI-S008", jab, f"{p}.kinerja", "Jabatan ini belum punya kinerja dan indikator.")
        for k, kin in enumerate(jab.kinerja):
            if not kin.indikator:
                sasaran = _kutip(kin.sasaran) if not _kosong(kin.sasaran) else f"ke-{k + 1}"
                catat(
                    "IKI-S009",
                    jab,
                    f"{p}.kinerja[{k}].sasaran",
                    f"Kinerja {sasaran} tidak punya indikator kinerja.",
                )
    # atasan
    for j, jab in enumerate(doc.jabatan):
        p = f"jabatan[{j}]"
        if jab.atasan is None or _kosong(jab.atasan):
            if jab.jenis in (None, JPT_PRATAMA):
                continue
            if jab.jenis is ADMINISTRATOR and not ada_jpt:
                continue  # a document of eselon III & IV: the Kepala Dinas' IKI is elsewhere
            catat("IKI-S005", jab, f"{p}.atasan", f"Atasan jabatan {jab.jenis} ini belum diisi.")
        elif jab.atasan not in ids:
            catat(
                "IKI-S006",
                jab,
                f"{p}.atasan",
                f"Atasan '{jab.atasan}' tidak ada di dokumen.",
            )
    posisi = {jab.id: j for j, jab in enumerate(doc.jabatan)}
    for siklus in siklus_atasan(doc):
        nama = " → ".join(
            (doc.jabatan[posisi[i]].nama or i) for i in [*siklus, siklus[0]] if i in posisi
        )
        for jid in siklus:
            j = posisi[jid]
            catat("IKI-S007", doc.jabatan[j], f"jabatan[{j}].atasan", f"Atasan berputar: {nama}.")
    # identical tables
    tabel: dict[tuple[object, ...], int] = {}
    for j, jab in enumerate(doc.jabatan):
        if not any(k.indikator for k in jab.kinerja):
            continue
        kunci_tabel = tuple(
            (
                _norm(k.sasaran),
                tuple(
                    (_norm(i.nama), _norm(i.formulasi), _norm(i.sumber_data)) for i in k.indikator
                ),
            )
            for k in jab.kinerja
        )
        if kunci_tabel in tabel:
            lain = doc.jabatan[tabel[kunci_tabel]]
            catat(
                "IKI-S014",
                jab,
                f"jabatan[{j}].kinerja[0].sasaran",
                f"Tabel kinerja jabatan ini sama persis dengan tabel {_kutip(lain.nama or lain.id)}.",
            )
        else:
            tabel[kunci_tabel] = j


def _huruf(i: int) -> str:
    return chr(ord("a") + i) if i < 26 else str(i + 1)


# ---------------------------------------------------------------- indikator

_PREFIKS = re.compile(
    r"^\s*(penjelasan\s*/\s*)?formula(si)?\s+peng\w*\s*:?\s*|^\s*rumus\s*:?\s*", re.IGNORECASE
)
_KANTOR = re.compile(
    r"^(dinas|dinsos|bidang|seksi|sub\s*bagian|subbag\w*|sekretariat|bagian|upt\w*|kantor"
    r"|opd|skpd|perangkat daerah|badan|kecamatan|kelurahan|unit)\b",
    re.IGNORECASE,
)
_DATA = re.compile(
    r"\b(data|dokumen|laporan|daftar|dtks|sistem|aplikasi|sk|surat|register|buku|rekap\w*"
    r"|database|basis|notulen|absensi|hadir|berita acara|lkj\w*|renstra|renja|dpa|bukti"
    r"|survei|survey|hasil)\b",
    re.IGNORECASE,
)
_NAMA_JENIS = {
    PERSENTASE: "persentase",
    JUMLAH: "jumlah",
    RASIO: "rasio",
    INDEKS: "indeks",
    STATUS: "status",
    PENURUNAN: "penurunan",
    PERTUMBUHAN: "pertumbuhan",
}
_SATUAN_PERSEN = {"%", "persen", "prosen", "persentase"}


def _satuan_persen(satuan: str) -> bool:
    return satuan.strip().casefold() in _SATUAN_PERSEN


_HENTI = frozenset(
    {"yang", "yg", "dan", "atau", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam"}
    | {"serta", "oleh", "bagi", "sudah", "telah", "akan", "jumlah", "jummlah", "banyaknya"}
    | {"total"}
)
_KATA = re.compile(r"[^\W\d_]+")
_AWAL_SUBJEK = re.compile(r"^\s*(jumlah|jummlah|banyaknya|total)\b", re.IGNORECASE)


_FX = re.compile(r"^\s*[ƒf]\s*\(\s*x\s*\)\s*=\s*", re.IGNORECASE)
_SIGMA = re.compile(r"[∑Σ]")
_YANG = re.compile(r"\b(?:yang|yg)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)  # a formula's first line recurs across indicators
def _subjek(teks: str) -> tuple[str, ...]:
    """The words of what is counted: before the first 'yang', without 'Jumlah', 'Σ'."""
    t = _FX.sub("", teks) if "(" in teks else teks  # (each pattern needs that character)
    if "∑" in t or "Σ" in t:
        t = _SIGMA.sub(" ", t)
    t = _AWAL_SUBJEK.sub("", t)
    t = _YANG.split(t, maxsplit=1)[0]
    return tuple(_KATA.findall(t))


def _sama_subjek(a: Sequence[str], b: Sequence[str]) -> bool:
    """Some word in common, or one side's acronym spelled by the other's initials."""
    ka = {w.casefold() for w in a if w.casefold() not in _HENTI}
    kb = {w.casefold() for w in b if w.casefold() not in _HENTI}
    if not ka or not kb or ka & kb:
        return True

    def singkatan(x: Sequence[str], y: Sequence[str]) -> bool:
        kata = [w for w in y if w.casefold() not in _HENTI]
        awal = "".join(w[0] for w in kata).casefold()
        return any(w.isupper() and len(w) > 1 and w.casefold() in awal for w in x)

    return singkatan(a, b) or singkatan(b, a)


def _indikator_rules(doc: Dokumen, catat: _Catatan) -> None:
    for _j, jab, k, n, ind, p in _indikator(doc):
        # each pydantic attribute read once (slow compiled); texts of findings built lazily
        jenis = ind.jenis
        teks_nama = ind.nama
        formulasi = ind.formulasi
        tanpa_nama = _kosong(teks_nama)
        if tanpa_nama:
            catat(
                "IKI-I001", jab, f"{p}.nama", f"Indikator ke-{n + 1} kinerja ke-{k + 1} tanpa nama."
            )
        nama = f"ke-{n + 1}" if tanpa_nama else _kutip(teks_nama)
        rumus = _PREFIKS.sub("", formulasi) if formulasi else ""
        ada_formula = not _kosong(rumus)
        if jenis is STATUS:
            if not ind.skala:
                catat(
                    "IKI-I009",
                    jab,
                    f"{p}.skala",
                    f"Indikator status {nama} tidak punya skala level, sehingga realisasi "
                    "dan capaiannya tidak dapat dinilai.",
                )
        elif not ada_formula:
            catat(
                "IKI-I002",
                jab,
                f"{p}.formulasi",
                f"Indikator {nama} belum punya formulasi penghitungan.",
            )
        if _kosong(ind.sumber_data):
            catat("IKI-I003", jab, f"{p}.sumber_data", f"Indikator {nama} belum punya sumber data.")
        if ada_formula and jenis is None:
            catat(
                "IKI-I004",
                jab,
                f"{p}.jenis",
                f"Jenis formula indikator {nama} tidak dapat dikenali dari nama dan formulasinya.",
            )
        d = baca_formulasi(formulasi, teks_nama)  # cached on (text, name's kind)
        dari_nama = jenis_dari_nama(teks_nama)  # = baca_formulasi("", teks_nama).jenis
        tak_sejalan = False  # name and formula disagree: the satuan check would only echo it
        if ada_formula and jenis is not None:
            persen_tanpa_penyebut = dari_nama is PERSENTASE and jenis is JUMLAH and d.kali_100
            if (jenis is PERSENTASE and not d.pecahan) or persen_tanpa_penyebut:
                tak_sejalan = True
                catat(
                    "IKI-I006",
                    jab,
                    f"{p}.formulasi",
                    f"Formulasi persentase {nama} tidak punya penyebut (pembagi).",
                )
            elif jenis is PERSENTASE and not d.kali_100:
                catat(
                    "IKI-I007",
                    jab,
                    f"{p}.formulasi",
                    f"Formulasi persentase {nama} tidak dikali 100%.",
                )
            elif dari_nama is PERSENTASE and jenis in (
                JUMLAH,
                INDEKS,
                STATUS,
            ):
                tak_sejalan = True
                catat(
                    "IKI-I005",
                    jab,
                    f"{p}.formulasi",
                    f"Indikator {nama} bernama 'Persentase …' tetapi formulasinya "
                    f"{_NAMA_JENIS[jenis]}, bukan pembagian.",
                    "Tulis formulasi sebagai pembagian × 100%, atau ganti nama indikator "
                    "sesuai yang dihitung ('Jumlah …').",
                )
            elif dari_nama is JUMLAH and (d.kali_100 or jenis in (PERSENTASE, RASIO)):
                tak_sejalan = True
                catat(
                    "IKI-I005",
                    jab,
                    f"{p}.formulasi",
                    f"Indikator {nama} bernama 'Jumlah …' tetapi formulasinya "
                    + ("dikali 100%." if d.kali_100 else "pembagian."),
                    "Hapus pembagian dan '× 100%' dari formulasi, atau ganti nama indikator "
                    "menjadi 'Persentase …'.",
                )
        if ada_formula and not tanpa_nama and _norm(rumus) == _norm(teks_nama):
            catat(
                "IKI-I008",
                jab,
                f"{p}.formulasi",
                f"Formulasi indikator {nama} hanya mengulang nama indikatornya.",
            )
        satuan = ind.satuan.strip()
        if satuan and jenis is not None and not tak_sejalan:
            if jenis in _PERSEN and not _satuan_persen(satuan):
                catat(
                    "IKI-I010",
                    jab,
                    f"{p}.satuan",
                    f"Indikator {_NAMA_JENIS[jenis]} {nama} bersatuan '{satuan}', bukan %.",
                    "Ganti satuan menjadi %.",
                )
            elif jenis not in _PERSEN and _satuan_persen(satuan):
                catat(
                    "IKI-I010",
                    jab,
                    f"{p}.satuan",
                    f"Indikator {_NAMA_JENIS[jenis]} {nama} bersatuan %, padahal "
                    "hasilnya bukan persentase.",
                    "Ganti satuan sesuai yang dihitung (orang, dokumen, kegiatan, indeks, level).",
                )
        ekspresi = ind.ekspresi if jenis is INDEKS else ""
        if ekspresi.strip() and ind.komponen:
            sebab = _ekspresi_valid(ekspresi, tuple(c.kode for c in ind.komponen))
            if sebab:
                catat(
                    "IKI-I013",
                    jab,
                    f"{p}.ekspresi",
                    f"Ekspresi indeks {nama} '{ekspresi}' tidak dapat dihitung: {sebab}.",
                )
        if ada_formula and jenis is JUMLAH and dari_nama is JUMLAH:
            baris = [b for b in rumus.splitlines() if b.strip()]
            sub_nama, sub_rumus = _subjek(teks_nama), _subjek(baris[0]) if baris else ()
            if not _sama_subjek(sub_nama, sub_rumus):
                catat(
                    "IKI-I014",
                    jab,
                    f"{p}.formulasi",
                    f"Indikator {nama} menghitung '{' '.join(sub_nama)}', tetapi formulasinya "
                    f"menjumlahkan '{' '.join(sub_rumus)}'.",
                )
    # per jabatan: duplicates, office-like sumber data
    for j, jab in enumerate(doc.jabatan):
        dilihat: dict[str, str] = {}
        kantor: dict[str, list[str]] = {}
        for k, kin in enumerate(jab.kinerja):
            for n, ind in enumerate(kin.indikator):
                p = f"jabatan[{j}].kinerja[{k}].indikator[{n}]"
                teks_nama = ind.nama
                if not _kosong(teks_nama):
                    kunci = _norm(teks_nama)
                    if kunci in dilihat:
                        catat(
                            "IKI-I011",
                            jab,
                            f"{p}.nama",
                            f"Indikator {_kutip(teks_nama)} sudah tercantum di jabatan ini.",
                        )
                    else:
                        dilihat[kunci] = p
                sumber = ind.sumber_data.strip().lstrip("-–• ").strip()
                if sumber and _KANTOR.match(sumber) and not _DATA.search(sumber):
                    kantor.setdefault(_norm(sumber), []).append(p)
        for jalur in kantor.values():
            ind0 = _ambil(doc, jalur[0])
            lagi = (
                f" (juga pada {len(jalur) - 1} indikator lain di jabatan ini)"
                if len(jalur) > 1
                else ""
            )
            catat(
                "IKI-I012",
                jab,
                f"{jalur[0]}.sumber_data",
                f"Sumber data {_kutip(ind0.sumber_data.strip())} menyebut unit kerja, bukan "
                f"dokumen atau data{lagi}.",
            )


# pure functions of text, called for every indicator: documents repeat their formulas
# (`baca_formulasi` caches itself, on the text and the kind the name suggests)
_ekspresi_valid = lru_cache(maxsize=1024)(ekspresi_valid)


def kosongkan_cache() -> None:
    """Forget the cached text analyses (benchmarks measure a cold run)."""
    for f in (_ekspresi_valid, _perbaiki, _analisis_bahasa, _norm, jenis_dari_nama, _subjek):
        f.cache_clear()
    formulasi._baca_formulasi.cache_clear()
    _urai.cache_clear()


def _ambil(doc: Dokumen, jalur: str) -> Indikator:
    j, k, n = (int(x) for x in re.findall(r"\[(\d+)\]", jalur))
    return doc.jabatan[j].kinerja[k].indikator[n]


# ---------------------------------------------------------------- angka


def _baca(catat: _Catatan, jab: Jabatan, jalur: str, x: Isian, apa: str) -> float | None:
    """A cell as a number: N002 when typed as text but readable, N001 when not a number."""
    if x is None:
        return None
    if type(x) is float and berhingga(x):  # the common case, as baca_angka reads it
        return x
    if _isian_kosong(x):
        return None
    h = baca_angka(x)
    if h.nilai is None:
        catat("IKI-N001", jab, jalur, f"{apa} {_kutip(str(x), 30)} bukan angka.")
        return None
    if isinstance(x, str):
        catat(
            "IKI-N002",
            jab,
            jalur,
            f"{apa} diketik sebagai teks {_kutip(x, 30)}; dibaca sebagai {_fmt(h.nilai)}.",
            f"Ketik {_fmt(h.nilai)} sebagai angka.",
        )
    return h.nilai


def _fmt(x: float) -> str:
    return f"{x:,.4f}".rstrip("0").rstrip(".").replace(",", "_").replace(".", ",").replace("_", ".")


def _level(catat: _Catatan, jab: Jabatan, jalur: str, x: Isian, ind: Indikator, apa: str) -> None:
    if _isian_kosong(x) or not ind.skala:
        return
    if skor_status(x, ind.skala).nilai is None:
        level = ", ".join(lv.nama for lv in ind.skala)
        catat(
            "IKI-N001",
            jab,
            jalur,
            f"{apa} {_kutip(str(x), 30)} bukan level dari skala indikator ini.",
            f"Pilih salah satu level: {level}.",
        )


def _urutan_triwulan(
    catat: _Catatan, jab: Jabatan, p: str, komponen: int, tw: Sequence[Isian]
) -> None:
    """N008: a quarter left empty between two filled ones, in the indicator's own
    realisation (`komponen` -1) or in that of a component."""
    terisi = [i for i, x in enumerate(tw) if not _isian_kosong(x)]
    if len(terisi) < 2:
        return
    lubang = [i for i in range(terisi[0], terisi[-1]) if i not in terisi]
    if lubang:
        i = lubang[0]
        sesudah = next(t for t in terisi if t > i)
        jalur = f"{p}.realisasi" if komponen < 0 else f"{p}.komponen[{komponen}].realisasi"
        catat(
            "IKI-N008",
            jab,
            f"{jalur}[{i}]",
            f"Realisasi {_TW[i]} kosong, padahal {_TW[sesudah]} sudah terisi.",
            f"Isi realisasi {_TW[i]} (0 bila memang tidak ada).",
        )


def _nama_indikator(ind: Indikator) -> str:
    return _kutip(ind.nama) if not _kosong(ind.nama) else "ini"


def _angka_rules(doc: Dokumen, catat: _Catatan, memo: HitunganDokumen) -> None:
    # Each pydantic attribute is read once per indicator, and the texts of a finding (its
    # jalur, the indicator's quoted name) are built only for a finding: on a clean
    # indicator these rules do nothing but compare numbers.
    for j, jab, k, n, ind, p in _indikator(doc):
        jenis = ind.jenis
        komponen = ind.komponen
        status = jenis is STATUS
        hitungan = jenis in _JENIS_HITUNGAN
        # target
        target = ind.target
        if status:
            if isinstance(target, str | float):
                _level(catat, jab, f"{p}.target", target, ind, "Target")
        elif isinstance(target, RentangTarget):
            if jenis is PERSENTASE and target.atas > 100:
                catat(
                    "IKI-N006",
                    jab,
                    f"{p}.target",
                    f"Batas atas target persentase {_nama_indikator(ind)} {_fmt(target.atas)}, "
                    "di atas 100.",
                )
        elif target is not None:
            t = (
                target  # the common case (nothing to report), without building the jalur
                if type(target) is float and berhingga(target)
                else _baca(catat, jab, f"{p}.target", target, "Target")
            )
            if t is not None and t < 0 and jenis in (JUMLAH, PERSENTASE, RASIO):
                catat(
                    "IKI-N003",
                    jab,
                    f"{p}.target",
                    f"Target {_nama_indikator(ind)} negatif ({_fmt(t)}).",
                )
            if t is not None and t > 100 and jenis is PERSENTASE:
                catat(
                    "IKI-N006",
                    jab,
                    f"{p}.target",
                    f"Target persentase {_nama_indikator(ind)} {_fmt(t)}, di atas 100.",
                )
        # realisasi
        pakai_komponen = bool(komponen) and not status
        ada_realisasi = False
        tw4 = False  # the fourth quarter filled
        if pakai_komponen:
            nilai: list[list[float | None]] = []
            for c, kom in enumerate(komponen):
                realisasi = kom.realisasi
                baris: list[float | None] = []
                for t_i, x in enumerate(realisasi):
                    if x is None:  # fast paths of _baca: nothing to report
                        baris.append(None)
                        continue
                    if type(x) is float and berhingga(x) and x >= 0:
                        baris.append(x)
                        ada_realisasi = True
                        continue
                    jalur = f"{p}.komponen[{c}].realisasi[{t_i}]"
                    apa = f"Realisasi {kom.kode} {_TW[t_i]}"
                    v = _baca(catat, jab, jalur, x, apa)
                    baris.append(v)
                    ada_realisasi = ada_realisasi or not _isian_kosong(x)
                    if v is not None and v < 0 and hitungan:
                        catat("IKI-N003", jab, jalur, f"{apa} negatif ({_fmt(v)}).")
                nilai.append(baris)
                tw4 = tw4 or not _isian_kosong(realisasi[3])
                _urutan_triwulan(catat, jab, p, c, realisasi)
            if (jenis is PERSENTASE or jenis is RASIO) and len(nilai) >= 2:
                _pembagi(catat, jab, ind, p, jenis, nilai)
        else:
            apa = "Realisasi"
            realisasi = ind.realisasi
            for t_i, x in enumerate(realisasi):
                ada_realisasi = ada_realisasi or not _isian_kosong(x)
                if x is None or (type(x) is float and berhingga(x) and x >= 0 and not status):
                    continue  # nothing to report (as _level and _baca would find)
                jalur = f"{p}.realisasi[{t_i}]"
                if status:
                    _level(catat, jab, jalur, x, ind, f"{apa} {_TW[t_i]}")
                    continue
                v = _baca(catat, jab, jalur, x, f"{apa} {_TW[t_i]}")
                if v is not None and v < 0 and hitungan:
                    catat("IKI-N003", jab, jalur, f"{apa} {_TW[t_i]} negatif ({_fmt(v)}).")
            tw4 = not _isian_kosong(realisasi[3])
            _urutan_triwulan(catat, jab, p, -1, realisasi)
        if jenis is PENURUNAN or jenis is PERTUMBUHAN:
            baseline = ind.baseline
            if baseline is None and ada_realisasi:
                catat(
                    "IKI-N009",
                    jab,
                    f"{p}.baseline",
                    f"Baseline (N−1) indikator {_nama_indikator(ind)} kosong.",
                )
            elif baseline == 0:
                catat(
                    "IKI-N005",
                    jab,
                    f"{p}.baseline",
                    f"Baseline (N−1) indikator {_nama_indikator(ind)} bernilai 0.",
                )
        kosong_target = target is None or (isinstance(target, str) and _kosong(target))
        if ada_realisasi and kosong_target:
            catat(
                "IKI-N010",
                jab,
                f"{p}.target",
                f"Realisasi indikator {_nama_indikator(ind)} sudah diisi, target belum.",
            )
        if ada_realisasi and not kosong_target and jenis is not None:
            # only the capaian is needed: exactly `hitung_indikator(...).capaian` without the
            # four quarter values and the predikat; kept in `memo` for the Rekap
            cp = memo.capaian((j, k, n), ind)[1].nilai
            if cp is not None and (cp > 150 or (cp < 50 and tw4)):
                arah = "di atas 150%" if cp > 150 else "di bawah 50%"
                catat(
                    "IKI-N007",
                    jab,
                    f"{p}.target",
                    f"Capaian indikator {_nama_indikator(ind)} {_fmt(round(cp, 1))}% ({arah}); "
                    "periksa target dan realisasinya.",
                )


def _pembagi(
    catat: _Catatan,
    jab: Jabatan,
    ind: Indikator,
    p: str,
    jenis: JenisFormula,
    nilai: list[list[float | None]],
) -> None:
    """N005 (denominator 0) and N004 (numerator above denominator) per quarter."""
    cara = ind.agregasi or agregasi_baku(jenis)
    pembilang, penyebut = nilai[0], nilai[1]
    terisi = [t for t in range(4) if penyebut[t] is not None]
    for t_i in range(4):
        a, b = pembilang[t_i], penyebut[t_i]
        # 0 / 0 in a quarter with nothing to handle is no error unless that
        # quarter alone makes the year's value (akhir: the last; rata-rata: each)
        menentukan = cara is RATA_RATA or (cara is AKHIR and bool(terisi) and t_i == terisi[-1])
        if b == 0 and ((a is not None and a != 0) or menentukan):
            kb = ind.komponen[1].kode
            catat(
                "IKI-N005",
                jab,
                f"{p}.komponen[1].realisasi[{t_i}]",
                f"Penyebut {kb} {_TW[t_i]} indikator {_nama_indikator(ind)} bernilai 0.",
            )
        elif jenis is PERSENTASE and a is not None and b is not None and a > b >= 0:
            ka, kb = ind.komponen[0].kode, ind.komponen[1].kode
            catat(
                "IKI-N004",
                jab,
                f"{p}.komponen[0].realisasi[{t_i}]",
                f"{_TW[t_i]}: pembilang {ka} ({_fmt(a)}) lebih besar dari penyebut {kb} "
                f"({_fmt(b)}).",
            )


# ---------------------------------------------------------------- cascading


def _cascading(doc: Dokumen, catat: _Catatan) -> None:
    posisi = {jab.id: j for j, jab in enumerate(doc.jabatan)}
    for j, jab in enumerate(doc.jabatan):
        if jab.jenis not in (PENGAWAS, ADMINISTRATOR):
            continue
        if not jab.atasan or jab.atasan not in posisi or jab.atasan == jab.id:
            continue
        atasan = doc.jabatan[posisi[jab.atasan]]
        milik_atasan = {
            _norm(i.nama): i.nama for _, i in atasan.semua_indikator() if i.nama.strip()
        }
        if not milik_atasan:
            continue
        daftar = "; ".join(list(milik_atasan.values())[:5])
        kosong: list[str] = []
        for k, kin in enumerate(jab.kinerja):
            for n, ind in enumerate(kin.indikator):
                p = f"jabatan[{j}].kinerja[{k}].indikator[{n}].mendukung"
                if _kosong(ind.mendukung):
                    kosong.append(p)
                elif _norm(ind.mendukung) not in milik_atasan:
                    catat(
                        "IKI-C002",
                        jab,
                        p,
                        f"{_kutip(ind.mendukung)} bukan indikator atasan "
                        f"{_kutip(atasan.nama or atasan.id)}.",
                        f"Pilih salah satu indikator atasan: {daftar}.",
                    )
        if kosong:
            lagi = (
                f" (dan {len(kosong) - 1} indikator lain di jabatan ini)" if len(kosong) > 1 else ""
            )
            catat(
                "IKI-C001",
                jab,
                kosong[0],
                f"Indikator ini belum menyebut indikator atasan {_kutip(atasan.nama or atasan.id)} "
                f"yang didukungnya{lagi}.",
                f"Isi kolom Mendukung dengan salah satu indikator atasan: {daftar}.",
            )


# ---------------------------------------------------------------- bahasa

_BERDEMPET = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
_TOKEN = re.compile(r"\S+")
_ULANG = re.compile(r"\b([^\W\d_]{2,})(\s+)(\1)\b", re.IGNORECASE)
_SPASI_GANDA = re.compile(r"(?<=\S) {2,}(?=\S)")
_HUBUNG_SPASI = re.compile(r"(?<=[^\W\d_]{2})- +(?=[^\W\d_])")
_KOMA = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")


_ADA_DEMPET = re.compile(r"[a-z]{2}[A-Z][a-z]")


def _pisah_dempet(teks: str) -> str:
    if not _ADA_DEMPET.search(teks):
        return teks

    def token(m: re.Match[str]) -> str:
        t = m.group(0)
        if not _ADA_DEMPET.search(t) or "@" in t or "://" in t or t.lower().startswith("www."):
            return t
        if "".join(_KATA.findall(t)).casefold() in NAMA_CAMEL:
            return t
        return _BERDEMPET.sub(" ", t)

    return _TOKEN.sub(token, teks)


def _hapus_ulang(teks: str) -> str:
    return _ULANG.sub(
        lambda m: m.group(1) if m.group(1).casefold() == m.group(3).casefold() else m.group(0),
        teks,
    )


def perbaiki_teks(teks: str) -> str:
    """The text with every language fix applied: the suggestion of every IKI-B finding."""
    return _perbaiki(teks)


@lru_cache(maxsize=4096)
def _perbaiki(teks: str) -> str:
    t = _pisah_dempet(teks)
    if _ADA_SALAH.search(t):
        t = perbaiki_ejaan(t, SALAH_EJA)[0]
    if _ADA_INGGRIS.search(t):
        t = perbaiki_ejaan(t, KATA_INGGRIS)[0]
    if _ULANG.search(t):
        t = _hapus_ulang(t)
    if "-" in t:
        t = _HUBUNG_SPASI.sub("-", t)
    if "," in t:
        t = _KOMA.sub(", ", t)
    if "  " in t:
        t = _SPASI_GANDA.sub(" ", t)
    return t


def _alternatif(kata: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, kata)) + r")\b", re.IGNORECASE)


_ADA_SALAH = _alternatif(SALAH_EJA)
_ADA_INGGRIS = _alternatif(KATA_INGGRIS)


# the words those two alternations look for, as one set (all lower-case ASCII letters)
_PEMICU_KATA = frozenset(SALAH_EJA) | frozenset(KATA_INGGRIS)
_KATA_W = re.compile(r"\w+")


def _mungkin_salah(t: str) -> bool:
    """Whether any trigger `_perbaiki` acts on occurs; False means `_perbaiki(t) == t`, so no
    language finding. (One combined alternation was measured slower than these searches.)

    For an ASCII text the word lists are looked up in the set of its words: a whole-word,
    any-case match of an alternation is exactly a lower-cased \\w+ run in the set. A doubled
    word needs some word twice, so `_ULANG` runs only then."""
    if _ADA_DEMPET.search(t):
        return True
    if t.isascii():
        kata = _KATA_W.findall(t.lower())
        if not _PEMICU_KATA.isdisjoint(kata):
            return True
        if len(set(kata)) < len(kata) and _ULANG.search(t):
            return True
    elif _ADA_SALAH.search(t) or _ADA_INGGRIS.search(t) or _ULANG.search(t):
        return True
    return bool(
        ("  " in t and _SPASI_GANDA.search(t))
        or ("-" in t and _HUBUNG_SPASI.search(t))
        or ("," in t and _KOMA.search(t))
    )


def _pasangan(temu: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"'{a}' → '{b}'" for a, b in temu)


_MEDAN_INDIKATOR = ("nama", "formulasi", "penjelasan", "sumber_data", "satuan", "mendukung")


def _bahasa(doc: Dokumen, catat: _Catatan) -> None:
    # every text of a jabatan, in sheet order; a jalur is built only for a finding
    analisis = _analisis_bahasa
    for j, jab in enumerate(doc.jabatan):
        p = f"jabatan[{j}]"
        if jab.nama and (hasil := analisis(jab.nama))[1]:
            _catat_bahasa(catat, jab, f"{p}.nama", hasil)
        for t, teks in enumerate(jab.tugas):
            if teks and (hasil := analisis(teks))[1]:
                _catat_bahasa(catat, jab, f"{p}.tugas[{t}]", hasil)
        for f, teks in enumerate(jab.fungsi):
            if teks and (hasil := analisis(teks))[1]:
                _catat_bahasa(catat, jab, f"{p}.fungsi[{f}]", hasil)
        for k, kin in enumerate(jab.kinerja):
            if kin.sasaran and (hasil := analisis(kin.sasaran))[1]:
                _catat_bahasa(catat, jab, f"{p}.kinerja[{k}].sasaran", hasil)
            for n, ind in enumerate(kin.indikator):
                for medan in _MEDAN_INDIKATOR:
                    teks = getattr(ind, medan)
                    if teks and (hasil := analisis(teks))[1]:
                        q = f"{p}.kinerja[{k}].indikator[{n}].{medan}"
                        _catat_bahasa(catat, jab, q, hasil)


def _catat_bahasa(
    catat: _Catatan, jab: Jabatan, jalur: str, hasil: tuple[str, tuple[tuple[str, str], ...]]
) -> None:
    benar, temuan = hasil
    for kode, pesan in temuan:
        catat(kode, jab, jalur, pesan, benar)


@lru_cache(maxsize=4096)
def _analisis_bahasa(teks: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """(corrected text, ((code, message), …)) of one text; texts repeat, so it is cached.

    A text none of the language rules can touch (most of them) is done after the trigger
    searches alone, without building the corrected text."""
    if not _mungkin_salah(teks):
        return teks, ()
    benar = _perbaiki(teks)
    if benar == teks:
        return benar, ()
    hasil: list[tuple[str, str]] = []
    # misspellings are looked for in the text with glued words already apart
    pisah = _pisah_dempet(teks)
    temu = perbaiki_ejaan(pisah, SALAH_EJA)[1]
    if temu:
        hasil.append(("IKI-B001", f"Salah ketik: {_pasangan(temu)}."))
    dempet = [t for t in _TOKEN.findall(teks) if _pisah_dempet(t) != t]
    if dempet:
        daftar = ", ".join(f"'{t}'" for t in dict.fromkeys(dempet))
        hasil.append(("IKI-B002", f"Kata berdempet: {daftar}."))
    ulang = [
        m.group(1) for m in _ULANG.finditer(teks) if m.group(1).casefold() == m.group(3).casefold()
    ]
    if ulang:
        hasil.append(("IKI-B003", "Kata berulang: " + ", ".join(f"'{w} {w}'" for w in ulang) + "."))
    if _SPASI_GANDA.search(teks):
        hasil.append(("IKI-B004", f"Spasi ganda di {_kutip(teks)}."))
    if _HUBUNG_SPASI.search(teks):
        contoh = ", ".join(f"'{m.group(0)}'" for m in re.finditer(r"[^\W\d_]+- +[^\W\d_]+", teks))
        hasil.append(("IKI-B005", f"Tanda hubung diikuti spasi: {contoh}."))
    if _KOMA.search(teks):
        contoh = ", ".join(f"'{m.group(0)}'" for m in re.finditer(r"[^\W\d_]+,[^\W\d_]+", teks))
        hasil.append(("IKI-B006", f"Tidak ada spasi setelah koma: {contoh}."))
    temu = perbaiki_ejaan(pisah, KATA_INGGRIS)[1]
    if temu:
        hasil.append(("IKI-B007", f"Kata bahasa Inggris: {_pasangan(temu)}."))
    return benar, tuple(hasil)


# ---------------------------------------------------------------- entry point


def _lengkap(doc: Dokumen) -> Dokumen:
    """`formulasi.lengkapi` without the deep copy: the rules only read, so the completed
    view shares every unchanged object with the input (which is never modified)."""
    return doc.model_copy(
        update={
            "jabatan": [
                jab.model_copy(
                    update={
                        "kinerja": [
                            kin.model_copy(
                                update={"indikator": [lengkapi_indikator(i) for i in kin.indikator]}
                            )
                            for kin in jab.kinerja
                        ]
                    }
                )
                for jab in doc.jabatan
            ]
        }
    )


def periksa(doc: Dokumen, *, hitungan: HitunganDokumen | None = None) -> list[Temuan]:
    """Every finding of every rule on the document (which is never changed).

    Kinds and components are completed on a copy (`formulasi.lengkapi`) before the rules
    run. Findings come in rule order; sort them with `findings.urutkan` once placed.
    `hitungan`: where the indicators' computed values are kept, to be reused by the Rekap
    (`consolidate.rekap_dinas(..., hitungan=...)`) for the same completed document; pass a
    fresh one per document.
    """
    if hitungan is None:  # (not `or`: an empty HitunganDokumen is falsy)
        hitungan = HitunganDokumen()
    lengkap = doc if sudah_lengkap(doc) else _lengkap(doc)
    catat = _Catatan()
    _struktur(lengkap, catat)
    _indikator_rules(lengkap, catat)
    _angka_rules(lengkap, catat, hitungan)
    _cascading(lengkap, catat)
    _bahasa(lengkap, catat)
    return catat.temuan


# ---------------------------------------------------------------- the catalogue as text

LABEL_KEPARAHAN = {G: "galat", P: "peringatan", INFO: "info"}


def katalog_markdown() -> str:
    """docs/rules.md: every rule's code, severity, what, why and how to fix."""
    baris = [
        "# Aturan validasi IKI",
        "",
        "<!-- Dibuat otomatis dari iki_xl/core/rules.py (KATALOG) dengan "
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
        f"Jumlah aturan: {len(KATALOG)}.",
    ]
    for awalan, kelompok in KELOMPOK.items():
        aturan = [a for a in KATALOG if a.kode[4] == awalan]
        baris += [
            "",
            f"## {kelompok} (IKI-{awalan}…)",
            "",
            "| Kode | Keparahan | Temuan | Alasan | Cara memperbaiki |",
            "|---|---|---|---|---|",
        ]
        for a in aturan:
            sel = [a.kode, LABEL_KEPARAHAN[a.keparahan], a.judul, a.alasan, a.perbaikan]
            baris.append("| " + " | ".join(s.replace("|", "\\|") for s in sel) + " |")
    return "\n".join(baris) + "\n"
