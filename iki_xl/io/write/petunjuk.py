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
        "Menimbang, Mengingat, dan skala predikat capaian.",
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
        "Biru: dihitung otomatis oleh fungsi IKI (Nilai, Nilai Tahunan, Capaian, "
        "Predikat). Sel ini dikunci.",
    ),
    ("", "Sel putih di bawah baris indikator boleh diisi bila menambah komponen atau level."),
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
        "• Target: satu angka. Untuk polaritas range isi Target (batas bawah) dan Target "
        "Atas. Polaritas: positif (makin tinggi makin baik), negatif (makin rendah makin "
        "baik), range (terbaik di dalam rentang).",
    ),
    (
        "",
        "• Agregasi Tahunan: kumulatif (realisasi dijumlahkan), akhir (triwulan terakhir yang "
        "terisi), rata-rata. Kosong = kumulatif untuk jumlah, akhir untuk lainnya.",
    ),
    (
        "",
        "• Menambah indikator atau komponen: sisipkan baris (klik kanan nomor baris > "
        "Sisipkan). Menambah tugas/fungsi: sisipkan baris di daftar di bawah tabel.",
    ),
    (
        "",
        '• Bila sel menampilkan teks seperti "target 0", "pembagi 0" atau "realisasi '
        'belum diisi", lengkapi isiannya; itu bukan kesalahan program.',
    ),
    ("", ""),
    ("heading", "Tab IKI pada ribbon"),
    (
        "",
        "Tab IKI menjalankan Validasi (hasilnya di sheet Hasil Validasi), menambah jabatan, "
        "dan menyusun dokumen Keputusan beserta Lampiran.",
    ),
    ("", ""),
    ("heading", "Proteksi"),
    (
        "",
        "Sheet diproteksi tanpa kata sandi agar rumus tidak terhapus. Bila perlu: Tinjau > "
        "Buka Proteksi Lembar.",
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
