"""`iki-xl doctor` in a working environment and in broken ones: a virtual environment
without xlwings, a PYTHONPATH where another xlwings version is installed, pandas present,
a template that is missing or from another xlwings."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "workbooks" / "IKI_template.xlsm"
SITE = Path(next(p for p in sys.path if p.endswith("site-packages")))


def doctor(
    *args: str | Path,
    python: str = sys.executable,
    pythonpath: list[Path] = (),  # type: ignore[assignment]
    cwd: Path = REPO,
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in [*pythonpath, REPO])
    return subprocess.run(
        [python, "-m", "iki_xl", "doctor", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=cwd,
        timeout=300,
    )


def lines(r: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """Check label → its line (status and detail), from the printed report."""
    found = {}
    for line in r.stdout.splitlines():
        parts = line.split(None, 1)
        if len(parts) == 2 and parts[0] in {"OK", "PERINGATAN", "GAGAL"}:
            label = parts[1].split(":", 1)[0]
            found[label.split(" (")[0]] = line.strip()
    return found


def fake_distribution(root: Path, name: str, version: str, body: str = "") -> Path:
    """An installed-looking package: `name/__init__.py` and its dist-info metadata."""
    (root / name).mkdir(parents=True)
    (root / name / "__init__.py").write_text(f'__version__ = "{version}"\n{body}')
    info = root / f"{name}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    return root


def test_a_working_environment_passes() -> None:
    r = doctor(TEMPLATE)
    assert r.returncode == 0, r.stdout + r.stderr
    found = lines(r)
    assert found["Python"].startswith("OK") and sys.executable in found["Python"]
    assert found["iki_xl"].startswith("OK") and "0.1.0" in found["iki_xl"]
    assert found["xlwings"] == "OK         xlwings: versi 0.37.8 (sama dengan templat)"
    assert found["Makro pita"].startswith("OK")
    assert found["Templat"].startswith("OK") and "xlwings 0.37.8 tertanam" in found["Templat"]
    assert "Hasil: 0 gagal" in r.stdout


def test_another_xlwings_version_fails(tmp_path: Path) -> None:
    fake = fake_distribution(tmp_path / "site", "xlwings", "0.30.0")
    r = doctor(TEMPLATE, pythonpath=[fake])
    assert r.returncode == 1, r.stdout + r.stderr
    found = lines(r)
    assert found["xlwings"].startswith("GAGAL") and "versi 0.30.0" in found["xlwings"]
    assert "pip install xlwings==0.37.8" in r.stdout
    assert found["Templat"].startswith("GAGAL")
    assert "xlwings 0.37.8 tertanam, terpasang 0.30.0" in found["Templat"]


@pytest.fixture(scope="module")
def without_xlwings(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A virtual environment holding everything of this one but xlwings."""
    root = tmp_path_factory.mktemp("venv-without-xlwings")
    venv.EnvBuilder(with_pip=False, symlinks=True).create(root)
    python = root / "bin" / "python"
    probe = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    site = Path(probe.stdout.strip())
    for entry in SITE.iterdir():
        if not entry.name.lower().startswith("xlwings") and not (site / entry.name).exists():
            (site / entry.name).symlink_to(entry)
    return str(python)


def test_without_xlwings_fails_and_says_what_to_install(without_xlwings: str) -> None:
    r = doctor(TEMPLATE, python=without_xlwings)
    assert r.returncode == 1, r.stdout + r.stderr
    found = lines(r)
    assert found["Python"].startswith("OK") and without_xlwings in found["Python"]
    assert found["xlwings"] == "GAGAL      xlwings: tidak terpasang"
    assert "pip install iki-xl (memasang xlwings 0.37.8)" in r.stdout
    assert found["Makro pita"].startswith("GAGAL")
    assert "No module named 'xlwings'" in found["Makro pita"]
    assert "terpasang tidak ada" in found["Templat"]
    assert "Hasil: 3 gagal" in r.stdout


def test_pandas_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    # what xlwings touches of pandas when it imports it
    names = ("DataFrame", "Series", "Index", "MultiIndex", "Timestamp", "PeriodDtype")
    body = "".join(f"class {n}: pass\n" for n in names) + "NaT = None\nisna = None\n"
    fake = fake_distribution(tmp_path / "site", "pandas", "2.2.0", body)
    r = doctor(TEMPLATE, pythonpath=[fake])
    assert r.returncode == 0, r.stdout + r.stderr
    found = lines(r)
    assert found["pandas"].startswith("PERINGATAN")
    assert found["Makro pita"].startswith("OK")
    assert "pip uninstall pandas" in r.stdout


def test_a_template_that_is_not_there(tmp_path: Path) -> None:
    r = doctor(tmp_path / "tidak-ada.xlsm")
    assert r.returncode == 1
    assert lines(r)["Templat"].startswith("GAGAL")
    # without an argument the default template is looked for; its absence only warns
    r = doctor(cwd=tmp_path)
    assert lines(r)["Templat"].startswith("PERINGATAN"), r.stdout
    assert "iki-xl doctor <berkas.xlsm>" in r.stdout


def test_a_workbook_without_vba(tmp_path: Path) -> None:
    from iki_xl.io.write.workbook import write_workbook
    from tests.io.conftest import contoh

    plain = tmp_path / "IKI.xlsm"  # an .xlsx under the wrong name
    write_workbook(contoh("sampang"), tmp_path / "IKI.xlsx")
    (tmp_path / "IKI.xlsx").rename(plain)
    r = doctor(plain)
    assert r.returncode == 1
    assert "tidak memuat proyek VBA" in lines(r)["Templat"]
