"""Consolidation tables: what the submission workbook shows, computed from `Dokumen`s.

Pure: no Excel I/O. The io layer (`iki_xl.io.submission`) lays these tables out.

- `naskah_keputusan(instansi)`: the decree text (kop, title, Menimbang, Mengingat, diktum,
  signature block, Lampiran header). Empty fields become a visible "…", never invented.
- `blok_lampiran(doc)`: one block per jabatan in org-chart order (`urutan_org`), each with
  its Tugas, Fungsi and the KINERJA | INDIKATOR | FORMULASI | SUMBER DATA rows.
- `rekap_dinas(doc, temuan)`: one `BarisRekap` per indicator plus the per-Dinas counts: the
  small, picklable record a reading worker sends back at Pemda scale.
- `Ringkasan`: counts per jenis jabatan and per predikat, average capaian per bidang and per
  Dinas, accumulated one Dinas at a time (memory grows with the number of bidang, not with
  the documents).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from iki_xl.core.anggota import STATUS
from iki_xl.core.findings import Keparahan, Temuan
from iki_xl.core.formula import tampil_capaian
from iki_xl.core.formulasi import tulis_formulasi
from iki_xl.core.hierarchy import urutan_org
from iki_xl.core.hitung import HasilIndikator, HitunganDokumen
from iki_xl.core.model import (
    Dokumen,
    Indikator,
    Instansi,
    Isian,
    Jabatan,
    JenisJabatan,
    Kinerja,
    RentangTarget,
)

KOSONG = "…"  # a field the planner has not filled: shown, never invented
TANPA_JENIS = "(jenis belum diisi)"
TANPA_UNIT = "(unit belum diisi)"
BELUM_DINILAI = "Belum dinilai"
URUTAN_JENIS: tuple[str, ...] = (*(str(j) for j in JenisJabatan), TANPA_JENIS)
NAMA_TRIWULAN = ("TW I", "TW II", "TW III", "TW IV")


def _isi(teks: str | None) -> str:
    return teks.strip() if teks and teks.strip() else KOSONG


def nama_dinas(instansi: Instansi) -> str:
    """'Dinas Sosial Kota Probolinggo'; '' when both fields are empty."""
    return " ".join(x.strip() for x in (instansi.nama, instansi.pemerintah) if x.strip())


# ---------------------------------------------------------------- the decree


@dataclass(frozen=True)
class NaskahKeputusan:
    """Every line of the Keputusan and of the Lampiran header, as printed."""

    kop: tuple[str, ...]  # PEMERINTAH …, DINAS …, address line, contact line
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
    nama = instansi.nama.strip()
    if not nama:
        nama = f"Dinas {KOSONG}"
    pemerintah = instansi.pemerintah.strip() or KOSONG
    return f"KEPALA {nama} {pemerintah}".upper()


def naskah_keputusan(instansi: Instansi) -> NaskahKeputusan:
    dinas = (instansi.nama.strip() or f"Dinas {KOSONG}").upper()
    pemerintah = (instansi.pemerintah.strip() or KOSONG).upper()
    tahun = str(instansi.tahun) if instansi.tahun else KOSONG
    kepala = _kepala(instansi)
    tentang = f"INDIKATOR KINERJA INDIVIDU DI LINGKUNGAN {dinas} {pemerintah} TAHUN {tahun}"
    alamat = _isi(instansi.alamat)
    telepon = f"Telp. {_isi(instansi.telepon)}"
    kota = instansi.kota.strip().upper() if instansi.kota.strip() else KOSONG
    kop = (
        f"PEMERINTAH {pemerintah}",
        dinas,
        f"{alamat}  {telepon}",
        f"Email: {_isi(instansi.email)}",
        kota,
    )
    nomor = _isi(instansi.nomor_keputusan)
    tanggal = _isi(instansi.tanggal_keputusan)
    lingkup = (
        f"{instansi.nama.strip() or 'Dinas ' + KOSONG} {instansi.pemerintah.strip() or KOSONG}"
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
    return NaskahKeputusan(
        kop=kop,
        judul=(f"KEPUTUSAN {kepala}", f"NOMOR: {nomor}", "TENTANG", tentang),
        pejabat=f"{kepala},",
        menimbang=tuple(m.strip() for m in instansi.menimbang if m.strip()) or (KOSONG,),
        mengingat=tuple(m.strip() for m in instansi.mengingat if m.strip()) or (KOSONG,),
        menetapkan=f"KEPUTUSAN {kepala} TENTANG {tentang}.",
        diktum=diktum,
        ditetapkan_di=_isi(instansi.kota),
        pada_tanggal=tanggal,
        jabatan_penanda=kepala,
        nama=_isi(instansi.kepala.nama),
        pangkat=_isi(instansi.kepala.pangkat),
        nip=_isi(instansi.kepala.nip),
        lampiran=(
            ("LAMPIRAN", f"KEPUTUSAN {kepala}"),
            ("NOMOR", nomor),
            ("TANGGAL", tanggal),
            ("TENTANG", tentang),
        ),
    )


# ---------------------------------------------------------------- the Lampiran


@dataclass(frozen=True)
class BarisLampiran:
    indikator: str
    formulasi: str  # penjelasan (if any) then the formula in Indonesian notation
    sumber_data: str


@dataclass(frozen=True)
class KelompokKinerja:
    """One kinerja (sasaran) and its indicators; printed with the kinerja cell merged."""

    sasaran: str
    baris: tuple[BarisLampiran, ...]  # empty: a kinerja with no indicator (printed empty)


@dataclass(frozen=True)
class BlokLampiran:
    jabatan_id: str
    nama: str
    kedalaman: int
    tugas: tuple[str, ...]
    fungsi: tuple[str, ...]
    kinerja: tuple[KelompokKinerja, ...]


def teks_formulasi(ind: Indikator) -> str:
    """The PENJELASAN/FORMULASI PENGHITUNGAN cell of an indicator.

    The formula in Indonesian notation (`tulis_formulasi`) where the indicator has
    components (or a status scale); otherwise the formulasi text as printed. A penjelasan,
    when there is one, comes first.
    """
    if ind.komponen or (ind.jenis is STATUS and ind.skala):
        rumus = tulis_formulasi(ind).strip()
    else:
        rumus = ind.formulasi.strip()
    penjelasan = ind.penjelasan.strip()
    if penjelasan and rumus:
        return f"{penjelasan}\n{rumus}"
    return penjelasan or rumus


def blok_lampiran(doc: Dokumen) -> list[BlokLampiran]:
    """One block per jabatan, in org-chart order (the atasan tree depth first)."""
    hasil = []
    for jab, dalam in urutan_org(doc):
        kinerja = tuple(
            KelompokKinerja(
                sasaran=k.sasaran.strip(),
                baris=tuple(
                    BarisLampiran(i.nama.strip(), teks_formulasi(i), i.sumber_data.strip())
                    for i in k.indikator
                ),
            )
            for k in jab.kinerja
        )
        hasil.append(
            BlokLampiran(
                jabatan_id=jab.id,
                nama=jab.nama.strip(),
                kedalaman=dalam,
                tugas=tuple(t.strip() for t in jab.tugas if t.strip()),
                fungsi=tuple(f.strip() for f in jab.fungsi if f.strip()),
                kinerja=kinerja,
            )
        )
    return hasil


def huruf(i: int) -> str:
    """a, b, … z, aa, ab … for a lettered list."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(ord("a") + r) + s
    return s


# ---------------------------------------------------------------- the Rekap

Sel = float | str | None


@dataclass(slots=True)  # not frozen: compiled by mypyc, a frozen one does not unpickle
class BarisRekap:
    """One indicator of one jabatan, with everything computed: a Rekap row (crosses from
    the reading workers to the writer by pickle)."""

    dinas: str
    unit: str
    jabatan: str
    jenis_jabatan: str
    atasan: str
    kinerja: str
    indikator: str
    jenis: str  # the formula kind
    satuan: str
    polaritas: str
    target: Sel
    realisasi: tuple[Sel, Sel, Sel, Sel]  # the indicator's value per quarter
    nilai: Sel  # the year's value
    capaian: float | None  # raw percent (not clamped)
    predikat: str
    sumber_data: str
    keterangan: str  # why there is no capaian, when there is none


KOLOM_REKAP: tuple[str, ...] = (
    "No",
    "Perangkat Daerah",
    "Bidang/Unit",
    "Jabatan",
    "Jenis Jabatan",
    "Atasan",
    "Kinerja",
    "Indikator Kinerja",
    "Jenis Formula",
    "Satuan",
    "Polaritas",
    "Target",
    *(f"Realisasi {t}" for t in NAMA_TRIWULAN),
    "Nilai Tahunan",
    "Capaian (%)",
    "Predikat",
    "Sumber Data",
    "Keterangan",
)


def sel_rekap(no: int, b: BarisRekap) -> tuple[Sel, ...]:
    """A Rekap row in the order of KOLOM_REKAP."""
    return (
        float(no),
        b.dinas,
        b.unit,
        b.jabatan,
        b.jenis_jabatan,
        b.atasan,
        b.kinerja,
        b.indikator,
        b.jenis,
        b.satuan,
        b.polaritas,
        b.target,
        *b.realisasi,
        b.nilai,
        b.capaian,
        b.predikat,
        b.sumber_data,
        b.keterangan,
    )


def _angka(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def _target(t: object) -> Sel:
    if isinstance(t, RentangTarget):
        return f"{_angka(t.bawah)}–{_angka(t.atas)}"
    if isinstance(t, int | float) and not isinstance(t, bool):
        return float(t)
    if isinstance(t, str):
        return t.strip() or None
    return None


def _mentah(x: Isian) -> Sel:
    if isinstance(x, str):
        return x.strip() or None
    return x


def baris_rekap(
    doc: Dokumen, dinas: str | None = None, *, hitungan: HitunganDokumen | None = None
) -> list[BarisRekap]:
    """One row per indicator, jabatan in org-chart order.

    `hitungan`: the values the rules already computed for this document (`rules.periksa(doc,
    hitungan=...)`), reused where they belong to the very same indicator objects."""
    label = dinas if dinas is not None else nama_dinas(doc.instansi)
    nama = {j.id: j.nama.strip() for j in doc.jabatan}
    posisi = {id(j): i for i, j in enumerate(doc.jabatan)}
    hitung = HitunganDokumen() if hitungan is None else hitungan
    skala = doc.skala_predikat
    hasil = []
    for jab, _ in urutan_org(doc):
        atasan = nama.get(jab.atasan or "", "")
        j = posisi[id(jab)]
        for k, kin in enumerate(jab.kinerja):
            for n, ind in enumerate(kin.indikator):
                hasil.append(
                    _baris(label, jab, atasan, kin, ind, hitung.hasil((j, k, n), ind, skala))
                )
    return hasil


def _baris(
    label: str, jab: Jabatan, atasan: str, kin: Kinerja, ind: Indikator, h: HasilIndikator
) -> BarisRekap:
    status = ind.jenis is STATUS
    tw: list[Sel] = []
    for i, x in enumerate(h.triwulan):
        tw.append(_mentah(ind.realisasi[i]) if status or not x.ada else x.nilai)
    if status and h.tahunan.nilai is not None and 1 <= h.tahunan.nilai <= len(ind.skala):
        # a status value is its position on the scale: show the level's name
        nilai: Sel = ind.skala[int(h.tahunan.nilai) - 1].nama
    else:
        nilai = h.tahunan.nilai
    return BarisRekap(
        dinas=label,
        unit=jab.unit.strip(),
        jabatan=jab.nama.strip(),
        jenis_jabatan=str(jab.jenis) if jab.jenis else "",
        atasan=atasan,
        kinerja=kin.sasaran.strip(),
        indikator=ind.nama.strip(),
        jenis=str(ind.jenis) if ind.jenis else "",
        satuan=ind.satuan.strip(),
        polaritas=str(ind.polaritas),
        target=_target(ind.target),
        realisasi=(tw[0], tw[1], tw[2], tw[3]),
        nilai=nilai,
        capaian=h.capaian.nilai,
        predikat=h.predikat,
        sumber_data=ind.sumber_data.strip(),
        keterangan="" if h.capaian.ada else h.capaian.alasan,
    )


@dataclass
class RekapDinas:
    """What one Dinas contributes to a consolidation: small and picklable.

    At Pemda scale a reading worker returns this instead of the whole document.
    `pemeriksaan` is None when validation was not available.
    """

    dinas: str
    sumber: str
    baris: list[BarisRekap]
    jabatan_per_jenis: dict[str, int]
    urutan_predikat: list[str]
    pemeriksaan: dict[str, int] | None = None
    contoh_galat: list[str] = field(default_factory=list)  # a few galat messages, for the CLI

    @property
    def galat(self) -> int:
        return (self.pemeriksaan or {}).get(str(Keparahan.GALAT), 0)


def hitung_temuan(temuan: Iterable[Temuan]) -> dict[str, int]:
    jumlah = {str(k): 0 for k in Keparahan}
    for t in temuan:
        jumlah[str(t.keparahan)] += 1
    return jumlah


def rekap_dinas(
    doc: Dokumen,
    temuan: Sequence[Temuan] | None = None,
    *,
    sumber: str = "",
    dinas: str | None = None,
    hitungan: HitunganDokumen | None = None,
) -> RekapDinas:
    """The Rekap rows and the counts of one Dinas. `temuan` None: validation unavailable.
    `hitungan`: see `baris_rekap` (what the rules computed for this document)."""
    label = dinas or nama_dinas(doc.instansi) or sumber or KOSONG
    jenis = Counter(str(j.jenis) if j.jenis else TANPA_JENIS for j in doc.jabatan)
    return RekapDinas(
        dinas=label,
        sumber=sumber,
        baris=baris_rekap(doc, label, hitungan=hitungan),
        jabatan_per_jenis=dict(jenis),
        urutan_predikat=[b.predikat for b in doc.skala_predikat],
        pemeriksaan=None if temuan is None else hitung_temuan(temuan),
        contoh_galat=[
            f"{t.sheet + '!' + t.sel + ' ' if t.sheet else ''}{t.jabatan + ': ' if t.jabatan else ''}{t.pesan}"
            for t in (temuan or [])
            if t.keparahan is Keparahan.GALAT
        ][:5],
    )


# ---------------------------------------------------------------- the Ringkasan


@dataclass
class RataRata:
    indikator: int = 0
    dinilai: int = 0
    jumlah: float = 0.0

    def tambah(self, capaian: float | None) -> None:
        self.indikator += 1
        if capaian is not None:
            self.dinilai += 1
            self.jumlah += tampil_capaian(capaian)

    @property
    def nilai(self) -> float | None:
        """Average capaian (each clamped to 0–200 % as displayed) over assessed indicators."""
        return self.jumlah / self.dinilai if self.dinilai else None


@dataclass
class Ringkasan:
    """Counts and averages, accumulated one Dinas at a time (`tambah`)."""

    dinas: list[str] = field(default_factory=list)
    jabatan_per_jenis: dict[str, Counter[str]] = field(default_factory=dict)
    indikator_per_jenis: dict[str, Counter[str]] = field(default_factory=dict)
    predikat: dict[str, Counter[str]] = field(default_factory=dict)
    urutan_predikat: list[str] = field(default_factory=list)
    per_bidang: dict[tuple[str, str], RataRata] = field(default_factory=dict)
    per_dinas: dict[str, RataRata] = field(default_factory=dict)
    pemeriksaan: dict[str, dict[str, int] | None] = field(default_factory=dict)

    def tambah(self, r: RekapDinas) -> None:
        d = r.dinas
        self.dinas.append(d)
        self.jabatan_per_jenis[d] = Counter(r.jabatan_per_jenis)
        self.pemeriksaan[d] = r.pemeriksaan
        per_jenis: Counter[str] = Counter()
        pred: Counter[str] = Counter()
        rata = self.per_dinas.setdefault(d, RataRata())
        for p in r.urutan_predikat:
            if p not in self.urutan_predikat:
                self.urutan_predikat.append(p)
        for b in r.baris:
            per_jenis[b.jenis_jabatan or TANPA_JENIS] += 1
            pred[b.predikat or BELUM_DINILAI] += 1
            if b.predikat and b.predikat not in self.urutan_predikat:
                self.urutan_predikat.append(b.predikat)
            self.per_bidang.setdefault((d, b.unit or TANPA_UNIT), RataRata()).tambah(b.capaian)
            rata.tambah(b.capaian)
        self.indikator_per_jenis[d] = per_jenis
        self.predikat[d] = pred

    @property
    def kolom_predikat(self) -> list[str]:
        return [*self.urutan_predikat, BELUM_DINILAI]

    @property
    def kolom_jenis(self) -> list[str]:
        """Jenis jabatan that occur, in the order of JenisJabatan."""
        ada = {j for c in self.jabatan_per_jenis.values() for j in c if c[j]}
        return [j for j in URUTAN_JENIS if j in ada]

    @property
    def pemeriksaan_tersedia(self) -> bool:
        return any(p is not None for p in self.pemeriksaan.values())


def ringkas(rekap: Iterable[RekapDinas]) -> Ringkasan:
    r = Ringkasan()
    for x in rekap:
        r.tambah(x)
    return r
