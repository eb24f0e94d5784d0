"""YAML and JSON in and out of the model, keys in the domain's own words."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, ValidationError

from iki_xl.core.model import Dokumen, Indikator, Isian, Target, triwulan_kosong
from iki_xl.errors import UnusableFile
from iki_xl.io.atomic import write_atomic
from iki_xl.io.read.source import read_bounded

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


MAX_BYTES = 50 << 20  # a data file larger than this is refused before it is read
MAX_DEPTH = 64  # nesting of lists and mappings (a document needs about 10)
MAX_NODES = 2_000_000  # YAML nodes once aliases are expanded (an alias bomb has 9^10)


def _read_text(path: Path) -> str:
    """The file's text: a regular file of bounded size, UTF-8 (a BOM'd UTF-16/32 too)."""
    data = read_bounded(path, MAX_BYTES, "berkas data")
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):  # fmt: skip
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnusableFile(
            f"{path}: bukan teks UTF-8 (simpan ulang berkas ini sebagai teks UTF-8)"
        ) from None


def _too_deep(source: Path) -> UnusableFile:
    return UnusableFile(
        f"{source}: struktur bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)"
    )


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _check_json_depth(text: str, source: Path) -> None:
    depth = 0
    for m in _JSON_TOKEN.finditer(text):
        t = m.group()
        if t in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep(source)
        elif t in "]}":
            depth -= 1


def _check_yaml_shape(text: str, source: Path) -> None:
    """Walk the YAML event stream (no recursion, no construction): refuse a nesting deeper
    than MAX_DEPTH and aliases that would expand to more than MAX_NODES nodes."""
    sizes: dict[str, int] = {}
    stack: list[tuple[str | None, int]] = []
    total = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append((event.anchor, 1))
            if len(stack) > MAX_DEPTH:
                raise _too_deep(source)
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, n = stack.pop()
        elif isinstance(event, yaml.ScalarEvent):
            anchor, n = event.anchor, 1
        elif isinstance(event, yaml.AliasEvent):
            anchor, n = None, sizes.get(event.anchor or "", 1)
        else:
            continue
        if anchor:
            sizes[anchor] = n
        total += n if isinstance(event, yaml.AliasEvent) else 0
        if stack:
            stack[-1] = (stack[-1][0], stack[-1][1] + n)
        if total > MAX_NODES or n > MAX_NODES:
            raise UnusableFile(
                f"{source}: alias YAML terlalu banyak (lebih dari {MAX_NODES:,} simpul bila "
                "diuraikan); tulis isinya langsung".replace(",", ".")
            )


def _nonfinite(data: Any, jalur: str = "") -> str | None:
    """The jalur of the first NaN or infinite number in parsed data, if any."""
    if isinstance(data, float) and not math.isfinite(data):
        return jalur or "(akar)"
    if isinstance(data, dict):
        items: Any = ((f"{jalur}.{k}" if jalur else str(k), v) for k, v in data.items())
    elif isinstance(data, list):
        items = ((f"{jalur}[{i}]", v) for i, v in enumerate(data))
    else:
        return None
    for where, v in items:
        found = _nonfinite(v, where)
        if found:
            return found
    return None


def dokumen_from_data(data: Any, source: str) -> Dokumen:
    if not isinstance(data, dict):
        raise UnusableFile(f"{source}: isi berkas harus berupa pemetaan (instansi, jabatan, …)")
    where = _nonfinite(data)
    if where is not None:
        raise UnusableFile(f"{source}: {where}: harus berupa angka terhingga (bukan NaN/inf)")
    try:
        doc = Dokumen.model_validate(data)
    except ValidationError as e:
        raise UnusableFile(_validation_message(source, e)) from None
    first: dict[str, int] = {}
    for i, jab in enumerate(doc.jabatan):
        if jab.id in first:
            raise UnusableFile(
                f"{source}: jabatan[{i}].id: '{jab.id}' sudah dipakai jabatan[{first[jab.id]}] "
                "(ID ganda); setiap jabatan perlu ID yang unik"
            )
        first[jab.id] = i
    return doc


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed


def read_yaml(path: Path | str) -> Any:
    path = Path(path)
    text = _read_text(path)
    try:
        _check_yaml_shape(text, path)
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" baris {mark.line + 1}" if mark is not None else ""
        raise UnusableFile(f"{path}:{line} YAML tidak valid") from None
    except RecursionError:
        raise _too_deep(path) from None


def load(path: Path | str) -> Dokumen:
    """Load a document from .yaml/.yml or .json."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        text = _read_text(path)
        _check_json_depth(text, path)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise UnusableFile(f"{path}: baris {e.lineno} JSON tidak valid") from None
        except RecursionError:
            raise _too_deep(path) from None
    else:
        data = read_yaml(path)
    return dokumen_from_data(data, str(path))


def to_data(doc: Dokumen) -> dict[str, Any]:
    return doc.model_dump(mode="json", exclude_defaults=True)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
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
    # the document now holds example figures: it says so (and every page marks CONTOH)
    result.instansi.contoh = " ".join(contoh.keterangan.split())
    for item in contoh.isian:
        jab = result.cari(item.jabatan)
        indikator = jab.semua_indikator() if jab else []
        if not 1 <= item.no <= len(indikator):
            raise UnusableFile(
                f"{path}: jabatan '{item.jabatan}' tidak punya indikator nomor {item.no}"
            )
        _fill(indikator[item.no - 1][1], item)
    return result
