"""Generated documents for the submission tests: awkward planner texts, and a 60-jabatan
Dinas whose sheet order differs from its org chart."""

from __future__ import annotations

from iki_xl.core.model import (
    Dokumen,
    Indikator,
    Instansi,
    Jabatan,
    JenisFormula,
    JenisJabatan,
    Kinerja,
    Komponen,
)

LONG = " ".join(
    f"kalimat {i} tentang data pelayanan sosial yang dihimpun setiap triwulan;" for i in range(24)
)  # about 1,700 characters in one cell

# (indikator, formulasi, penjelasan, sumber data): every kind of text a planner writes
AWKWARD: tuple[tuple[str, str, str, str], ...] = (
    (
        "Persentase PMKS yang tertangani",
        "Jumlah PMKS tertangani / Jumlah PMKS × 100%",
        "",
        "Data PMKS",
    ),
    ("Persentase tanpa kali seratus", "Jumlah A / Jumlah B", "", "Laporan bulanan"),
    ("Jumlah klien", "ƒ(x) = Σ Klien yang pernah direhabilitasi di Shelter", "", "Register klien"),
    ("Jumlah dengan dua tanda", "Σ Jumlah dokumen yang disusun", "", "Arsip"),
    ("Persentase dua baris", "∑ PMKS yg ditangani\n∑ PMKS seluruhnya\n× 100%", "", "Dinsos PPPA"),
    ("=SUM(A1:A9)", "=A1/B1*100", "+62 bukan nomor", "@sumber"),
    (
        "Indeks dengan penjelasan",
        "IDG: 1/3 (Ipar+IDM+Linc)\nIpar= indeks parlemen",
        "Indeks komposit.\nTiga komponen.",
        "BPS",
    ),
    ("  Spasi di depan dan di belakang  ", " -  ", "Penjelasan saja,  dua spasi ", ""),
    ("Teks sangat panjang", LONG, "", LONG[:400]),
    ("Baris kosong di tengah", "Baris satu\n\nBaris tiga", "", "-"),
    ("Status KLA", "-", "", "Dinsos PPPA"),
    ("Rasio x kecil", "A / B x 100 %", "", "Sumber (lihat catatan)"),
)


def awkward_document() -> Dokumen:
    """Three jabatan holding every awkward text, one jabatan without any indicator, one
    with kinerja but no indicator."""
    rows = [Indikator(nama=n, formulasi=f, penjelasan=p, sumber_data=s) for n, f, p, s in AWKWARD]
    return Dokumen(
        instansi=Instansi(
            pemerintah="Kota Contoh", nama="Dinas Uji", tanggal_keputusan="2024-01-02"
        ),
        jabatan=[
            Jabatan(
                id="kadis",
                nama="KEPALA DINAS UJI",
                jenis=JenisJabatan.JPT_PRATAMA,
                tugas=["=memimpin dinas", "a. sudah berhuruf", "Baris\nkedua"],
                fungsi=["perumusan kebijakan;", "  pelaksanaan  "],
                kinerja=[
                    Kinerja(sasaran="Meningkatnya Σ layanan (× 100%)", indikator=rows[:5]),
                    Kinerja(sasaran="", indikator=rows[5:7]),  # empty: "same as above"
                ],
            ),
            Jabatan(
                id="sekretaris",
                nama="Sekretaris",
                atasan="kadis",
                tugas=["Menyusun program"],
                kinerja=[Kinerja(sasaran=LONG[:300], indikator=rows[7:])],
            ),
            Jabatan(id="kosong", nama="Pengadministrasi Umum", atasan="sekretaris"),
            Jabatan(
                id="tanpa",
                nama="Kasubag Tanpa Indikator",
                atasan="sekretaris",
                kinerja=[Kinerja(sasaran="Sasaran tanpa indikator")],
            ),
        ],
    )


def sixty_jabatan() -> Dokumen:
    """A Kepala Dinas, 5 bidang of 1 Kabid + 3 Kasi + 7 pelaksana each, 4 functional:
    60 jabatan, listed by kind (not by org chart), with 1–4 indicators each."""
    jabatan: list[Jabatan] = []

    def add(i: int, nama: str, jenis: JenisJabatan, atasan: str | None, unit: str) -> None:
        n = 1 + i % 4
        ind = [
            Indikator(
                nama=f"Persentase layanan {k + 1} {nama.lower()} yang selesai tepat waktu",
                formulasi=f"Jumlah layanan {k + 1} selesai / Jumlah layanan {k + 1} × 100%",
                penjelasan="Dihitung setiap triwulan." if k == 0 else "",
                jenis=JenisFormula.PERSENTASE,
                komponen=[
                    Komponen(
                        kode="A", nama="layanan selesai", realisasi=[20.0, 45.0, 70.0, 80 + i % 20]
                    ),
                    Komponen(kode="B", nama="layanan", realisasi=[25.0, 50.0, 75.0, 100.0]),
                ],
                sumber_data=f"Laporan {unit}",
                target=90.0,
            )
            for k in range(n)
        ]
        jabatan.append(
            Jabatan(
                id=f"j{i}",
                nama=nama,
                jenis=jenis,
                atasan=atasan,
                unit=unit,
                tugas=[f"Melaksanakan tugas {t + 1} {nama}" for t in range(3)],
                fungsi=[f"pelaksanaan fungsi {t + 1}" for t in range(2)] if i % 3 == 0 else [],
                kinerja=[Kinerja(sasaran=f"Meningkatnya kinerja {unit}", indikator=ind)],
            )
        )

    add(0, "Kepala Dinas Sosial", JenisJabatan.JPT_PRATAMA, None, "Pimpinan")
    i = 1
    kabid = []
    for b in range(5):
        kabid.append(f"j{i}")
        add(i, f"Kepala Bidang {b + 1}", JenisJabatan.ADMINISTRATOR, "j0", f"Bidang {b + 1}")
        i += 1
    for b in range(5):  # all Kasi after all Kabid: sheet order is not the org chart's
        for s in range(3):
            add(
                i,
                f"Kepala Seksi {b + 1}.{s + 1}",
                JenisJabatan.PENGAWAS,
                kabid[b],
                f"Bidang {b + 1}",
            )
            i += 1
    for b in range(5):
        for p in range(7):
            unit = f"Bidang {b + 1}"
            add(i, f"Pengadministrasi {b + 1}.{p + 1}", JenisJabatan.PELAKSANA, kabid[b], unit)
            i += 1
    for f in range(4):
        add(i, f"Pekerja Sosial Ahli Muda {f + 1}", JenisJabatan.FUNGSIONAL, "j0", "Pimpinan")
        i += 1
    return Dokumen(
        instansi=Instansi(pemerintah="Kabupaten Uji", nama="Dinas Sosial", tahun=2025),
        jabatan=jabatan,
    )
