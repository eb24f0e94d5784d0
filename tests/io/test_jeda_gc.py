"""The collector is paused only while a workbook is read or checked, and restored after."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from iki_xl.io.jeda_gc import gc_dijeda
from iki_xl.io.submission import _baca_untuk_rekap
from iki_xl.io.writer import tulis_workbook
from tests.io.conftest import contoh


def test_paused_inside_and_restored_after_even_on_error() -> None:
    assert gc.isenabled()
    with gc_dijeda():
        assert not gc.isenabled()
        with gc_dijeda():  # nested: still paused, and the outer one restores
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_dijeda():
        raise ValueError
    assert gc.isenabled()


def test_left_off_when_the_caller_switched_it_off() -> None:
    gc.disable()
    try:
        with gc_dijeda():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_was_allocated_is_not_left_for_one_big_collection() -> None:
    with gc_dijeda():
        sampah = [[i] for i in range(50_000)]
    assert gc.get_count()[0] < 1_000  # not 50 000 young objects waiting for a collection
    assert gc.get_freeze_count() == 0  # nothing stays frozen
    del sampah


def test_a_callers_frozen_objects_stay_frozen() -> None:
    gc.freeze()
    try:
        beku = gc.get_freeze_count()
        with gc_dijeda():
            _ = [[i] for i in range(1_000)]
        # still frozen (an unfreeze would make it 0), and nothing of ours added; some of
        # theirs may have been freed meanwhile
        assert 0 < gc.get_freeze_count() <= beku
    finally:
        gc.unfreeze()


def test_reading_validating_and_recapping_leave_no_cyclic_garbage(tmp_path: Path) -> None:
    """With the collector paused, anything caught in a reference cycle would outlive its
    input (a Pemda worker's memory would grow with every Dinas): nothing may be."""
    path = tmp_path / "sampang.xlsx"
    tulis_workbook(contoh("sampang"), path)
    _baca_untuk_rekap(path)  # warm-up: caches, imports
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        rekap, galat = _baca_untuk_rekap(path)
        assert rekap is not None and not galat
        del rekap
        gc.collect()
        sisa = [type(o).__qualname__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert sisa == []
