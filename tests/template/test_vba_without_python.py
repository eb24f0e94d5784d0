"""Bantuan and Periksa Instalasi work without Python: on the VBA source (the text sources
and what olevba extracts from the committed template), neither reaches RunPython, and
Periksa Instalasi is the only place our own VBA starts a process."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from oletools.olevba import VBA_Parser

from iki_xl.template.vba_sources import VBA_DIR

TEMPLATE = Path(__file__).resolve().parents[2] / "workbooks" / "IKI_template.xlsm"
OURS = ("Ribbon", "Instalasi", "ThisWorkbook")
PROCEDURE = re.compile(
    r"^(?:Public |Private )?(?:Sub|Function) (\w+)\(.*?^End (?:Sub|Function)$",
    re.MULTILINE | re.DOTALL | re.IGNORECASE,
)
# What would start a program, touch files or the network, or call Windows directly
# (RunPython is the work buttons' business: see the tests above).
OUTSIDE = re.compile(
    r"\b(Shell|CreateObject|GetObject|Declare|Kill|MkDir|RmDir|FileCopy|Dir\$?|Open\s+\S+\s+For"
    r"|FileSystemObject|XMLHTTP|WinHttp|URLDownloadToFile|RunFrozenPython|XLPy)\b",
    re.IGNORECASE,
)


def _code(text: str) -> str:
    """The source without comments and string literals (what would run)."""
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        line = re.sub(r'"(?:[^"]|"")*"', '""', line)
        lines.append(line.split("'", 1)[0])
    return "\n".join(lines)


@pytest.fixture(
    scope="module",
    params=["sources", "template"],
)
def modules(request: pytest.FixtureRequest) -> dict[str, str]:
    if request.param == "sources":
        found = {p.stem: p.read_text("cp1252") for p in VBA_DIR.iterdir()}
    else:
        parser = VBA_Parser(str(TEMPLATE))
        found = {Path(f).stem: code for _, _, f, code in parser.extract_macros()}
    return {name: found[name].replace("\r\n", "\n") for name in OURS}


def _procedures(modules: dict[str, str]) -> dict[str, str]:
    return {
        m.group(1): _code(m.group(0)) for name in OURS for m in PROCEDURE.finditer(modules[name])
    }


def _reached(procedures: dict[str, str], start: str) -> set[str]:
    """`start` and every procedure of our modules it calls, directly or not."""
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        words = set(re.findall(r"\b\w+\b", procedures[name]))
        todo += [p for p in procedures if p in words and p not in seen]
    return seen


@pytest.mark.parametrize("button", ["IKI_Bantuan", "IKI_PeriksaInstalasi"])
def test_the_help_buttons_never_reach_runpython(modules: dict[str, str], button: str) -> None:
    procedures = _procedures(modules)
    reached = _reached(procedures, button)
    assert len(reached) > 1  # the callback hands over to the Instalasi module
    for name in reached:
        body = procedures[name]
        assert not re.search(r"\b(RunPython|RunFrozenPython|XLPy)\b", body, re.I), name
        assert not re.search(r"\biki_xl\.macros\b", body), name


def test_the_work_buttons_do_use_runpython(modules: dict[str, str]) -> None:
    procedures = _procedures(modules)
    for button in ("IKI_Validasi", "IKI_HitungUlang", "IKI_TambahJabatan", "IKI_TahunBaru",
                   "IKI_Konsolidasi", "IKI_LaporanTriwulan", "IKI_Bandingkan"):  # fmt: skip
        assert "RunPython" in procedures[button]


def test_periksa_instalasi_is_the_one_place_a_process_starts(modules: dict[str, str]) -> None:
    code = {name: _code(text) for name, text in modules.items()}
    for name, text in code.items():
        assert not OUTSIDE.findall(text), (name, OUTSIDE.findall(text))
    starts = [
        (name, p) for name, text in code.items() for p in re.findall(r"\.\s*(Exec|Run)\b", text)
    ]
    assert starts == [("Instalasi", "Exec")]
    procedures = _procedures(modules)
    assert [n for n, body in procedures.items() if ".Exec" in body] == ["RunOnce"]
    # only xlwings' own helpers are borrowed from its module
    used = set(re.findall(r"\bxlwings\.(\w+)", code["Instalasi"]))
    assert used == {"GetConfig", "FileExists", "WScript", "XLWINGS_VERSION"}


def test_the_command_line_is_fixed(modules: dict[str, str]) -> None:
    source = modules["Instalasi"]
    m = re.search(r'^Private Const CHECK_CODE As String = "(.*)"\s*$', source, re.M)
    assert m
    code = m.group(1)
    assert '"' not in code  # nothing to escape for cmd.exe or CreateProcess
    assert not set(code) & set("&|<>^%!")
    assert code.startswith("import sys;sys.stderr=sys.stdout;")
    assert code.endswith("d.print_excel_facts()")
    procedures = _procedures(modules)
    builder = procedures["CommandLine"]
    # the command is made of the checked settings and CHECK_CODE, nothing read from a cell
    assert not re.search(r"\b(Range|Cells|Worksheets|Sheets|ActiveCell|Selection)\b", builder)
    assert "IsUnsafe(interpreter)" in builder and "xlwings.FileExists" in builder
    runner = procedures["PeriksaInstalasi"]
    assert re.findall(r'xlwings\.GetConfig\("([^"]+)"', modules["Instalasi"]) == [
        "INTERPRETER_WIN",
        "INTERPRETER",
        "CONDA PATH",
        "CONDA ENV",
    ]
    assert "CommandLine(interpreter, condaPath, condaEnv, cmdLine)" in runner


def test_no_procedure_runs_by_itself_not_even_named_in_a_comment() -> None:
    """olevba reads comments too: the committed template must give it no AutoExec."""
    parser = VBA_Parser(str(TEMPLATE))
    kinds = {kind for kind, _, _ in parser.analyze_macros()}
    assert "AutoExec" not in kinds
    for _, _, name, code in parser.extract_macros():
        assert not re.search(r"\b(Workbook_Open|Auto_Open|Auto_Close)\b", code, re.I), name
