"""YAML and JSON in and out of the model, keys in the domain's own words."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from iki_xl.core.model import Dokumen, Isian, Target, triwulan_kosong
from iki_xl.errors import BerkasTidakValid
from iki_xl.io.atomic import tulis_atomik

_ANGGOTA_UNION = re.compile(r"^(float|str|int|none|function-\w+\[.*\]|RentangTarget)$")


def _lokasi(loc: tuple[int | str, ...]) -> str:
    teks = ""
    for bagian in loc:
        if isinstance(bagian, int):
            teks += f"[{bagian}]"
        elif _ANGGOTA_UNION.match(bagian):
            continue  # a member of a union type, which pydantic adds to the path
        else:
            teks += f".{bagian}" if teks else bagian
    return teks or "(akar)"


def _penjelasan(err: Any, union: bool) -> str:
    """What was expected, in Bahasa Indonesia."""
    jenis, ctx = err["type"], err.get("ctx") or {}
    if union:
        return "harus berupa angka, rentang {bawah: …, atas: …}, atau teks"
    match jenis:
        case "missing":
            return "wajib diisi"
        case "extra_forbidden":
            return "kunci ini tidak dikenal"
        case "float_type" | "float_parsing" | "int_type" | "int_parsing" | "int_from_float":
            return "harus berupa angka" + (" bulat" if jenis.startswith("int") else "")
        case "string_type":
            return "harus berupa teks"
        case "list_type":
            return "harus berupa daftar"
        case "dict_type" | "model_type" | "model_attributes_type":
            return "harus berupa pemetaan (kunci: nilai)"
        case "enum" | "literal_error":
            return f"harus salah satu dari {ctx.get('expected', '…')}".replace(" or ", " atau ")
        case "too_short" | "too_long":
            return (
                f"harus berisi {ctx.get('min_length', ctx.get('max_length'))} butir (triwulan I–IV)"
            )
        case "value_error":
            return str(ctx.get("error", err["msg"]))
    return str(err["msg"])


def _pesan_validasi(sumber: str, e: ValidationError) -> str:
    errors = e.errors()
    err = errors[0]
    lokasi = _lokasi(err["loc"])
    # a union (target) reports one error per member: one message says it once
    union = sum(1 for x in errors if _lokasi(x["loc"]) == lokasi) > 1
    lain = sum(1 for x in errors if _lokasi(x["loc"]) != lokasi)
    lebih = f" (dan {lain} kesalahan lain)" if lain else ""
    return f"{sumber}: {lokasi}: {_penjelasan(err, union)}{lebih}"


def _baca_teks(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BerkasTidakValid(f"{path}: berkas tidak ditemukan") from None
    except IsADirectoryError:
        raise BerkasTidakValid(f"{path}: ini folder, bukan berkas") from None
    except (OSError, UnicodeDecodeError) as e:
        raise BerkasTidakValid(f"{path}: tidak dapat dibaca ({e.__class__.__name__})") from None


def dokumen_dari_data(data: Any, sumber: str) -> Dokumen:
    if not isinstance(data, dict):
        raise BerkasTidakValid(f"{sumber}: isi berkas harus berupa pemetaan (instansi, jabatan, …)")
    try:
        return Dokumen.model_validate(data)
    except ValidationError as e:
        raise BerkasTidakValid(_pesan_validasi(sumber, e)) from None


def baca_yaml(path: Path | str) -> Any:
    path = Path(path)
    try:
        return yaml.safe_load(_baca_teks(path))
    except yaml.YAMLError as e:
        tanda = getattr(e, "problem_mark", None)
        baris = f" baris {tanda.line + 1}" if tanda is not None else ""
        raise BerkasTidakValid(f"{path}:{baris} YAML tidak valid") from None


def muat(path: Path | str) -> Dokumen:
    """Load a document from .yaml/.yml or .json."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(_baca_teks(path))
        except json.JSONDecodeError as e:
            raise BerkasTidakValid(f"{path}: baris {e.lineno} JSON tidak valid") from None
    else:
        data = baca_yaml(path)
    return dokumen_dari_data(data, str(path))


def ke_data(doc: Dokumen) -> dict[str, Any]:
    return doc.model_dump(mode="json", exclude_defaults=True)


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, s: str) -> yaml.ScalarNode:
    gaya = "|" if "\n" in s else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style=gaya)


_Dumper.add_representer(str, _str)


def ke_yaml(doc: Dokumen) -> str:
    return yaml.dump(ke_data(doc), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def ke_json(doc: Dokumen) -> str:
    return json.dumps(ke_data(doc), ensure_ascii=False, indent=2) + "\n"


def simpan(doc: Dokumen, path: Path | str) -> None:
    path = Path(path)
    teks = ke_json(doc) if path.suffix.lower() == ".json" else ke_yaml(doc)
    tulis_atomik(path, teks.encode("utf-8"))


def skema_json() -> dict[str, Any]:
    return Dokumen.model_json_schema()


# ---------------------------------------------------------------- example figures overlay


class IsianContoh(BaseModel):
    """Example target and realisasi for one indicator (the n-th of its jabatan, from 1)."""

    jabatan: str
    no: int = Field(ge=1)
    target: Target = None
    baseline: float | None = None
    realisasi: dict[str, list[Isian]] | list[Isian] = Field(default_factory=triwulan_kosong)


class BerkasContoh(BaseModel):
    keterangan: str  # says plainly that the figures are examples, not from the document
    instansi: dict[str, Any] = Field(default_factory=dict)  # example decree fields
    isian: list[IsianContoh] = Field(default_factory=list)


def terapkan_contoh(doc: Dokumen, path: Path | str) -> Dokumen:
    """A copy of a (completed) document with the example figures of an overlay file."""
    path = Path(path)
    data = baca_yaml(path)
    for isi in data.get("isian", []) if isinstance(data, dict) else []:
        if isinstance(isi, dict) and False in isi:  # YAML 1.1 reads a bare `no:` key as false
            isi["no"] = isi.pop(False)
    try:
        contoh = BerkasContoh.model_validate(data)
    except ValidationError as e:
        raise BerkasTidakValid(_pesan_validasi(str(path), e)) from None
    hasil = doc.model_copy(deep=True)
    if contoh.instansi:
        data = hasil.instansi.model_dump() | contoh.instansi
        hasil.instansi = dokumen_dari_data({"instansi": data}, str(path)).instansi
    for isi in contoh.isian:
        jab = hasil.cari(isi.jabatan)
        daftar = jab.semua_indikator() if jab else []
        if not 1 <= isi.no <= len(daftar):
            raise BerkasTidakValid(
                f"{path}: jabatan '{isi.jabatan}' tidak punya indikator nomor {isi.no}"
            )
        ind = daftar[isi.no - 1][1]
        ind.target = isi.target
        if isi.baseline is not None:
            ind.baseline = isi.baseline
        if isinstance(isi.realisasi, dict):
            for k in ind.komponen:
                if k.kode in isi.realisasi:
                    k.realisasi = isi.realisasi[k.kode]
        else:
            ind.realisasi = isi.realisasi
    return hasil
