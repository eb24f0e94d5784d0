"""Konsolidasi for a workbook on OneDrive or SharePoint, whose FullName is an https URL:
the macro finds the synced local file (xlwings' own mapping, with the xlwings.conf keys),
or asks where to save; it never refuses a saved workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from iki_xl import layout as L
from iki_xl import macros
from tests.macros.conftest import contoh_data
from tests.macros.fake_excel import FakeExcel

NAME = "IKI Sampang.xlsx"
PENGAJUAN = "IKI Sampang - Pengajuan IKI.xlsx"


def _conf(ex: FakeExcel, **keys: str) -> None:
    """Rows of the xlwings.conf sheet below the ones the template has."""
    lp = ex.find(L.SHEET_XLWINGS_CONF)
    row = 1 + max(r for r, _ in lp.values)
    for key, value in keys.items():
        lp.values[(row, 0)], lp.values[(row, 1)] = key, value
        row += 1


def _in_the_cloud(tmp_path: Path, url: str, local: Path | None) -> FakeExcel:
    """The Sampang workbook whose FullName is `url`; its synced copy at `local`."""
    data = contoh_data("sampang")
    if local is not None:
        local.parent.mkdir(parents=True, exist_ok=True)
        local.write_bytes(data)
    return FakeExcel.from_xlsx(data, url)


def _written(path: Path) -> bool:
    return path.is_file() and openpyxl.load_workbook(path).sheetnames[0] == "Keputusan"


CASES = {
    "onedrive": (
        "https://d.docs.live.net/4f2a9c/Dokumen/IKI/" + NAME,
        "ONEDRIVE_CONSUMER_WIN",
        Path("OneDrive") / "Dokumen" / "IKI" / NAME,
        "OneDrive",
    ),
    "onedrive-business": (
        "https://dinsos-my.sharepoint.com/personal/perencana_dinsos_go_id/Documents/IKI/" + NAME,
        "ONEDRIVE_COMMERCIAL_WIN",
        Path("OneDrive - Dinas Sosial") / "IKI" / NAME,
        "OneDrive - Dinas Sosial",
    ),
    "sharepoint": (
        "https://dinsos.sharepoint.com/sites/Perencanaan/Shared Documents/IKI/" + NAME,
        "SHAREPOINT_WIN",
        Path("Dinas Sosial") / "Perencanaan - Documents" / "IKI" / NAME,
        "Dinas Sosial",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_synced_local_file_is_found_through_xlwings_conf(tmp_path: Path, case: str) -> None:
    url, key, local, root = CASES[case]
    ex = _in_the_cloud(tmp_path, url, tmp_path / local)
    _conf(ex, **{key: str(tmp_path / root)})
    macros.consolidate(ex.book)
    target = (tmp_path / local).with_name(PENGAJUAN)
    assert _written(target), ex.alerts
    assert ex.save_as_asked == []  # no dialog: the local folder is known
    assert ex.opened == [str(target)]
    assert str(target) in ex.alerts[-1]["prompt"] and ex.alerts[-1]["mode"] == "info"


def test_a_key_may_name_an_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, key, local, root = CASES["onedrive"]
    ex = _in_the_cloud(tmp_path, url, tmp_path / local)
    monkeypatch.setenv("IKI_TEST_ONEDRIVE", str(tmp_path / root))
    _conf(ex, **{key: "$IKI_TEST_ONEDRIVE"})
    macros.consolidate(ex.book)
    assert _written((tmp_path / local).with_name(PENGAJUAN))


def test_without_a_local_copy_it_asks_where_to_save(tmp_path: Path) -> None:
    ex = _in_the_cloud(tmp_path, CASES["sharepoint"][0], None)
    chosen = tmp_path / "Unduhan" / "Pengajuan Dinsos"  # typed without .xlsx
    chosen.parent.mkdir()
    ex.save_as_answer = str(chosen)
    macros.consolidate(ex.book)
    assert ex.save_as_asked == [
        {
            "InitialFilename": PENGAJUAN,
            "FileFilter": "Buku Kerja Excel (*.xlsx),*.xlsx",
            "Title": "Simpan berkas pengajuan IKI",
        }
    ]
    target = chosen.with_name("Pengajuan Dinsos.xlsx")
    assert _written(target)
    assert ex.opened == [str(target)] and str(target) in ex.alerts[-1]["prompt"]


def test_when_xlwings_cannot_place_the_url_the_raw_fullname_is_used(tmp_path: Path) -> None:
    """On Windows xlwings' Book.fullname maps the URL itself and raises when it cannot."""
    url = CASES["onedrive"][0]
    ex = _in_the_cloud(tmp_path, url, None)
    ex.fullname_error = RuntimeError("Couldn't find your local OneDrive file")
    ex.save_as_answer = str(tmp_path / PENGAJUAN)
    macros.consolidate(ex.book)
    assert len(ex.save_as_asked) == 1
    assert _written(tmp_path / PENGAJUAN)


def test_cancelling_the_dialog_writes_nothing(tmp_path: Path) -> None:
    ex = _in_the_cloud(tmp_path, CASES["onedrive"][0], None)
    ex.save_as_answer = False  # what Excel returns for Cancel
    macros.consolidate(ex.book)
    assert len(ex.save_as_asked) == 1
    assert ex.opened == [] and list(tmp_path.iterdir()) == []
    assert "Konsolidasi dibatalkan" in ex.alerts[-1]["prompt"]
    assert "Simpan buku kerja ini dulu" not in ex.alerts[-1]["prompt"]


def test_no_dialog_available_explains_the_settings(tmp_path: Path, monkeypatch: Any) -> None:
    ex = _in_the_cloud(tmp_path, CASES["onedrive"][0], None)

    def broken(*a: Any, **k: Any) -> Any:
        raise RuntimeError("no dialog on this platform")

    monkeypatch.setattr("tests.macros.fake_excel.AppApi.GetSaveAsFilename", broken)
    macros.consolidate(ex.book)
    prompt = ex.alerts[-1]["prompt"]
    assert "OneDrive/SharePoint" in prompt and "ONEDRIVE_CONSUMER_WIN" in prompt
    assert ex.opened == []
