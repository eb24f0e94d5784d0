"""The build: setup.py and build_info agree on what is compiled, and the test run uses the
build it claims (compiled in CI, where `make test` builds it; pure with IKI_XL_MURNI=1)."""

from __future__ import annotations

import ast
import os
from pathlib import Path

from iki_xl import build_info

AKAR = Path(__file__).resolve().parents[1]


def test_setup_and_build_info_list_the_same_modules() -> None:
    pohon = ast.parse((AKAR / "setup.py").read_text(encoding="utf-8"))
    daftar = next(
        n.value
        for n in ast.walk(pohon)
        if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "TERKOMPILASI"
    )
    berkas = [e.value for e in daftar.elts]  # type: ignore[attr-defined]
    assert [b.removesuffix(".py").replace("/", ".") for b in berkas] == list(
        build_info.MODUL_TERKOMPILASI
    )


def test_the_run_uses_the_build_it_claims() -> None:
    status = build_info.terkompilasi()
    if os.environ.get("IKI_XL_MURNI"):
        assert not any(status.values()), status
    elif os.environ.get("CI"):  # CI builds with mypyc (`make build`): a silent fallback fails
        assert all(status.values()), status
    assert build_info.ringkas() in {"compiled (mypyc)", "pure Python"}
