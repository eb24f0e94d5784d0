"""Hypothesis strategies for IKI documents, shared by the test suites.

`dokumen()` draws any document the model accepts (text a planner could type in a cell:
printable, no control characters); `text()` is that text.
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
_ALPHABET = string.ascii_letters + string.digits + " .,;:()/-%'&" + "∑Σƒ×–éÉ"


def text(max_size: int = 40, min_size: int = 0) -> st.SearchStrategy[str]:
    return st.text(alphabet=_ALPHABET, min_size=min_size, max_size=max_size).map(
        lambda s: " ".join(s.split())
    )


def filled_text(max_size: int = 40) -> st.SearchStrategy[str]:
    return text(max_size, 1).filter(bool)


number = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False).map(
    lambda x: round(x, 4)
)
positive_number = st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 3))
isian = st.one_of(st.none(), number, filled_text(12))
quarters = st.lists(isian, min_size=4, max_size=4)
code = st.from_regex(r"[A-Z][A-Za-z0-9]{0,5}", fullmatch=True)


@st.composite
def unique_komponen(draw: st.DrawFn, min_size: int = 0, max_size: int = 3) -> list[Komponen]:
    codes = draw(st.lists(code, min_size=min_size, max_size=max_size, unique=True))
    return [Komponen(kode=k, nama=draw(text()), realisasi=draw(quarters)) for k in codes]


@st.composite
def target_band(draw: st.DrawFn) -> RentangTarget:
    a, b = sorted((draw(positive_number), draw(positive_number)))
    return RentangTarget(bawah=a, atas=b)


@st.composite
def indikator(draw: st.DrawFn) -> Indikator:
    return Indikator(
        nama=draw(text()),
        jenis=draw(st.none() | st.sampled_from(JenisFormula)),
        formulasi=draw(text(80)),
        penjelasan=draw(text()),
        komponen=draw(unique_komponen()),
        ekspresi=draw(st.sampled_from(["", "(A + B) / 2", "A * 2"])),
        baseline=draw(st.none() | number),
        skala=draw(
            st.lists(
                st.builds(Level, nama=filled_text(10), bawah=st.none() | positive_number),
                max_size=3,
            )
        ),
        satuan=draw(st.sampled_from(["", "%", "orang", "dokumen", "indeks", "level"])),
        polaritas=draw(st.sampled_from(Polaritas)),
        target=draw(st.one_of(st.none(), number, target_band(), filled_text(10))),
        realisasi=draw(quarters),
        agregasi=draw(st.none() | st.sampled_from(Agregasi)),
        sumber_data=draw(text()),
        mendukung=draw(text()),
    )


@st.composite
def jabatan_list(draw: st.DrawFn, max_size: int = 4) -> list[Jabatan]:
    n = draw(st.integers(min_value=0, max_value=max_size))
    ids = [f"jab-{i}" for i in range(n)]
    result = []
    for i, jid in enumerate(ids):
        result.append(
            Jabatan(
                id=jid,
                nama=draw(filled_text(30)),
                jenis=draw(st.none() | st.sampled_from(JenisJabatan)),
                unit=draw(text(20)),
                atasan=draw(st.none() | st.sampled_from(ids[:i] or [None])),
                tugas=draw(st.lists(filled_text(60), max_size=3)),
                fungsi=draw(st.lists(filled_text(60), max_size=3)),
                kinerja=draw(
                    st.lists(
                        st.builds(
                            Kinerja, sasaran=text(), indikator=st.lists(indikator(), max_size=3)
                        ),
                        max_size=2,
                    )
                ),
            )
        )
    return result


instansi = st.builds(
    Instansi,
    pemerintah=text(),
    nama=text(),
    alamat=text(),
    telepon=text(15),
    email=text(20),
    kota=text(15),
    tahun=st.none() | st.integers(2000, 2100),
    nomor_keputusan=text(20),
    tanggal_keputusan=text(20),
    kepala=st.builds(Pejabat, nama=text(), pangkat=text(), nip=text(18)),
    menimbang=st.lists(filled_text(60), max_size=2),
    mengingat=st.lists(filled_text(60), max_size=3),
)

skala = st.lists(
    st.builds(BandPredikat, predikat=filled_text(15), di_atas=st.none() | positive_number),
    min_size=1,
    max_size=5,
)


def dokumen() -> st.SearchStrategy[Dokumen]:
    return st.builds(Dokumen, instansi=instansi, skala_predikat=skala, jabatan=jabatan_list())
