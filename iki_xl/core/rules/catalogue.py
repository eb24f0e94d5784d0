"""The validation catalogue, as data: every rule's code, severity, group, and the texts a
planner reads (what is found, why it matters, how to fix it), in Bahasa Indonesia.

Codes: IKI-S… structure, IKI-I… indicator, IKI-N… numbers, IKI-C… cascading, IKI-B…
bahasa (language). A code, once published, keeps its meaning. The catalogue is the source
of docs/rules.md (`catalogue_markdown`) and of `iki-xl rules`.
"""

from __future__ import annotations

from dataclasses import dataclass

from iki_xl.core.findings import Severity

G, P, INFO = Severity.GALAT, Severity.PERINGATAN, Severity.INFO

GROUPS = {
    "S": "Struktur",
    "I": "Indikator",
    "N": "Angka (target dan realisasi)",
    "C": "Cascading",
    "B": "Bahasa",
}


@dataclass(frozen=True)
class Rule:
    """One rule of the catalogue, described for the planner (Bahasa Indonesia)."""

    code: str
    severity: Severity
    group: str
    title: str  # what is found
    reason: str  # why it matters
    fix: str  # how to fix it

    def to_json(self) -> dict[str, str]:
        """`iki-xl rules --format json`: the keys published since the first release."""
        return {
            "kode": self.code,
            "keparahan": str(self.severity),
            "kelompok": self.group,
            "judul": self.title,
            "alasan": self.reason,
            "perbaikan": self.fix,
        }


def _rule(code: str, severity: Severity, title: str, reason: str, fix: str) -> Rule:
    return Rule(code, severity, GROUPS[code[4]], title, reason, fix)


CATALOGUE: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ struktur
    _rule(
        "IKI-S001",
        G,
        "Nama jabatan kosong",
        "Setiap IKI ditetapkan untuk satu jabatan; tanpa nama, lampiran tidak dapat dibaca.",
        "Isi nama jabatan seperti pada SOTK, mis. 'Kepala Seksi Jaminan Sosial'.",
    ),
    _rule(
        "IKI-S002",
        G,
        "Jenis jabatan kosong",
        "Jenis jabatan (JPT Pratama, Administrator, Pengawas, Fungsional, Pelaksana) "
        "menentukan aturan fungsi, atasan dan cascading.",
        "Pilih jenis jabatan dari daftar.",
    ),
    _rule(
        "IKI-S003",
        G,
        "Jabatan ganda",
        "Dua jabatan dengan nama yang sama di unit yang sama membuat IKI tercetak dua kali.",
        "Hapus salah satu, atau bedakan namanya bila memang dua jabatan berbeda.",
    ),
    _rule(
        "IKI-S004",
        G,
        "Id jabatan ganda",
        "Id jabatan dipakai untuk menunjuk atasan; id yang sama membuat atasan tidak jelas.",
        "Beri setiap jabatan id yang berbeda.",
    ),
    _rule(
        "IKI-S005",
        P,
        "Atasan tidak diisi",
        "Hierarki IKI mengikuti struktur organisasi: tanpa atasan, urutan lampiran dan "
        "cascading tidak dapat diperiksa. (Administrator boleh tanpa atasan bila dokumen "
        "hanya memuat eselon III dan IV.)",
        "Isi atasan langsung jabatan ini, mis. Kepala Bidang untuk Kepala Seksi.",
    ),
    _rule(
        "IKI-S006",
        G,
        "Atasan tidak dikenal",
        "Atasan menunjuk jabatan yang tidak ada di dokumen.",
        "Pilih atasan dari jabatan yang ada di dokumen.",
    ),
    _rule(
        "IKI-S007",
        G,
        "Atasan berputar",
        "Rantai atasan kembali ke jabatan yang sama, sehingga tidak ada puncaknya.",
        "Perbaiki atasan salah satu jabatan di rantai itu.",
    ),
    _rule(
        "IKI-S008",
        G,
        "Jabatan tanpa kinerja",
        "Setiap ASN wajib memiliki IKI: sekurang-kurangnya satu kinerja dengan indikatornya.",
        "Isi tabel Kinerja dan Indikator Kinerja jabatan ini.",
    ),
    _rule(
        "IKI-S009",
        G,
        "Kinerja tanpa indikator",
        "Kinerja (sasaran) yang tidak punya indikator tidak dapat diukur.",
        "Isi Indikator Kinerja, Formulasi Penghitungan dan Sumber Data untuk sasaran ini, "
        "atau hapus barisnya.",
    ),
    _rule(
        "IKI-S010",
        G,
        "Tugas kosong",
        "Tugas jabatan adalah dasar penyusunan indikator dan wajib tercantum di lampiran.",
        "Isi tugas jabatan sesuai peraturan kepala daerah tentang tugas dan fungsi.",
    ),
    _rule(
        "IKI-S011",
        P,
        "Fungsi kosong untuk JPT Pratama/Administrator",
        "Fungsi wajib dicantumkan untuk eselon II dan III; untuk eselon IV ke bawah boleh '-'.",
        "Isi fungsi jabatan sesuai peraturan kepala daerah tentang tugas dan fungsi.",
    ),
    _rule(
        "IKI-S012",
        P,
        "Baris tugas ganda",
        "Baris tugas yang sama tercetak dua kali (salinan yang terlewat).",
        "Hapus baris yang berulang, atau tulis tugas yang seharusnya.",
    ),
    _rule(
        "IKI-S013",
        P,
        "Baris fungsi ganda",
        "Baris fungsi yang sama tercetak dua kali (salinan yang terlewat).",
        "Hapus baris yang berulang, atau tulis fungsi yang seharusnya.",
    ),
    _rule(
        "IKI-S014",
        P,
        "Tabel kinerja sama dengan jabatan lain",
        "IKI setiap jabatan menjabarkan tugasnya sendiri; tabel yang sama persis dengan "
        "jabatan lain biasanya salinan yang belum disesuaikan.",
        "Susun kinerja dan indikator yang sesuai dengan tugas jabatan ini.",
    ),
    # ------------------------------------------------------------------ indikator
    _rule(
        "IKI-I001",
        G,
        "Nama indikator kosong",
        "Baris indikator tanpa nama tidak dapat diukur maupun dilaporkan.",
        "Isi nama Indikator Kinerja, atau hapus barisnya.",
    ),
    _rule(
        "IKI-I002",
        G,
        "Formulasi penghitungan kosong",
        "Tanpa formulasi, cara menghitung realisasi tidak jelas dan capaian tidak dapat dihitung.",
        "Tulis formulasi, mis. 'Jumlah A / Jumlah B × 100%' atau 'ƒ(x) = Σ …'.",
    ),
    _rule(
        "IKI-I003",
        G,
        "Sumber data kosong",
        "Setiap indikator harus dapat diverifikasi dari sumber datanya.",
        "Isi Sumber Data: dokumen atau data tempat angka diambil.",
    ),
    _rule(
        "IKI-I004",
        P,
        "Jenis formula tidak dikenali",
        "Dari nama dan formulasinya tidak dapat ditentukan apakah indikator ini persentase, "
        "jumlah, rasio, indeks atau status; capaian tidak dapat dihitung.",
        "Pilih jenis formula, atau tulis formulasi dalam bentuk baku.",
    ),
    _rule(
        "IKI-I005",
        P,
        "Nama indikator dan jenis formulanya tidak sejalan",
        "Indikator 'Persentase …' harus dihitung sebagai pembagian; indikator 'Jumlah …' "
        "tidak dikali 100%.",
        "Samakan nama indikator dengan formulasinya.",
    ),
    _rule(
        "IKI-I006",
        P,
        "Persentase tanpa penyebut",
        "Persentase adalah pembilang dibagi penyebut dikali 100%; tanpa penyebut hasilnya "
        "bukan persentase.",
        "Tulis pembilang dan penyebut, mis. 'Jumlah A / Jumlah B × 100%'.",
    ),
    _rule(
        "IKI-I007",
        P,
        "Persentase tanpa × 100%",
        "Tanpa × 100% pembagian menghasilkan pecahan (0,85), bukan persen (85%).",
        "Tambahkan '× 100%' pada formulasi.",
    ),
    _rule(
        "IKI-I008",
        P,
        "Formulasi sama dengan nama indikator",
        "Formulasi yang hanya mengulang nama indikator tidak menjelaskan cara menghitung.",
        "Tulis komponen yang dihitung dan cara menghitungnya.",
    ),
    _rule(
        "IKI-I009",
        G,
        "Indikator status tanpa skala",
        "Indikator status/level dinilai dari skala (mis. KLA: Pratama 500–600, Madya "
        "601–700, Nindya 701–800, Utama 801–900, KLA 901–1000); tanpa skala capaian tidak "
        "dapat dihitung.",
        "Isi skala level dari yang terendah sampai tertinggi beserta batas nilainya.",
    ),
    _rule(
        "IKI-I010",
        P,
        "Satuan tidak sesuai jenis formula",
        "Persentase bersatuan %, sedangkan jumlah, indeks dan status tidak.",
        "Sesuaikan satuan dengan jenis formulanya.",
    ),
    _rule(
        "IKI-I011",
        P,
        "Indikator ganda dalam satu jabatan",
        "Indikator yang sama tercantum dua kali di IKI satu jabatan.",
        "Hapus indikator yang berulang.",
    ),
    _rule(
        "IKI-I012",
        INFO,
        "Sumber data menyebut kantor, bukan data",
        "Sumber data sebaiknya menyebut dokumen atau data yang dapat diperiksa (laporan, "
        "daftar, aplikasi), bukan nama unit kerja.",
        "Tulis dokumen atau datanya, mis. 'Laporan bulanan Bidang …' atau 'Data DTKS'.",
    ),
    _rule(
        "IKI-I013",
        G,
        "Ekspresi indeks tidak dapat dihitung",
        "Ekspresi indeks harus memakai kode komponen yang didefinisikan di bawahnya.",
        "Samakan kode di ekspresi dengan kode di baris definisi.",
    ),
    _rule(
        "IKI-I014",
        P,
        "Indikator dan formulasi menghitung hal berbeda",
        "Indikator 'Jumlah X' harus dihitung dengan menjumlahkan X, bukan hal lain.",
        "Samakan yang dijumlahkan di formulasi dengan yang disebut di nama indikator.",
    ),
    # ------------------------------------------------------------------ angka
    _rule(
        "IKI-N001",
        G,
        "Isian bukan angka",
        "Target dan realisasi harus berupa angka (atau level dari skala untuk indikator status).",
        "Ketik angkanya saja, mis. 85 atau 1234,5.",
    ),
    _rule(
        "IKI-N002",
        INFO,
        "Teks dibaca sebagai angka",
        "Isian diketik sebagai teks ('85%', '1.234,5'); dibaca sesuai maksudnya.",
        "Ketik sebagai angka agar Excel dapat menghitungnya.",
    ),
    _rule(
        "IKI-N003",
        G,
        "Angka negatif",
        "Jumlah orang, dokumen atau kegiatan tidak mungkin negatif.",
        "Periksa kembali angkanya.",
    ),
    _rule(
        "IKI-N004",
        P,
        "Pembilang lebih besar dari penyebut",
        "Untuk persentase, bagian tidak dapat lebih besar dari keseluruhannya.",
        "Periksa kembali pembilang dan penyebut triwulan itu.",
    ),
    _rule(
        "IKI-N005",
        G,
        "Penyebut 0",
        "Pembagian dengan 0 tidak menghasilkan angka. (0 / 0 pada triwulan yang memang "
        "tidak ada sasarannya dibiarkan, kecuali triwulan itu yang menentukan nilai tahunan.)",
        "Isi penyebut yang benar.",
    ),
    _rule(
        "IKI-N006",
        P,
        "Target persentase di atas 100",
        "Persentase dari keseluruhan paling tinggi 100%.",
        "Periksa target; tulis dalam persen (85, bukan 8500).",
    ),
    _rule(
        "IKI-N007",
        P,
        "Capaian perlu ditinjau (di atas 150% atau di bawah 50%)",
        "Capaian yang sangat tinggi atau sangat rendah sering menandakan target atau "
        "realisasi yang salah ketik. Capaian rendah baru diperiksa setelah TW IV terisi.",
        "Periksa target dan realisasi; bila benar, jelaskan di laporan.",
    ),
    _rule(
        "IKI-N008",
        P,
        "Triwulan terisi tidak berurutan",
        "Triwulan yang kosong di antara triwulan yang sudah terisi membuat nilai tahunan salah.",
        "Isi triwulan yang terlewat (0 bila memang tidak ada).",
    ),
    _rule(
        "IKI-N009",
        P,
        "Baseline tahun lalu kosong",
        "Indikator penurunan/pertumbuhan dihitung terhadap nilai tahun lalu (N−1).",
        "Isi baseline (nilai tahun N−1).",
    ),
    _rule(
        "IKI-N010",
        P,
        "Realisasi terisi tetapi target kosong",
        "Capaian adalah realisasi dibanding target; tanpa target tidak dapat dihitung.",
        "Isi target indikator.",
    ),
    # ------------------------------------------------------------------ cascading
    _rule(
        "IKI-C001",
        P,
        "Indikator belum menyebut indikator atasan yang didukung",
        "Indikator Pengawas dan Administrator harus mendukung indikator atasannya (pohon kinerja).",
        "Isi kolom Mendukung dengan nama indikator atasan yang didukung.",
    ),
    _rule(
        "IKI-C002",
        P,
        "Indikator yang didukung tidak ada di IKI atasan",
        "Nama di kolom Mendukung harus sama dengan salah satu indikator atasan.",
        "Pilih nama indikator atasan persis seperti tertulis di IKI atasan.",
    ),
    # ------------------------------------------------------------------ bahasa
    _rule(
        "IKI-B001",
        P,
        "Salah ketik",
        "Salah ketik yang sering ditemukan di dokumen IKI (Presentase, Prosentase, "
        "Pengitungan …) terbawa ke keputusan yang ditandatangani.",
        "Ganti dengan teks yang disarankan.",
    ),
    _rule(
        "IKI-B002",
        P,
        "Kata berdempet",
        "Dua kata tertulis tanpa spasi ('KepalaSub.', 'PersentasePenyandang').",
        "Sisipkan spasi seperti pada teks yang disarankan.",
    ),
    _rule(
        "IKI-B003",
        P,
        "Kata berulang",
        "Kata yang sama tertulis dua kali berturut-turut ('keuangan keuangan').",
        "Hapus kata yang berulang.",
    ),
    _rule(
        "IKI-B004",
        INFO,
        "Spasi ganda",
        "Spasi ganda terbawa ke cetakan dan membuat teks tidak rata.",
        "Ganti spasi ganda dengan satu spasi.",
    ),
    _rule(
        "IKI-B005",
        INFO,
        "Tanda hubung diikuti spasi",
        "Kata ulang dan kata majemuk ditulis tanpa spasi ('perundang-undangan').",
        "Hapus spasi setelah tanda hubung.",
    ),
    _rule(
        "IKI-B006",
        INFO,
        "Tanpa spasi setelah koma",
        "Setelah koma diberi satu spasi ('umum, perkantoran').",
        "Tambahkan spasi setelah koma.",
    ),
    _rule(
        "IKI-B007",
        INFO,
        "Kata bahasa Inggris",
        "Kata bahasa Inggris yang ada padanannya ('social', 'system') dalam teks berbahasa "
        "Indonesia.",
        "Ganti dengan kata bahasa Indonesia yang disarankan.",
    ),
)

RULES: dict[str, Rule] = {r.code: r for r in CATALOGUE}


def catalogue_markdown() -> str:
    """docs/rules.md: every rule's code, severity, what, why and how to fix."""
    lines = [
        "# Aturan validasi IKI",
        "",
        "<!-- Dibuat otomatis dari iki_xl/core/rules/catalogue.py (CATALOGUE) dengan "
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
        f"Jumlah aturan: {len(CATALOGUE)}.",
    ]
    for prefix, group in GROUPS.items():
        lines += [
            "",
            f"## {group} (IKI-{prefix}…)",
            "",
            "| Kode | Keparahan | Temuan | Alasan | Cara memperbaiki |",
            "|---|---|---|---|---|",
        ]
        for r in CATALOGUE:
            if r.code[4] == prefix:
                cells = [r.code, str(r.severity), r.title, r.reason, r.fix]
                lines.append("| " + " | ".join(s.replace("|", "\\|") for s in cells) + " |")
    return "\n".join(lines) + "\n"
