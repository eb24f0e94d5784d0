"""Input and output paths: which kinds of file each command takes, one message each."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from iki_xl.errors import UnusableFile

WORKBOOK = (".xlsx", ".xlsm")
DATA = (".yaml", ".yml", ".json")
INPUT_PATTERNS = ("*.xlsm", "*.xlsx", "*.yaml", "*.yml", "*.json")


def _listing(suffixes: Sequence[str]) -> str:
    return ", ".join(suffixes[:-1]) + " atau " + suffixes[-1] if len(suffixes) > 1 else suffixes[0]


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK


def check_input(path: Path, allowed: Sequence[str] = (*WORKBOOK, *DATA)) -> None:
    """Refuse an input whose kind the command does not read."""
    if path.suffix.lower() not in allowed:
        raise UnusableFile(f"{path}: format tidak dikenal (pakai {_listing(allowed)})")


def check_output(
    path: Path, allowed: Sequence[str], what: str, inputs: Sequence[Path] = ()
) -> None:
    """Refuse an output of the wrong kind, or one that would replace an input."""
    if path.suffix.lower() not in allowed:
        raise UnusableFile(f"{path}: {what} harus berupa berkas {_listing(allowed)}")
    if any(path.resolve() == i.resolve() for i in inputs):
        raise UnusableFile(f"{path}: {what} tidak boleh menimpa berkas masukan")


def collect_inputs(inputs: Sequence[Path | str]) -> list[Path]:
    """Files as given; a folder contributes its workbooks and data files, sorted by name.

    Lock files of Excel ("~$…") and our own temporary files (".…") are left out.
    """
    result: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = {f for pattern in INPUT_PATTERNS for f in p.glob(pattern)}
            result.extend(
                sorted(f for f in found if f.is_file() and not f.name.startswith(("~$", ".")))
            )
        else:
            result.append(p)
    return result
