"""The validation catalogue, as data: every rule's code, severity, group, and the texts a
planner reads (what is found, why it matters, how to fix it), in Bahasa Indonesia.

Codes: IKI-S… structure, IKI-I… indicator, IKI-N… numbers, IKI-C… cascading, IKI-B…
bahasa (language). A code, once published, keeps its meaning. The catalogue is the source
of docs/rules.md (`rules.markdown`) and of `iki-xl rules`.
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
    # list structure (rules/lists.py)
    _rule(
        "IKI-S015",
        INFO,
        "Butir 'tugas lain' bukan butir terakhir",
        "'Melaksanakan tugas lain yang diberikan atasan' menutup daftar tugas; di tengah "
        "daftar ia tanda urutan yang tertukar saat menyalin.",
        "Pindahkan butir tugas lain ke urutan terakhir.",
    ),
    _rule(
        "IKI-S016",
        INFO,
        "Kata 'dan' pada butir yang bukan sebelum terakhir",
        "Dalam daftar berhuruf, '; dan' hanya menutup butir sebelum terakhir; di tempat lain "
        "ia tanda butir yang hilang, tertukar atau terpotong.",
        "Letakkan '; dan' hanya pada butir sebelum terakhir.",
    ),
    _rule(
        "IKI-S017",
        P,
        "Dua butir tergabung dalam satu butir",
        "Dua tugas atau fungsi yang tertulis dalam satu butir tercetak sebagai satu huruf.",
        "Pisahkan menjadi dua butir.",
    ),
    _rule(
        "IKI-S018",
        P,
        "Butir hampir sama dengan butir lain",
        "Butir yang mengulang butir lain dengan sedikit perbedaan (tanda baca, huruf besar, "
        "satu kata) biasanya salinan yang terlewat.",
        "Hapus salah satu atau bedakan isinya.",
    ),
    # across jabatan (rules/copies.py)
    _rule(
        "IKI-S019",
        P,
        "Daftar tugas sama atau hampir sama dengan jabatan lain",
        "Setiap jabatan punya tugas sendiri; daftar yang sama dengan jabatan lain (nama unit "
        "saja yang diganti) biasanya salinan yang belum disesuaikan.",
        "Susun tugas sesuai jabatan ini.",
    ),
    _rule(
        "IKI-S020",
        P,
        "Tugas atau fungsi menyebut unit lain",
        "Butir yang menyebut seksi, sub bagian atau bidang lain (bukan unit jabatan ini atau "
        "atasannya) biasanya tersalin dari jabatan lain.",
        "Ganti dengan nama unit jabatan ini.",
    ),
    _rule(
        "IKI-S021",
        P,
        "Nama jabatan sama dengan jabatan lain",
        "Dua jabatan bernama sama (huruf besar, spasi dan tanda baca diabaikan) tidak dapat "
        "dibedakan di lampiran.",
        "Bedakan nama jabatan, mis. dengan menyebut unitnya.",
    ),
    _rule(
        "IKI-S022",
        P,
        "Tabel kinerja hampir sama dengan jabatan lain",
        "Tabel yang indikator dan formulasinya hanya berbeda sedikit (satu kata, tanda baca) "
        "dari jabatan lain biasanya salinan yang belum disesuaikan.",
        "Susun kinerja dan indikator sendiri untuk jabatan ini.",
    ),
    _rule(
        "IKI-S023",
        INFO,
        "Gaya huruf nama jabatan berbeda dari yang lain",
        "Nama jabatan dalam satu dokumen ditulis dengan gaya huruf yang sama (Huruf Awal "
        "Kapital, HURUF BESAR atau huruf kecil).",
        "Samakan gaya penulisan nama jabatan.",
    ),
    _rule(
        "IKI-S024",
        INFO,
        "Urutan sheet berbeda dari struktur organisasi",
        "Lampiran dicetak menurut urutan sheet; urutan itu berbeda dari pohon atasan "
        "(Kepala Dinas → Sekretaris → Sub Bagian → Bidang → Seksi).",
        "Pindahkan sheet sesuai struktur organisasi, atau biarkan bila urutan ini disengaja.",
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
    _rule(
        "IKI-I015",
        P,
        "Formulasi hampir sama dengan nama indikator",
        "Formulasi yang mengulang nama indikator dengan sedikit perbedaan (tanda baca, huruf "
        "besar, satu kata) tidak menjelaskan cara menghitung.",
        "Tuliskan cara menghitungnya (pembilang/penyebut atau Σ).",
    ),
    _rule(
        "IKI-I016",
        P,
        "Indikator bukan ukuran",
        "Indikator mengukur sesuatu yang dapat dihitung; 'Data …', 'Tersedianya …' atau "
        "'Pelaksanaan …' menyebut barang atau kegiatan, bukan ukurannya.",
        "Awali dengan ukuran (Persentase, Jumlah, Indeks …) atas subjek yang dapat dihitung.",
    ),
    _rule(
        "IKI-I017",
        INFO,
        "Dua tanda jumlah",
        "'Σ' sudah berarti jumlah; 'Σ Jumlah …' menulis penjumlahan dua kali.",
        "Pakai salah satu: 'Σ …' atau 'Jumlah …'.",
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
    _rule(
        "IKI-N011",
        P,
        "Target tahunan tidak sama dengan target triwulan",
        "Bila keempat target triwulan diisi, capaian tahunan dihitung terhadap target "
        "triwulan menurut agregasinya (kumulatif: dijumlahkan; akhir: target TW IV; "
        "rata-rata: dirata-rata); target tahunan yang berbeda membuat dokumen bertentangan.",
        "Samakan target tahunan dengan target triwulan, atau perbaiki target triwulannya.",
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
    _rule(
        "IKI-B008",
        INFO,
        "Bentuk tidak baku",
        "Bentuk yang tidak baku menurut KBBI ('resiko', 'ketrampilan', 'perijinan') terbawa "
        "ke keputusan yang ditandatangani.",
        "Ganti dengan bentuk baku yang disarankan.",
    ),
    _rule(
        "IKI-B009",
        INFO,
        "Spasi atau tanda baca",
        "Spasi di sekitar garis miring ('HIV/ AIDS'), titik ganda ('..'), spasi sebelum koma "
        "atau koma setelah kata pertama membuat cetakan tidak rapi.",
        "Perbaiki seperti yang disarankan.",
    ),
    _rule(
        "IKI-B010",
        INFO,
        "Singkatan mengulang kata kepanjangannya",
        "'Penyandang PMKS' menulis 'Penyandang' dua kali: P pada PMKS sudah berarti Penyandang.",
        "Hapus kata yang berulang, atau tulis kepanjangannya saja.",
    ),
    _rule(
        "IKI-B011",
        P,
        "Teks terpotong",
        "Teks yang berakhir dengan koma, 'dan', 'serta', 'sesuai dengan' atau kurung yang "
        "tidak ditutup terpotong saat disalin; kalimatnya tidak lengkap.",
        "Lengkapi kalimat yang terpotong.",
    ),
)

RULES: dict[str, Rule] = {r.code: r for r in CATALOGUE}
