"""The optional compiled build: mypyc turns the hot modules (reader, rules, formula engine,
Rekap) into C extensions, about 1.5–1.8× faster than the same source run by CPython
(docs/benchmarks.md). Without mypyc or a C compiler, or with IKI_XL_MURNI=1, the package
installs as pure Python and behaves the same. Everything else is in pyproject.toml."""

import os

from setuptools import setup

# the same modules as iki_xl/build_info.py MODUL_TERKOMPILASI (tests/test_build.py checks)
TERKOMPILASI = [
    "iki_xl/layout.py",
    "iki_xl/core/anggota.py",
    "iki_xl/core/consolidate.py",
    "iki_xl/core/ejaan.py",
    "iki_xl/core/findings.py",
    "iki_xl/core/formula.py",
    "iki_xl/core/formulasi.py",
    "iki_xl/core/hierarchy.py",
    "iki_xl/core/hitung.py",
    "iki_xl/core/rules.py",
    "iki_xl/io/grid.py",
    "iki_xl/io/laporan.py",
    "iki_xl/io/reader.py",
    "iki_xl/io/submission.py",
    "iki_xl/io/ukuran_teks.py",
]


def _ekstensi() -> list:
    if os.environ.get("IKI_XL_MURNI"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("iki-xl: mypyc not available, installing pure Python")
        return []
    # mypyc.ini, not pyproject's [tool.mypy]: no pydantic plugin needed in the build env
    ext = mypycify(
        ["--config-file", "mypyc.ini", *TERKOMPILASI],
        opt_level="3",
        group_name="iki_xl.terkompilasi",  # its runtime library lives inside the package
    )
    for e in ext:
        e.optional = True  # no C compiler: the pure-Python module is used
    return ext


setup(ext_modules=_ekstensi())
