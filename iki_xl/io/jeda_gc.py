"""Bulk work with CPython's cyclic garbage collector paused.

Reading a workbook and validating it allocate hundreds of thousands of short-lived objects
(rows, models, results, findings) that form no reference cycles: reference counting frees
them. The cyclic collector still runs every few hundred allocations and walks what is alive;
pausing it while a workbook is read and checked saves about a tenth of that work
(docs/benchmarks.md). It is switched back on afterwards, exactly as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_dijeda() -> Iterator[None]:
    if not gc.isenabled():  # nested, or paused by the caller: leave it as it is
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            # What was allocated meanwhile counts as young: the first collection after the
            # pause would walk all of it at once. Freezing and unfreezing moves it straight
            # to the oldest generation instead (nothing is freed or kept by this).
            gc.freeze()
            gc.unfreeze()
        gc.enable()
