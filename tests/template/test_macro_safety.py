"""Macro safety: olevba's scanner over the template's VBA, comments included.

Our own modules (ThisWorkbook, the sheet modules, Ribbon, the generated xlwings_udfs
wrappers) have no auto-executing macro and no Shell, file-system or network call. The only
deliberate exception is `DELIBERATE` below, listed exactly (a finding more or less fails). The embedded xlwings add-in module (`xlwings`,
with its helper `Dictionary`) is xlwings' own code, pinned with the package: what olevba
reports for it is listed in `XLWINGS_FINDINGS`, so a new xlwings version that adds a
finding shows up here instead of passing unnoticed.

What olevba flags in the xlwings module, and why (xlwings 0.37.8): it starts the Python
interpreter (WScript.Shell, Shell, Exec, cmd.exe, python.exe, conda.bat), reads its
settings and writes its log (Environ, ExpandEnvironmentStrings, Open/Write/Output/Binary,
FileCopy, Kill, MkDir), loads its DLL (Lib, CreateObject, VBProject for "Import
Functions"), and supports the Mac (MacScript, AppleScript, libc.dylib); the URLs are
comments citing Stack Overflow and the OneDrive URL formats.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from oletools.olevba import VBA_Parser, VBA_Scanner

TEMPLATE = Path(__file__).resolve().parents[2] / "workbooks" / "IKI_template.xlsm"
XLWINGS_MODULES = {"xlwings", "Dictionary"}
# Issue 12's "Periksa Instalasi" (module Instalasi, run only from its ribbon button) starts
# the Python interpreter once with one fixed command, through WScript.Shell's Exec, and reads
# its output: the one deliberate exception among our modules. What olevba flags there, and
# why: the call itself (Shell, Exec, run, command, cmd.exe, python.exe, pythonw.exe,
# conda.bat for a Conda environment), reading its StdOut ("output"), Chr(34) quoting the
# paths, Application.OperatingSystem ("system") and the WindowsApps path check ("Windows"),
# and the checking code as one string literal (which olevba takes for Base64). No AutoExec,
# no file, no network.
DELIBERATE = {
    "Instalasi": {
        ("Suspicious", k)
        for k in ("Shell", "Exec", "run", "command", "output", "Chr", "system", "Windows",
                  "Base64 Strings")
    } | {("IOC", k) for k in ("cmd.exe", "python.exe", "pythonw.exe", "conda.bat")},
}  # fmt: skip
XLWINGS_FINDINGS = {
    "AutoExec": set(),
    "Suspicious": {
        "Environ", "environment", "ExpandEnvironmentStrings", "open", "Write", "Output",
        "binary", "FileCopy", "Kill", "shell", "WScript.Shell", "run", "MacScript",
        "applescript", "Command", "call", "MkDir", "CreateObject", "Windows", "Lib",
        "libc.dylib", "dylib", "Chr", "VBProject", "VBComponents", "system", "Exec",
        "Hex Strings", "Base64 Strings",
    },
}  # fmt: skip
_VB_BASE = re.compile(r'^Attribute VB_Base = "[^"]*"\s*$', re.M)


def _modules() -> dict[str, str]:
    parser = VBA_Parser(str(TEMPLATE))
    try:
        return {Path(name).stem: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def _findings(code: str) -> set[tuple[str, str]]:
    return {
        (kind, keyword)
        for kind, keyword, _ in VBA_Scanner(code).scan(include_decoded_strings=False)
        if kind in ("AutoExec", "Suspicious", "IOC")
    }


def test_olevba_sees_every_module_and_flags_the_package() -> None:
    parser = VBA_Parser(str(TEMPLATE))
    try:
        results = parser.analyze_macros()
    finally:
        parser.close()
    assert parser.detect_vba_macros()
    kinds = {kind for kind, _, _ in results}
    assert "Suspicious" in kinds  # the xlwings module's own calls: the scanner works here
    assert {"Ribbon", "ThisWorkbook", "xlwings", "xlwings_udfs"} <= set(_modules())


@pytest.mark.parametrize("module", sorted(set(_modules()) - XLWINGS_MODULES))
def test_our_module_runs_nothing_on_open_and_calls_no_shell_file_or_network(module: str) -> None:
    code = _modules()[module]
    found = _findings(code)
    if ("Suspicious", "Hex Strings") in found:
        # the only hex strings a document module may hold: its class GUID (VB_Base)
        assert ("Suspicious", "Hex Strings") not in _findings(_VB_BASE.sub("", code))
        found.discard(("Suspicious", "Hex Strings"))
    expected = DELIBERATE.get(module, set())
    assert found == expected, f"{module}: {sorted(found ^ expected)}"


def test_a_comment_naming_an_auto_macro_is_flagged_too() -> None:
    """The scanner reads comments: a comment naming Workbook_Open trips it, which is why
    ThisWorkbook's comment no longer names it."""
    assert ("AutoExec", "Workbook_Open") in _findings("' nothing here uses Workbook_Open\n")


def test_the_embedded_xlwings_module_findings_are_the_documented_ones() -> None:
    modules = _modules()
    found = _findings(modules["xlwings"]) | _findings(modules["Dictionary"])
    assert {k for kind, k in found if kind == "AutoExec"} == XLWINGS_FINDINGS["AutoExec"]
    assert {k for kind, k in found if kind == "Suspicious"} == XLWINGS_FINDINGS["Suspicious"]
