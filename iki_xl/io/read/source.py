"""An input file before anything parses it: a regular file we may read, of bounded size.

A FIFO would block forever, /dev/zero never ends, a symlink loop or a file without read
permission raises deep inside a library: each gets one line in Bahasa Indonesia here
(`UnusableFile`, exit 2). The file is opened non-blocking and checked on the open file
descriptor, so a path swapped for a FIFO between the check and the read cannot block.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from iki_xl.errors import UnusableFile

_OPEN_REASONS = {
    errno.ENOENT: "berkas tidak ditemukan",
    errno.ENOTDIR: "berkas tidak ditemukan",
    errno.ELOOP: "tidak dapat dibaca (tautan simbolik melingkar)",
    errno.EACCES: "tidak dapat dibaca (izin ditolak)",
    errno.EPERM: "tidak dapat dibaca (izin ditolak)",
    errno.EISDIR: "ini folder, bukan berkas",
    errno.ENAMETOOLONG: "tidak dapat dibaca (nama terlalu panjang)",
    errno.ENXIO: "bukan berkas biasa (perangkat atau pipa tanpa penulis)",
}


def _mb(n: int) -> str:
    return f"{n / (1 << 20):.0f} MB"


def open_regular(path: Path | str) -> tuple[int, int]:
    """(file descriptor, size) of a regular file opened for reading; `UnusableFile` else.
    The caller closes the descriptor."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        why = _OPEN_REASONS.get(e.errno or 0, "tidak dapat dibaca")
        raise UnusableFile(f"{path}: {why}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise UnusableFile(f"{path}: ini folder, bukan berkas")
        if not stat.S_ISREG(st.st_mode):
            kind = "FIFO/pipa" if stat.S_ISFIFO(st.st_mode) else "perangkat atau soket"
            raise UnusableFile(f"{path}: bukan berkas biasa ({kind}); pakai berkas yang disimpan")
    except BaseException:
        os.close(fd)
        raise
    return fd, st.st_size


def read_bounded(path: Path | str, limit: int, what: str = "berkas") -> bytes:
    """The bytes of a regular file of at most `limit` bytes (the read stops past it)."""
    fd, size = open_regular(path)
    try:
        if size > limit:
            raise UnusableFile(
                f"{path}: {what} terlalu besar ({_mb(size)}; paling besar {_mb(limit)})"
            )
        chunks, n = [], 0
        while True:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - n))
            except OSError:
                raise UnusableFile(f"{path}: tidak dapat dibaca") from None
            if not chunk:
                break
            chunks.append(chunk)
            n += len(chunk)
            if n > limit:  # the file grew while read
                raise UnusableFile(f"{path}: {what} terlalu besar (lebih dari {_mb(limit)})")
        return b"".join(chunks)
    finally:
        os.close(fd)
