"""The program's own failures. A planner's mistakes are findings, not exceptions."""

from __future__ import annotations


class IkiError(Exception):
    """Base of iki-xl's errors; the message is one line in Bahasa Indonesia."""


class UnusableFile(IkiError):
    """An input file that cannot be used at all: missing, unreadable, wrong format.

    The CLI turns it into a one-line message and exit code 2.
    """


class ExcelLimit(IkiError):
    """Something would break one of Excel's own rules (sheet name length, characters …)."""
