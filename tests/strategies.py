"""Hypothesis strategies for IKI documents, shared by the test suites.

`dokumen()` draws any document the model accepts (text a planner could type in a cell:
printable, no control characters); `teks()` is that text.
"""

from __future__ import annotations

import string

from hypothesis import strategies as st

from iki_xl.core.model import (
    Agregasi,
    BandPredikat,
    Dokumen,
    Indikator,
    Instansi,
    Jabatan,
    JenisFormula,
    JenisJabatan,
    Kinerja,
    Komponen,
    Level,
    Pejabat,
    Polaritas,
    RentangTarget,
)

# Printable text as typed in Excel: letters (Indonesian text is Latin), digits, punctuation,
# a few symbols of the seeds; no control characters (XML forbids most of them).
_HURUF = string.ascii_letters + string.digits + " .,;:()/-%'&" + "∑Σƒ×–éÉ"


def teks(max_size: int = 40, min_size: int = 0) -> st.SearchStrategy[str]:
    return st.text(alphabet=_HURUF, min_size=min_size, max_size=max_size).map(
        lambda s: " ".join(s.split())
    )


def teks_isi(max_size: int = 40) -> st.SearchStrategy[str]:
    return teks(max_size, 1).filter(bool)


angka = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False).map(
    lambda x: round(x, 4)
)
angka_positif = st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 3))
isian = st.one_of(st.none(), angka, teks_isi(12))
triwulan = st.lists(isian, min_size=4, max_size=4)
kode = st.from_regex(r"[A-Z][A-Za-z0-9]{0,5}", fullmatch=True)


@st.composite
def komponen_unik(draw: st.DrawFn, min_size: int = 0, max_size: int = 3) -> list[Komponen]:
    kodes = draw(st.lists(kode, min_size=min_size, max_size=max_size, unique=True))
    return [Komponen(kode=k, nama=draw(teks()), realisasi=draw(triwulan)) for k in kodes]


@st.composite
def rentang(draw: st.DrawFn) -> RentangTarget:
    a, b = sorted((draw(angka_positif), draw(angka_positif)))
    return RentangTarget(bawah=a, atas=b)


@st.composite
def indikator(draw: st.DrawFn) -> Indikator:
    return Indikator(
        nama=draw(teks()),
        jenis=draw(st.none() | st.sampled_from(JenisFormula)),
        formulasi=draw(teks(80)),
        penjelasan=draw(teks()),
        komponen=draw(komponen_unik()),
        ekspresi=draw(st.sampled_from(["", "(A + B) / 2", "A * 2"])),
        baseline=draw(st.none() | angka),
        skala=draw(
            st.lists(
                st.builds(Level, nama=teks_isi(10), bawah=st.none() | angka_positif), max_size=3
            )
        ),
        satuan=draw(st.sampled_from(["", "%", "orang", "dokumen", "indeks", "level"])),
        polaritas=draw(st.sampled_from(Polaritas)),
        target=draw(st.one_of(st.none(), angka, rentang(), teks_isi(10))),
        realisasi=draw(triwulan),
        agregasi=draw(st.none() | st.sampled_from(Agregasi)),
        sumber_data=draw(teks()),
        mendukung=draw(teks()),
    )


@st.composite
def jabatan_list(draw: st.DrawFn, max_size: int = 4) -> list[Jabatan]:
    n = draw(st.integers(min_value=0, max_value=max_size))
    ids = [f"jab-{i}" for i in range(n)]
    hasil = []
    for i, jid in enumerate(ids):
        hasil.append(
            Jabatan(
                id=jid,
                nama=draw(teks_isi(30)),
                jenis=draw(st.none() | st.sampled_from(JenisJabatan)),
                unit=draw(teks(20)),
                atasan=draw(st.none() | st.sampled_from(ids[:i] or [None])),
                tugas=draw(st.lists(teks_isi(60), max_size=3)),
                fungsi=draw(st.lists(teks_isi(60), max_size=3)),
                kinerja=draw(
                    st.lists(
                        st.builds(
                            Kinerja, sasaran=teks(), indikator=st.lists(indikator(), max_size=3)
                        ),
                        max_size=2,
                    )
                ),
            )
        )
    return hasil


instansi = st.builds(
    Instansi,
    pemerintah=teks(),
    nama=teks(),
    alamat=teks(),
    telepon=teks(15),
    email=teks(20),
    kota=teks(15),
    tahun=st.none() | st.integers(2000, 2100),
    nomor_keputusan=teks(20),
    tanggal_keputusan=teks(20),
    kepala=st.builds(Pejabat, nama=teks(), pangkat=teks(), nip=teks(18)),
    menimbang=st.lists(teks_isi(60), max_size=2),
    mengingat=st.lists(teks_isi(60), max_size=3),
)

skala = st.lists(
    st.builds(BandPredikat, predikat=teks_isi(15), di_atas=st.none() | angka_positif),
    min_size=1,
    max_size=5,
)


def dokumen() -> st.SearchStrategy[Dokumen]:
    return st.builds(Dokumen, instansi=instansi, skala_predikat=skala, jabatan=jabatan_list())
