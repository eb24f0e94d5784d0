"""Each input in a process of its own: one that crashes, is killed by a signal, runs out of
memory or time takes only itself down.

A Pemda consolidation reads dozens of Dinas files; a pool whose worker dies (a native abort
in a reader, the kernel's OOM killer) breaks for every input still pending
(`BrokenProcessPool`). Here every input gets a fresh process, at most `workers` at a time,
with an address-space cap (POSIX) and a time bound; its result comes back through a pipe,
and a process that ends without one is reported with the reason. Workers die with the
parent: on Linux the kernel kills them when the parent dies (PR_SET_PDEATHSIG, even on
SIGKILL); elsewhere a watcher thread in each worker exits when the parent is gone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from typing import Any

MEMORY_MB = 1536  # address space of one worker
TIME_S = 600.0  # wall time of one input
START_METHOD_ENV = "IKI_XL_START_METHOD"  # "fork", "spawn", "forkserver"; default: the OS's


@dataclass(frozen=True)
class Outcome:
    """What one input's process gave back: its value, or why it gave none (Bahasa)."""

    value: Any = None
    failure: str = ""


def _die_with_parent(parent: int) -> None:
    """Make this worker end when the parent does, however the parent ends."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)

    def watch() -> None:  # other systems (and a belt to the braces above)
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _limit_memory(mb: int) -> None:
    with contextlib.suppress(Exception):
        import resource

        cap = mb << 20
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        if soft == resource.RLIM_INFINITY or cap < soft:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _child(fn: Callable[[Any], Any], item: Any, send: Connection, parent: int, mb: int) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _limit_memory(mb)
    try:
        result = Outcome(fn(item))
    except MemoryError:
        result = Outcome(failure="kehabisan memori saat dibaca (berkas terlalu besar)")
    except RecursionError:
        result = Outcome(failure="struktur berkas bersarang terlalu dalam")
    send.send(result)
    send.close()


def _ended(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"sinyal {-code}"
        return f"proses pembaca berhenti mendadak ({name}; kemungkinan kehabisan memori)"
    return f"proses pembaca berhenti mendadak (kode keluar {code})"


def context_name() -> str | None:
    return os.environ.get(START_METHOD_ENV) or None


def run_isolated(
    fn: Callable[[Any], Any],
    items: Sequence[Any],
    *,
    workers: int = 2,
    memory_mb: int = MEMORY_MB,
    time_s: float = TIME_S,
    start_method: str | None = None,
) -> Iterator[Outcome]:
    """`fn(item)` for every item, each in its own process; outcomes in the items' order.

    `fn` must be importable by name (module level) for the `spawn` start method. Closing
    the iterator early (or an exception in the caller) ends every worker still running.
    """
    ctx = get_context(start_method or context_name())
    running: dict[int, tuple[Any, Connection, float]] = {}
    done: dict[int, Outcome] = {}
    started = emitted = 0
    parent = os.getpid()
    try:
        while emitted < len(items):
            while len(running) < max(1, workers) and started < len(items):
                recv, send = ctx.Pipe(duplex=False)
                proc = ctx.Process(
                    target=_child, args=(fn, items[started], send, parent, memory_mb), daemon=True
                )
                proc.start()
                send.close()
                running[started] = (proc, recv, time.monotonic())
                started += 1
            if emitted in done:
                yield done.pop(emitted)
                emitted += 1
                continue
            _collect(running, done, time_s)
    finally:
        for proc, recv, _ in running.values():
            with contextlib.suppress(Exception):
                proc.kill()
                proc.join(5)
                recv.close()


def _collect(
    running: dict[int, tuple[Any, Connection, float]], done: dict[int, Outcome], time_s: float
) -> None:
    """Wait a moment for any worker; move what finished (or died, or overran) to `done`."""
    waitables: list[Any] = [r for _, r, _ in running.values()]
    waitables += [p.sentinel for p, _, _ in running.values()]
    wait(waitables, timeout=1.0)
    now = time.monotonic()
    for i, (proc, recv, t0) in list(running.items()):
        outcome: Outcome | None = None
        if recv.poll():
            try:
                outcome = recv.recv()
            except (EOFError, OSError):
                proc.join(5)
                outcome = Outcome(failure=_ended(proc.exitcode))
        elif not proc.is_alive():
            outcome = Outcome(failure=_ended(proc.exitcode))
        elif now - t0 > time_s:
            proc.kill()
            outcome = Outcome(failure=f"dibaca lebih dari {time_s:.0f} detik; dihentikan")
        if outcome is not None:
            proc.join(5)
            recv.close()
            del running[i]
            done[i] = outcome
