"""The row-height estimate every writer sizes its wrapped rows with."""

from __future__ import annotations

from iki_xl.io.text_height import line_count


def test_row_height_estimate_wraps_words() -> None:
    assert line_count("", 10) == 1
    assert line_count("a\nb\nc", 30) == 3
    assert line_count("kata " * 40, 30) > line_count("kata " * 40, 60) > 1
    assert line_count("x" * 100, 20) >= 5  # one long word breaks inside itself
