"""YAML and JSON in and out of the model, keys in the domain's own words."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from iki_xl.core.model import Dokumen, Indikator, Isian, Target, triwulan_kosong
from iki_xl.errors import UnusableFile
from iki_xl.io.atomic import write_atomic

_UNION_MEMBER = re.compile(r"^(float|str|int|none|function-\w+\[.*\]|RentangTarget)$")


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _UNION_MEMBER.match(part):
            continue  # a member of a union type, which pydantic adds to the path
        else:
            text += f".{part}" if text else part
    return text or "(akar)"


def _expected(err: Any, union: bool) -> str:
    """What was expected, in Bahasa Indonesia."""
    kind, ctx = err["type"], err.get("ctx") or {}
    if union:
        return "harus berupa angka, rentang {bawah: …, atas: …}, atau teks"
    match kind:
        case "missing":
            return "wajib diisi"
        case "extra_forbidden":
            return "kunci ini tidak dikenal"
        case "float_type" | "float_parsing" | "int_type" | "int_parsing" | "int_from_float":
            return "harus berupa angka" + (" bulat" if kind.startswith("int") else "")
        case "string_type":
            return "harus berupa teks"
        case "list_type":
            return "harus berupa daftar"
        case "dict_type" | "model_type" | "model_attributes_type":
            return "harus berupa pemetaan (kunci: nilai)"
        case "enum" | "literal_error":
            return f"harus salah satu dari {ctx.get('expected', '…')}".replace(" or ", " atau ")
        case "too_short" | "too_long":
            n = ctx.get("min_length", ctx.get("max_length"))
            return f"harus berisi {n} butir (triwulan I–IV)"
        case "value_error":
            return str(ctx.get("error", err["msg"]))
    return str(err["msg"])


def _validation_message(source: str, e: ValidationError) -> str:
    errors = e.errors()
    err = errors[0]
    where = _location(err["loc"])
    # a union (target) reports one error per member: one message says it once
    union = sum(1 for x in errors if _location(x["loc"]) == where) > 1
    others = sum(1 for x in errors if _location(x["loc"]) != where)
    more = f" (dan {others} kesalahan lain)" if others else ""
    return f"{source}: {where}: {_expected(err, union)}{more}"


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UnusableFile(f"{path}: berkas tidak ditemukan") from None
    except IsADirectoryError:
        raise UnusableFile(f"{path}: ini folder, bukan berkas") from None
    except (OSError, UnicodeDecodeError) as e:
        raise UnusableFile(f"{path}: tidak dapat dibaca ({e.__class__.__name__})") from None


def dokumen_from_data(data: Any, source: str) -> Dokumen:
    if not isinstance(data, dict):
        raise UnusableFile(f"{source}: isi berkas harus berupa pemetaan (instansi, jabatan, …)")
    try:
        return Dokumen.model_validate(data)
    except ValidationError as e:
        raise UnusableFile(_validation_message(source, e)) from None


def read_yaml(path: Path | str) -> Any:
    path = Path(path)
    try:
        return yaml.safe_load(_read_text(path))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" baris {mark.line + 1}" if mark is not None else ""
        raise UnusableFile(f"{path}:{line} YAML tidak valid") from None


def load(path: Path | str) -> Dokumen:
    """Load a document from .yaml/.yml or .json."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(_read_text(path))
        except json.JSONDecodeError as e:
            raise UnusableFile(f"{path}: baris {e.lineno} JSON tidak valid") from None
    else:
        data = read_yaml(path)
    return dokumen_from_data(data, str(path))


def to_data(doc: Dokumen) -> dict[str, Any]:
    return doc.model_dump(mode="json", exclude_defaults=True)


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, s: str) -> yaml.ScalarNode:
    style = "|" if "\n" in s else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(doc: Dokumen) -> str:
    return yaml.dump(to_data(doc), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def to_json(doc: Dokumen) -> str:
    return json.dumps(to_data(doc), ensure_ascii=False, indent=2) + "\n"


def save(doc: Dokumen, path: Path | str) -> None:
    path = Path(path)
    text = to_json(doc) if path.suffix.lower() == ".json" else to_yaml(doc)
    write_atomic(path, text.encode("utf-8"))


def json_schema() -> dict[str, Any]:
    return Dokumen.model_json_schema()


# ---------------------------------------------------------------- example figures overlay


class ContohIsian(BaseModel):
    """Example figures for one indicator (the n-th of its jabatan, from 1): target, quarterly
    targets, realisasi, and the faktor of each quarter."""

    jabatan: str
    no: int = Field(ge=1)
    target: Target = None
    target_triwulan: list[Isian] | None = None
    baseline: float | None = None
    realisasi: dict[str, list[Isian]] | list[Isian] = Field(default_factory=triwulan_kosong)
    faktor_pendukung: list[str] | None = None
    faktor_penghambat: list[str] | None = None
    tindak_lanjut: list[str] | None = None


class ContohFile(BaseModel):
    keterangan: str  # says plainly that the figures are examples, not from the document
    instansi: dict[str, Any] = Field(default_factory=dict)  # example decree fields
    isian: list[ContohIsian] = Field(default_factory=list)


def _fill(ind: Indikator, item: ContohIsian) -> None:
    ind.target = item.target
    for name in ("target_triwulan", "faktor_pendukung", "faktor_penghambat", "tindak_lanjut"):
        if getattr(item, name) is not None:
            setattr(ind, name, getattr(item, name))
    if item.baseline is not None:
        ind.baseline = item.baseline
    if isinstance(item.realisasi, dict):
        for k in ind.komponen:
            if k.kode in item.realisasi:
                k.realisasi = item.realisasi[k.kode]
    else:
        ind.realisasi = item.realisasi


def apply_contoh(doc: Dokumen, path: Path | str) -> Dokumen:
    """A copy of a (completed) document with the example figures of an overlay file."""
    path = Path(path)
    data = read_yaml(path)
    for item in data.get("isian", []) if isinstance(data, dict) else []:
        if isinstance(item, dict) and False in item:  # YAML 1.1 reads a bare `no:` key as false
            item["no"] = item.pop(False)
    try:
        contoh = ContohFile.model_validate(data)
    except ValidationError as e:
        raise UnusableFile(_validation_message(str(path), e)) from None
    result = doc.model_copy(deep=True)
    if contoh.instansi:
        merged = result.instansi.model_dump() | contoh.instansi
        result.instansi = dokumen_from_data({"instansi": merged}, str(path)).instansi
    for item in contoh.isian:
        jab = result.cari(item.jabatan)
        indikator = jab.semua_indikator() if jab else []
        if not 1 <= item.no <= len(indikator):
            raise UnusableFile(
                f"{path}: jabatan '{item.jabatan}' tidak punya indikator nomor {item.no}"
            )
        _fill(indikator[item.no - 1][1], item)
    return result
