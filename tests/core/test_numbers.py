"""Numbers as planners type them (`parse_number`), the one Indonesian notation every message
and sheet prints (`format_number`), and the markers of lettered lists (`list_letter`)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iki_xl.core.numbers import QUARTERS, Result, format_number, list_letter, parse_number

# ---------------------------------------------------------------- numbers typed as text


@pytest.mark.parametrize(
    ("text", "value", "shown"),
    [
        ("85%", 85.0, "85"),
        ("1.234,5", 1234.5, "1.234,5"),
        ("1,234.5", 1234.5, "1.234,5"),
        ("12,5", 12.5, "12,5"),
        (" 7 ", 7.0, "7"),
        ("-3", -3.0, "-3"),
        ("1e7", 1e7, "10.000.000"),
    ],
)
def test_parse_number_reads_text_as_meant(text: str, value: float, shown: str) -> None:
    r = parse_number(text)
    assert r.value == pytest.approx(value)
    assert r.note == f"teks '{text}' dibaca sebagai {shown}"


@pytest.mark.parametrize("text", ["abc", "1.2.3,4,5", "12 orang", "nan", "inf"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    r = parse_number(text)
    assert r.value is None and r.reason == f"bukan angka: '{text}'"


def test_parse_number_blank_and_non_finite() -> None:
    assert parse_number(None).reason == "kosong"
    assert parse_number("  ").reason == "kosong"
    assert parse_number("-").reason == "kosong"
    assert parse_number(float("nan")) == Result(None, "hasil tidak terhingga")
    assert parse_number(float("inf")).value is None
    assert parse_number(True).reason == "bukan angka: True"


def test_parse_number_of_a_number_has_no_note() -> None:
    assert parse_number(85) == Result(85.0)
    assert parse_number(12.5) == Result(12.5)


def test_result_ok_and_failed() -> None:
    assert Result(0.0).ok and not Result(None, "x").ok
    assert Result.failed("target 0") == Result(None, "target 0")


@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=12),
    )
)
def test_parse_number_never_raises_nor_returns_inf_or_nan(x: object) -> None:
    r = parse_number(x)  # type: ignore[arg-type]
    if r.value is None:
        assert r.reason
    else:
        assert math.isfinite(r.value)


# ---------------------------------------------------------------- the one notation


@pytest.mark.parametrize(
    ("x", "text"),
    [
        (1234.5, "1.234,5"),
        (1e7, "10.000.000"),
        (7.5, "7,5"),
        (85.0, "85"),
        (0.12345, "0,1235"),
        (-1234.5, "-1.234,5"),
        (-0.00001, "0"),
        (0.0, "0"),
        (102.2222222, "102,2222"),
        (float("inf"), "tak terhingga"),
        (float("nan"), "tak terhingga"),
    ],
)
def test_format_number_indonesian_notation(x: float, text: str) -> None:
    assert format_number(x) == text


def test_format_number_decimals() -> None:
    assert format_number(107.142857, decimals=1) == "107,1"
    assert format_number(2 / 3, decimals=0) == "1"


# ---------------------------------------------------------------- lettered lists, quarters


def test_list_letter() -> None:
    assert [list_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "a",
        "b",
        "z",
        "aa",
        "ab",
        "az",
        "ba",
        "zz",
        "aaa",
    ]


def test_quarters() -> None:
    assert QUARTERS == ("TW I", "TW II", "TW III", "TW IV")
