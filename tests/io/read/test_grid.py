"""Grids from every source in one shape, and cell values in the reader's terms."""

from __future__ import annotations

import datetime as dt

from iki_xl.io.read.grid import as_isian, as_number, is_date, normalise, offset, text


def test_normalise_takes_what_used_range_value_returns() -> None:
    assert normalise(None) == []
    assert normalise(5.0) == [[5.0]]  # one cell
    assert normalise([1.0, None]) == [[1.0, None]]  # one row
    assert normalise([[1.0], [2.0]]) == [[1.0], [2.0]]
    assert normalise(((1.0, 2.0),)) == [[1.0, 2.0]]  # xlwings' formula: tuples


def test_offset_pads_a_grid_to_start_at_a1() -> None:
    assert offset([["x"]], 0, 0) == [["x"]]
    assert offset([["x"]], 2, 1) == [[], [], [None, "x"]]


def test_cell_values_in_the_readers_terms() -> None:
    assert text(12.0) == "12" and text(0.5) == "0.5" and text(None) == ""
    assert text(True) == "BENAR"
    assert as_isian("") is None and as_isian(3) == 3.0 and as_isian("85%") == "85%"
    assert as_number(" ") == " " and as_number("") is None and as_number(2) == 2.0
    assert as_number(False) == "SALAH"
    assert is_date(dt.date(2024, 1, 2)) and not is_date("2024-01-02")
