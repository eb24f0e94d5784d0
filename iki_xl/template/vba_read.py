"""Read the VBA modules a macro-enabled workbook carries, and the xlwings version its
embedded ``xlwings`` module pins.

For `iki-xl doctor`, which must work where xlwings is missing or broken: this module
imports neither xlwings nor the template builder. The Compound File is read with olefile;
the ``dir`` stream gives each module's stream and where its compressed source starts
(MODULEOFFSET: 0 in the files we build, after Excel's p-code in a file Excel saved).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

from iki_xl.template.ovba import OvbaError, decompress

__all__ = [
    "XLWINGS_PINNED",
    "VbaReadError",
    "embedded_xlwings_version",
    "vba_modules",
    "version_in_source",
]

# The xlwings the template embeds and pyproject.toml pins: the embedded VBA module and the
# installed package must be the same version exactly.
XLWINGS_PINNED = "0.37.8"
VERSION_CONSTANT = re.compile(
    r'^Public Const XLWINGS_VERSION As String = "([^"]+)"', re.MULTILINE | re.IGNORECASE
)
VBA_PART = "xl/vbaProject.bin"
_MODULE_NAME, _STREAM_NAME, _OFFSET, _PROJECT_VERSION = 0x0019, 0x001A, 0x0031, 0x0009


class VbaReadError(ValueError):
    """The file holds no readable VBA project (names the file and the problem)."""


def _records(data: bytes) -> list[tuple[int, bytes]]:
    """The ``dir`` stream's records: (id, data). PROJECTVERSION is the one record whose
    size field (4) does not count its 6 bytes ([MS-OVBA] 2.3.4.2.1.11)."""
    out: list[tuple[int, bytes]] = []
    pos = 0
    while pos + 6 <= len(data):
        rid, size = struct.unpack_from("<HI", data, pos)
        pos += 6
        if rid == _PROJECT_VERSION:
            size = 6
        out.append((rid, data[pos : pos + size]))
        pos += size
    return out


def _module_streams(dir_data: bytes) -> dict[str, tuple[str, int]]:
    """Module name → (stream name, offset of its compressed source)."""
    modules: dict[str, tuple[str, int]] = {}
    name = stream = ""
    for rid, value in _records(dir_data):
        if rid == _MODULE_NAME:
            name = stream = value.decode("cp1252", "replace")
        elif rid == _STREAM_NAME:
            stream = value.decode("cp1252", "replace")
        elif rid == _OFFSET and name:
            modules[name] = (stream, struct.unpack("<I", value)[0])
    return modules


def vba_modules(path: Path | str) -> dict[str, str]:
    """Every module's source (module name → text) of an .xlsm/.xlam/.xlsb workbook."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            data = z.read(VBA_PART)
    except (OSError, zipfile.BadZipFile, KeyError) as e:
        raise VbaReadError(f"{path.name}: tidak memuat proyek VBA ({e})") from None
    import olefile  # here: `iki-xl doctor` must start even when it is missing

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = _module_streams(decompress(ole.openstream("VBA/dir").read()))
            return {
                name: decompress(ole.openstream(f"VBA/{stream}").read()[offset:]).decode(
                    "cp1252", "replace"
                )
                for name, (stream, offset) in streams.items()
            }
    except (OSError, OvbaError, struct.error) as e:
        raise VbaReadError(f"{path.name}: proyek VBA tidak terbaca ({e})") from None


def version_in_source(source: str) -> str | None:
    """The ``XLWINGS_VERSION`` constant of an xlwings VBA module's source."""
    m = VERSION_CONSTANT.search(source.replace("\r\n", "\n"))
    return m.group(1) if m else None


def embedded_xlwings_version(path: Path | str) -> str | None:
    """The xlwings version the workbook's ``xlwings`` module pins; None when it has no
    such module. Raises `VbaReadError` when the file has no readable VBA project."""
    source = vba_modules(path).get("xlwings")
    return None if source is None else version_in_source(source)
