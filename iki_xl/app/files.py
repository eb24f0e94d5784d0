"""Input and output paths: which kinds of file each command takes, one message each.

Paths are compared by what they are, not how they are written: `p.xlsm`, `./p.xlsm`, a
symlink or a hard link to it are one file (device and inode), and a path that cannot be
resolved (a symlink loop) never raises here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from iki_xl.errors import UnusableFile
from iki_xl.io.atomic import check_writable, is_temporary

WORKBOOK = (".xlsx", ".xlsm")
DATA = (".yaml", ".yml", ".json")
INPUT_PATTERNS = ("*.xlsm", "*.xlsx", "*.yaml", "*.yml", "*.json")
INPUT_SUFFIXES = (*WORKBOOK, *DATA)


def _listing(suffixes: Sequence[str]) -> str:
    return ", ".join(suffixes[:-1]) + " atau " + suffixes[-1] if len(suffixes) > 1 else suffixes[0]


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK


def check_input(path: Path, allowed: Sequence[str] = (*WORKBOOK, *DATA)) -> None:
    """Refuse an input whose kind the command does not read."""
    if path.suffix.lower() not in allowed:
        raise UnusableFile(f"{path}: format tidak dikenal (pakai {_listing(allowed)})")


def identity(path: Path) -> tuple[int, int] | str:
    """What a path is: (device, inode) of an existing file, else its resolved text."""
    try:
        st = os.stat(path)
        return (st.st_dev, st.st_ino)
    except (OSError, ValueError):
        return os.path.realpath(path)


def same_file(a: Path, b: Path) -> bool:
    return identity(a) == identity(b)


def check_output(
    path: Path, allowed: Sequence[str], what: str, inputs: Sequence[Path] = ()
) -> None:
    """Refuse, before any work, an output of the wrong kind, one that would replace an
    input (also one found in a folder given as input), one that would land in a folder
    given as input (the next run would read it as an input), or one that cannot be
    written at all."""
    if path.suffix.lower() not in allowed:
        raise UnusableFile(f"{path}: {what} harus berupa berkas {_listing(allowed)}")
    out = identity(path)
    for given in inputs:
        if identity(given) == out:
            raise UnusableFile(f"{path}: {what} tidak boleh menimpa berkas masukan")
        if os.path.isdir(given):
            if any(identity(f) == out for f in collect_inputs([given])):
                raise UnusableFile(f"{path}: {what} tidak boleh menimpa berkas masukan")
            if path.suffix.lower() in INPUT_SUFFIXES and same_file(path.parent, given):
                raise UnusableFile(
                    f"{path}: {what} tidak boleh ditulis di folder masukan {given} "
                    "(akan terbaca sebagai masukan); pilih folder lain"
                )
    check_writable(path)


def collect_inputs(inputs: Sequence[Path | str], notes: list[str] | None = None) -> list[Path]:
    """Files as given; a folder contributes its workbooks and data files, sorted by name.

    Lock files of Excel ("~$…"), hidden files and our own temporary files (".…") are left
    out. A file named twice (or through another path, a symlink, a hard link) is taken
    once; `notes` receives one line (Bahasa) per repetition.
    """
    result: list[Path] = []
    seen: dict[tuple[int, int] | str, Path] = {}
    for item in inputs:
        p = Path(item)
        if os.path.isdir(p):
            try:
                found = {f for pattern in INPUT_PATTERNS for f in p.glob(pattern)}
            except OSError:
                found = set()
            files = sorted(
                f
                for f in found
                if f.is_file() and not f.name.startswith(("~$", ".")) and not is_temporary(f.name)
            )
        else:
            files = [p]
        for f in files:
            key = identity(f)
            if key in seen:
                if notes is not None:
                    notes.append(
                        f"{f}: berkas yang sama dengan {seen[key]} disebut lagi; dibaca sekali"
                    )
                continue
            seen[key] = f
            result.append(f)
    return result


def input_files(inputs: Sequence[Path | str], output: Path, notes: list[str]) -> list[Path]:
    """The input files of a command that reads many (folders expanded, repetitions noted
    in `notes`); none of them may be the output."""
    files = collect_inputs(inputs, notes)
    if not files:
        where = ", ".join(str(i) for i in inputs[:3]) + ": " if inputs else ""
        raise UnusableFile(f"{where}tidak ada berkas masukan (.xlsx, .xlsm, .yaml, .json)")
    for f in files:
        if same_file(f, output):
            raise UnusableFile(f"{output}: keluaran tidak boleh menimpa berkas masukan {f}")
    return files
