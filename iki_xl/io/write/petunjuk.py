"""The Petunjuk sheet: how to fill the workbook, in the planner's words."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from iki_xl import layout as L
from iki_xl.io.write.cells import write_text
from iki_xl.io.write.styles import Styles, row_height

# (kind, text): kind "title", "heading", "input" (yellow), "computed" (blue) or "" (prose).
PETUNJUK: tuple[tuple[str, str], ...] = (
    ("title", "PETUNJUK PENGISIAN INDIKATOR KINERJA INDIVIDU (IKI)"),
    ("", ""),
    ("heading", "Isi workbook"),
    (
        "",
        "• Sheet Instansi: profil perangkat daerah, nomor dan tanggal Keputusan, Kepala Dinas, "
        "Menimbang, Mengingat, dan skala predikat capaian (urut dari batas tertinggi).",
    ),
    (
        "",
        "• Satu sheet untuk setiap jabatan: nama, jenis, unit kerja, atasan, lalu tabel "
        "Kinerja / Indikator Kinerja, dan di bawah tabel daftar Tugas dan Fungsi.",
    ),
    (
        "",
        "• Sheet Referensi: daftar pilihan (jenis jabatan, jenis formula, satuan, polaritas, "
        "agregasi) dan daftar jabatan untuk pilihan Atasan.",
    ),
    ("", ""),
    ("heading", "Arti warna"),
    ("input", "Kuning: isian. Ketik atau pilih dari daftar (klik sel, lalu panah di kanannya)."),
    (
        "computed",
        "Biru: dihitung otomatis (Nilai, Target s.d. TW, Capaian, Predikat). Jangan diketik: "
        "Excel menolak ketikan di sel ini.",
    ),
    ("", "Sel putih di bawah baris indikator boleh diisi bila menambah komponen atau level."),
    (
        "",
        "Capaian dan Predikat diberi warna menurut pita skala predikat di sheet Instansi: hijau "
        "tua (pita tertinggi), hijau, kuning, jingga, merah (pita terendah); abu-abu = belum "
        "lengkap (TW IV belum diisi). Merah muda pada Formulasi, Sumber Data atau Kinerja: "
        "isian wajib yang masih kosong.",
    ),
    ("", "Arahkan kursor ke sel mana pun di tabel untuk melihat petunjuk isiannya."),
    ("", ""),
    ("heading", "Mengisi tabel indikator"),
    (
        "",
        "• No: nomor kinerja (sasaran), hanya di baris pertama setiap kinerja. No IK: nomor "
        "indikator (1.1, 1.2 …), di baris pertama setiap indikator.",
    ),
    (
        "",
        "• Satu baris untuk setiap komponen formula: Kode (A, B, …) dan Nama Komponen, lalu "
        "Realisasi TW I–IV komponen itu. Persentase dan rasio: A = pembilang, B = penyebut. "
        "Jumlah: A, B, … dijumlahkan. Penurunan/pertumbuhan: A = nilai tahun ini, isi juga "
        "Baseline (N−1). Indeks: kode dipakai di kolom Ekspresi, misalnya (Ipar + IDM + Linc) / 3.",
    ),
    (
        "",
        "• Indikator status/level: isi Skala Status (Level, Skor Bawah, Skor Atas) satu "
        "baris per level dari yang terendah; Realisasi dan Target diisi nama level atau skor.",
    ),
    (
        "",
        "• Target: target tahunan sebagai angka (85, bukan 85%). Untuk target rentang isi "
        "Target (batas bawah) dan Target Atas. Polaritas: positif (makin tinggi makin baik), "
        "negatif (makin rendah makin baik), range (terbaik di dalam rentang).",
    ),
    (
        "",
        "• Target Triwulan TW I–IV (boleh kosong): kumulatif = target triwulan itu saja "
        "(dijumlahkan s.d. TW berjalan); akhir = nilai yang dituju di akhir triwulan; rata-rata "
        "= dirata-rata. Bila kosong, capaian s.d. TW dibandingkan dengan target tahunan.",
    ),
    (
        "",
        "• Agregasi Tahunan: kumulatif (realisasi dijumlahkan), akhir (triwulan terakhir yang "
        "terisi), rata-rata. Kosong = kumulatif untuk jumlah, akhir untuk lainnya.",
    ),
    (
        "",
        "• Capaian s.d. TW: realisasi sampai triwulan terakhir yang terisi dibanding target "
        "s.d. triwulan itu. Capaian Tahunan dan Predikat baru dinilai setelah TW IV diisi; "
        "sebelumnya tertulis 'belum lengkap'.",
    ),
    (
        "",
        "• Faktor TW I–IV: faktor pendukung, faktor penghambat dan tindak lanjut setiap "
        "triwulan, untuk Laporan Capaian Kinerja Triwulan.",
    ),
    ("", ""),
    ("heading", "Menambah dan menghapus baris"),
    (
        "",
        "• Menambah komponen atau indikator: sisipkan baris di dalam atau tepat di bawah "
        "indikatornya (klik kanan nomor baris > Sisipkan). Menghapus: pilih seluruh baris, "
        "klik kanan > Hapus. Menambah tugas/fungsi: sisipkan baris di daftar di bawah tabel.",
    ),
    (
        "",
        "• Setelah menambah indikator baru atau menghapus indikator, tekan Hitung Ulang: "
        "rumusnya dipasang dan semua rumus IKI yang tertimpa, terhapus atau rentangnya tidak "
        "sesuai dikembalikan. Validasi mengingatkan bila Hitung Ulang diperlukan.",
    ),
    ("", ""),
    ("heading", "Yang memerlukan Python dan yang tidak"),
    (
        "",
        "• Tanpa Python (makro dimatikan, Excel Online, komputer tanpa iki-xl): semua nilai "
        "yang sudah dihitung tetap tampil; Target s.d. TW, Capaian dan Predikat ikut berubah "
        "bila target, polaritas atau skala predikat diubah. Bantuan dan Periksa Instalasi "
        "berjalan tanpa Python.",
    ),
    (
        "",
        "• Dengan Python: Nilai TW I–IV dan Nilai s.d. TW dihitung ulang dari realisasi; "
        "Validasi, Hitung Ulang, Tambah Jabatan, IKI Tahun Baru, Konsolidasi, Laporan "
        "Triwulan dan Bandingkan.",
    ),
    (
        "",
        '• Bila sel menampilkan teks seperti "target 0", "pembagi 0" atau "realisasi '
        'belum diisi", lengkapi isiannya; itu bukan kesalahan program. #NAME? berarti fungsi '
        "IKI tidak ditemukan: aktifkan makro (Enable Content), lalu Hitung Ulang; bila tetap, "
        "jalankan Periksa Instalasi.",
    ),
    ("", ""),
    ("heading", "Tab IKI pada ribbon"),
    (
        "",
        "Tab IKI menjalankan Validasi (hasilnya di sheet Hasil Validasi), Hitung Ulang, "
        "Tambah Jabatan, IKI Tahun Baru (buku kerja tahun berikutnya: target dan realisasi "
        "dikosongkan, nilai tahun ini menjadi baseline), Konsolidasi (Keputusan beserta "
        "Lampiran, juga dalam Word), Laporan Triwulan (capaian s.d. triwulan yang dipilih "
        "dan faktornya), Bandingkan (perubahan terhadap IKI lain, mis. tahun lalu), Bantuan "
        "dan Periksa Instalasi (memeriksa Python dan xlwings bila tombol lain gagal).",
    ),
    ("", ""),
    ("heading", "Proteksi"),
    (
        "",
        "Sheet diproteksi tanpa kata sandi agar judul tabel dan rumus tidak terhapus; baris "
        "tabel tetap boleh disisipkan dan dihapus. Bila perlu: Tinjau > Buka Proteksi Lembar.",
    ),
)


PETUNJUK_WIDTH = 72  # characters: fits A4 portrait at 100 % with the fonts LibreOffice substitutes


def write_petunjuk_sheet(ws: Worksheet, g: Styles) -> None:
    ws.set_column(0, 0, PETUNJUK_WIDTH)
    formats = {
        "title": g.title,
        "heading": g.prose_heading,
        "input": g.prose_input,
        "computed": g.prose_computed,
    }
    for r, (kind, s) in enumerate(PETUNJUK):
        if s:
            write_text(ws, r, 0, s, formats.get(kind, g.prose))
            if kind not in ("title", "heading"):  # wrapped prose: neither reader autofits it
                ws.set_row(r, row_height(s, PETUNJUK_WIDTH))
    ws.set_portrait()
    ws.set_paper(L.PAPER_A4)
    ws.fit_to_pages(1, 0)
