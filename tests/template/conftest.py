"""Shared fixtures for the template tests: a UDF module, a full module set, LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from iki_xl.template.vba_sources import (
    ribbon_module,
    udf_module,
    xlwings_standalone_modules,
)
from iki_xl.template.vbaproject import VbaModule
from iki_xl.template.xlsm import document_modules_for

UDF_FIXTURE_NAME = "iki_template_fixture_udfs"
UDF_FIXTURE_SOURCE = '''\
"""UDFs for the template tests, decorated the way iki_xl.udfs is."""
import xlwings as xw
from xlwings import func


@xw.func
def IKI_CAPAIAN(realisasi, target, polaritas=None, target_atas=None):
    """Capaian satu indikator (persen)."""
    return 100.0


@func(volatile=True)
def IKI_NILAI(jenis, *nilai):
    return 0


@xw.func(call_in_wizard=False)
@xw.ret(expand="table")
def IKI_PREDIKAT(capaian, skala=None):
    return "Baik"


def bukan_udf(x):
    return x
'''


@pytest.fixture(scope="session")
def udf_fixture_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("udfs")
    (path / f"{UDF_FIXTURE_NAME}.py").write_text(UDF_FIXTURE_SOURCE, encoding="utf-8")
    sys.path.insert(0, str(path))
    try:
        yield path
    finally:
        sys.path.remove(str(path))
        sys.modules.pop(UDF_FIXTURE_NAME, None)


@pytest.fixture(scope="session")
def fixture_udf_module(udf_fixture_dir: Path) -> VbaModule:
    return udf_module(UDF_FIXTURE_NAME)


@pytest.fixture(scope="session")
def all_modules(fixture_udf_module: VbaModule) -> list[VbaModule]:
    """Seven modules: 3 document, 3 standard (xlwings ~46 k characters), 1 class."""
    return [
        *document_modules_for(["Sheet1", "Sheet2"]),
        *xlwings_standalone_modules(),
        fixture_udf_module,
        ribbon_module(),
    ]


def soffice_or_skip() -> str:
    """Path to soffice; missing is a failure under CI, a skip locally."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe:
        return exe
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required under CI; .ci/run installs it")
    pytest.skip("LibreOffice (soffice) not installed")


def convert_to_ods(path: Path, workdir: Path) -> Path:
    exe = soffice_or_skip()
    profile = workdir / "lo-profile"
    outdir = workdir / "ods"
    proc = subprocess.run(
        [
            exe,
            "--headless",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "ods",
            "--outdir",
            str(outdir),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    out = outdir / (path.stem + ".ods")
    assert out.exists(), f"LibreOffice did not convert {path.name}: {proc.stdout}\n{proc.stderr}"
    return out


def ods_basic_modules(ods: Path) -> dict[str, str]:
    """Module name -> source text of the VBAProject Basic library in an .ods."""
    import html
    import re

    out: dict[str, str] = {}
    with zipfile.ZipFile(ods) as zf:
        for name in zf.namelist():
            m = re.fullmatch(r"Basic/VBAProject/(\w+)\.xml", name)
            if not m or m.group(1) == "script-lb":
                continue
            xml = zf.read(name).decode("utf-8")
            body = re.search(r"<script:module[^>]*>(.*)</script:module>", xml, re.DOTALL)
            assert body, name
            out[m.group(1)] = html.unescape(body.group(1))
    return out
