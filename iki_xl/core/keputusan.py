"""The decree (Keputusan) and the Lampiran header, line by line as printed; the marks a
submission carries on every page (DRAF while galat remain, CONTOH for example figures).

Empty fields become a visible "…", never invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from iki_xl.core.model import Instansi
from iki_xl.core.numbers import format_date

PLACEHOLDER = "…"  # a field the planner has not filled: shown, never invented
CONTOH_MARK = "CONTOH — angka rekaan, bukan data resmi"


def draf_mark(galat: int) -> str:
    """The header of every page while galat remain; '' for a clean submission."""
    return f"DRAF — masih ada {galat} galat" if galat > 0 else ""


def page_marks(galat: int, contoh: str) -> tuple[str, ...]:
    """What every page's header says: DRAF (galat remain), CONTOH (example figures)."""
    return tuple(m for m in (draf_mark(galat), CONTOH_MARK if contoh.strip() else "") if m)


def _filled(text: str | None) -> str:
    return text.strip() if text and text.strip() else PLACEHOLDER


def dinas_name(instansi: Instansi) -> str:
    """'Dinas Sosial Kota Probolinggo'; '' when both fields are empty."""
    return " ".join(x.strip() for x in (instansi.nama, instansi.pemerintah) if x.strip())


@dataclass(frozen=True)
class KeputusanText:
    """Every line of the Keputusan and of the Lampiran header, as printed."""

    kop: tuple[str, ...]  # PEMERINTAH …, DINAS …, address line, contact line, city
    judul: tuple[str, ...]  # KEPUTUSAN KEPALA …, NOMOR …, TENTANG, INDIKATOR … TAHUN …
    pejabat: str  # "KEPALA DINAS SOSIAL KOTA PROBOLINGGO," opening the considerations
    menimbang: tuple[str, ...]
    mengingat: tuple[str, ...]
    menetapkan: str
    diktum: tuple[tuple[str, str], ...]  # ("KESATU", text) … ("KEEMPAT", text)
    ditetapkan_di: str
    pada_tanggal: str
    jabatan_penanda: str  # "KEPALA DINAS SOSIAL KOTA PROBOLINGGO"
    nama: str
    pangkat: str
    nip: str
    lampiran: tuple[tuple[str, str], ...]  # LAMPIRAN / NOMOR / TANGGAL / TENTANG


def _kepala(instansi: Instansi) -> str:
    """'KEPALA DINAS SOSIAL KOTA PROBOLINGGO' (the signing office, upper case)."""
    nama = instansi.nama.strip() or f"Dinas {PLACEHOLDER}"
    pemerintah = instansi.pemerintah.strip() or PLACEHOLDER
    return f"KEPALA {nama} {pemerintah}".upper()


def keputusan_text(instansi: Instansi) -> KeputusanText:
    dinas = (instansi.nama.strip() or f"Dinas {PLACEHOLDER}").upper()
    pemerintah = (instansi.pemerintah.strip() or PLACEHOLDER).upper()
    tahun = str(instansi.tahun) if instansi.tahun else PLACEHOLDER
    kepala = _kepala(instansi)
    tentang = f"INDIKATOR KINERJA INDIVIDU DI LINGKUNGAN {dinas} {pemerintah} TAHUN {tahun}"
    kota = instansi.kota.strip().upper() if instansi.kota.strip() else PLACEHOLDER
    kop = (
        f"PEMERINTAH {pemerintah}",
        dinas,
        f"{_filled(instansi.alamat)}  Telp. {_filled(instansi.telepon)}",
        f"Email: {_filled(instansi.email)}",
        kota,
    )
    nomor = _filled(instansi.nomor_keputusan)
    tanggal = format_date(_filled(instansi.tanggal_keputusan))
    lingkup = (
        f"{instansi.nama.strip() or 'Dinas ' + PLACEHOLDER} "
        f"{instansi.pemerintah.strip() or PLACEHOLDER}"
    )
    diktum = (
        (
            "KESATU",
            f"Menetapkan Indikator Kinerja Individu di Lingkungan {lingkup} Tahun {tahun} "
            "sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan "
            "dari Keputusan ini.",
        ),
        (
            "KEDUA",
            "Indikator Kinerja Individu sebagaimana dimaksud dalam Diktum KESATU merupakan "
            f"ukuran keberhasilan pelaksanaan tugas dan fungsi setiap jabatan di lingkungan {lingkup}.",
        ),
        (
            "KETIGA",
            "Indikator Kinerja Individu sebagaimana dimaksud dalam Diktum KESATU digunakan "
            "sebagai dasar penyusunan perjanjian kinerja, sasaran kinerja pegawai, pengukuran, "
            "pelaporan dan evaluasi kinerja.",
        ),
        ("KEEMPAT", "Keputusan ini mulai berlaku pada tanggal ditetapkan."),
    )
    return KeputusanText(
        kop=kop,
        judul=(f"KEPUTUSAN {kepala}", f"NOMOR: {nomor}", "TENTANG", tentang),
        pejabat=f"{kepala},",
        menimbang=tuple(m.strip() for m in instansi.menimbang if m.strip()) or (PLACEHOLDER,),
        mengingat=tuple(m.strip() for m in instansi.mengingat if m.strip()) or (PLACEHOLDER,),
        menetapkan=f"KEPUTUSAN {kepala} TENTANG {tentang}.",
        diktum=diktum,
        ditetapkan_di=_filled(instansi.kota),
        pada_tanggal=tanggal,
        jabatan_penanda=kepala,
        nama=_filled(instansi.kepala.nama),
        pangkat=_filled(instansi.kepala.pangkat),
        nip=_filled(instansi.kepala.nip),
        lampiran=(
            ("LAMPIRAN", f"KEPUTUSAN {kepala}"),
            ("NOMOR", nomor),
            ("TANGGAL", tanggal),
            ("TENTANG", tentang),
        ),
    )
