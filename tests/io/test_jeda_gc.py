"""The collector is paused only while a workbook is read or checked, and restored after."""

from __future__ import annotations

import gc

import pytest

from iki_xl.io.jeda_gc import gc_dijeda


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
