"""Atomic file writes: a temporary file beside the target, then one rename.

The temporary file has a short name that says whose it is: `.~iki-<tag>-<random>.tmp`,
where the tag comes from the target's name. A writer holds an exclusive lock on its
temporary file while it writes (POSIX), so the next write to the same target can tell a
leftover of a killed run (SIGKILL, power cut: nothing can clean up then) from a write under
way, and removes only the leftovers. On Windows, where an open file cannot be removed and
no lock is taken, leftovers older than an hour are removed.

Every failure to write becomes one line in Bahasa Indonesia (`UnusableFile`, exit 2), with
the target named and the reason by errno: a folder of that name, no permission or a
read-only folder, a name too long, a full disk, a file held open by another program.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from iki_xl.errors import UnusableFile

TEMP_PREFIX = ".~iki-"
TEMP_SUFFIX = ".tmp"
_STALE_SECONDS = 3600  # Windows only: a temporary file older than this is a leftover

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_REASONS = {
    errno.EISDIR: "sudah ada folder dengan nama ini",
    errno.ENOTDIR: "sebagian jalurnya bukan folder",
    errno.EACCES: "izin ditolak, folder hanya-baca, atau berkas sedang dibuka program lain",
    errno.EPERM: "izin ditolak atau berkas sedang dibuka program lain",
    errno.EROFS: "folder hanya-baca",
    errno.ENAMETOOLONG: "nama berkas terlalu panjang",
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EFBIG: "berkas melebihi batas ukuran",
    errno.ENOENT: "folder tujuan tidak ada",
    errno.ELOOP: "tautan simbolik melingkar",
    errno.EBUSY: "berkas sedang dipakai program lain",
    errno.ETXTBSY: "berkas sedang dipakai program lain",
    errno.EXDEV: "folder sementara di disk lain",
}
# errors raised while the body writes the temporary file that mean the disk refused it
_WRITE_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS)


def reason(e: OSError) -> str:
    """Why an OS call failed, in Bahasa Indonesia."""
    if getattr(e, "winerror", None) in (32, 33):  # ERROR_SHARING_VIOLATION, LOCK_VIOLATION
        return "berkas sedang dibuka program lain (tutup dulu di Excel)"
    return _REASONS.get(e.errno or 0, "tidak dapat ditulis")


def cannot_write(target: Path, e: OSError) -> UnusableFile:
    return UnusableFile(f"{target}: tidak dapat ditulis ({reason(e)})")


def _os_error(e: BaseException) -> OSError | None:
    """The OSError behind an exception (XlsxWriter wraps it in FileCreateError)."""
    for x in (e, *(e.args[:1] if e.args else ()), e.__cause__, e.__context__):
        if isinstance(x, OSError):
            return x
    return None


def _tag(target: Path) -> str:
    """8 hex digits from the target's name; a temporary file written through another
    (nested atomic writes) shares its tag, so the next run cleans both."""
    if is_temporary(target.name):
        return target.name[len(TEMP_PREFIX) : len(TEMP_PREFIX) + 8]
    return hashlib.sha1(target.name.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def is_temporary(name: str) -> bool:
    """A temporary file of ours (inputs in a folder leave these out)."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def clean_stale(target: Path | str) -> list[Path]:
    """Remove leftovers of earlier, killed writes to `target` (never a write under way)."""
    target = Path(target)
    removed = []
    try:
        candidates = list(target.parent.glob(f"{TEMP_PREFIX}{_tag(target)}-*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for p in candidates:
        with contextlib.suppress(OSError):
            if fcntl is not None:
                fd = os.open(p, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held: a write under way
                    p.unlink()
                    removed.append(p)
                finally:
                    os.close(fd)
            elif time.time() - p.stat().st_mtime > _STALE_SECONDS:  # pragma: no cover
                p.unlink()
                removed.append(p)
    return removed


def _is_dir(p: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(p).st_mode)
    except (OSError, ValueError):  # a name too long, a loop: not a folder
        return False


def check_writable(target: Path | str) -> None:
    """Refuse, before any work, an output that cannot be written: a folder of that name,
    a name too long, a folder that does not let us create a file (probed with a temporary
    file), or (Windows) a file another program holds open."""
    target = Path(target)
    if _is_dir(target):
        raise UnusableFile(f"{target}: tidak dapat ditulis ({_REASONS[errno.EISDIR]})")
    parent = target.parent
    while not _is_dir(parent) and parent != parent.parent:
        parent = parent.parent
    try:
        limit = os.pathconf(parent, "PC_NAME_MAX") if hasattr(os, "pathconf") else 255
    except (OSError, ValueError):
        limit = 255
    if len(target.name.encode("utf-8", "surrogatepass")) > limit:
        raise UnusableFile(
            f"{target}: tidak dapat ditulis (nama berkas terlalu panjang: "
            f"{len(target.name)} karakter, paling banyak {limit})"
        )
    try:
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX + "cek-", suffix=TEMP_SUFFIX, dir=parent)
        os.close(fd)
        os.unlink(name)
        if os.name == "nt" and os.path.isfile(target):  # pragma: no cover - Excel locks open files
            with open(target, "ab"):
                pass
    except OSError as e:
        raise cannot_write(target, e) from None


@contextlib.contextmanager
def temporary_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` atomically.

    On failure (or SIGINT/SIGTERM turned into an exception) the temporary file is removed
    and `target` is left as it was. A failure to write raises `UnusableFile`.
    """
    target = Path(target)
    if _is_dir(target):
        raise UnusableFile(f"{target}: tidak dapat ditulis ({_REASONS[errno.EISDIR]})")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        clean_stale(target)
        fd, name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{_tag(target)}-", suffix=TEMP_SUFFIX, dir=target.parent
        )
    except OSError as e:
        raise cannot_write(target, e) from None
    tmp = Path(name)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        else:  # pragma: no cover - Windows: a file held open cannot be renamed
            os.close(fd)
            fd = -1
        # mkstemp makes the file owner-only; give it the mode a plain open() would (or the
        # replaced file's), so a submission on a shared drive stays readable by colleagues.
        try:
            mode = target.stat().st_mode & 0o777
        except OSError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        try:
            yield tmp
        except Exception as e:
            oe = _os_error(e)
            if oe is not None and oe.errno in _WRITE_ERRNOS:
                raise cannot_write(target, oe) from None
            raise
        try:
            os.replace(tmp, target)
        except OSError as e:
            raise cannot_write(target, e) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if fd >= 0:
            os.close(fd)


def _umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


def write_atomic(target: Path | str, data: bytes) -> None:
    with temporary_path(target) as tmp:
        tmp.write_bytes(data)
