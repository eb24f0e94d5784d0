"""The VBA modules of the template, from text sources and from the installed xlwings.

* ``xlwings`` + ``Dictionary``: the standalone modules, taken at build time from the
  installed xlwings package (``xlwings/xlwings.bas``, ``xlwings/addin/Dictionary.cls``),
  the same pair ``xlwings release`` imports into a standalone workbook and the pair
  xlwings' own ``quickstart_standalone.xlsm`` carries. Never committed as a copy, so the
  embedded ``XLWINGS_VERSION`` always equals the installed package.
* ``xlwings_udfs``: generated with xlwings' own generator (``xlwings.udfs``,
  ``generate_vba_wrapper``), as the add-in's "Import Functions" would.
* ``Ribbon``: ``vba/Ribbon.bas``, the ribbon callbacks.
* ``Instalasi``: ``vba/Instalasi.bas``, Bantuan and Periksa Instalasi (no RunPython).
* Document modules: see :func:`iki_xl.template.xlsm.document_modules_for`.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import io
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import xlwings

from iki_xl.template.vba_read import XLWINGS_PINNED, version_in_source
from iki_xl.template.vbaproject import ModuleKind, VbaModule, module_from_export

__all__ = [
    "VBA_DIR",
    "XLWINGS_PINNED",
    "embedded_xlwings_version",
    "instalasi_module",
    "ribbon_module",
    "udf_module",
    "xlwings_standalone_modules",
]

VBA_DIR = Path(__file__).with_name("vba")
_XLWINGS_DIR = Path(xlwings.__file__).parent


def _read_vba_text(path: Path) -> str:
    return path.read_bytes().decode("cp1252")


def xlwings_standalone_modules() -> list[VbaModule]:
    """The ``xlwings`` standard module and the ``Dictionary`` class of the installed xlwings."""
    main = module_from_export(_read_vba_text(_XLWINGS_DIR / "xlwings.bas"), ModuleKind.STANDARD)
    dictionary = module_from_export(
        _read_vba_text(_XLWINGS_DIR / "addin" / "Dictionary.cls"), ModuleKind.CLASS
    )
    return [main, dictionary]


def embedded_xlwings_version(module: VbaModule) -> str:
    """The ``XLWINGS_VERSION`` constant of an xlwings standalone module."""
    version = version_in_source(module.source)
    if version is None:
        raise ValueError(f"module {module.name!r} declares no XLWINGS_VERSION")
    return version


def ribbon_module() -> VbaModule:
    """The ``Ribbon`` module (``vba/Ribbon.bas``): one callback per ribbon button."""
    return module_from_export(_read_vba_text(VBA_DIR / "Ribbon.bas"), ModuleKind.STANDARD)


def instalasi_module() -> VbaModule:
    """The ``Instalasi`` module (``vba/Instalasi.bas``): Bantuan and Periksa Instalasi, VBA
    only."""
    return module_from_export(_read_vba_text(VBA_DIR / "Instalasi.bas"), ModuleKind.STANDARD)


# --- xlwings_udfs ------------------------------------------------------------------------

_WIN32_STUBS = ("pythoncom", "pywintypes", "win32com", "win32com.client")


@contextlib.contextmanager
def _xlwings_udfs() -> Iterator[types.ModuleType]:
    """Import ``xlwings.udfs`` on any platform; undo every side effect afterwards.

    ``xlwings.udfs`` imports pywin32 at module level (``pythoncom.CoInitialize`` is used
    as a thread initializer, ``pywintypes`` and ``win32com.client.Dispatch`` only inside
    functions the generator does not call). On Windows with pywin32 the real modules are
    used; elsewhere empty stand-ins are put in ``sys.modules`` for the duration.
    """
    saved = {name: sys.modules.get(name) for name in (*_WIN32_STUBS, "xlwings.udfs")}
    try:
        if importlib.util.find_spec("pythoncom") is None:
            stubs = {name: types.ModuleType(name) for name in _WIN32_STUBS}
            stubs["pythoncom"].CoInitialize = lambda: None  # type: ignore[attr-defined]
            stubs["win32com.client"].Dispatch = None  # type: ignore[attr-defined]
            stubs["win32com"].client = stubs["win32com.client"]  # type: ignore[attr-defined]
            sys.modules.update(stubs)
        yield importlib.import_module("xlwings.udfs")
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
        if saved["xlwings.udfs"] is None and hasattr(xlwings, "udfs"):
            delattr(xlwings, "udfs")  # the import bound it on the package


@contextlib.contextmanager
def _real_decorators(udfs: types.ModuleType) -> Iterator[None]:
    """Make ``xw.func``/``xw.arg``/``xw.ret``/``xw.sub`` the real xlwings decorators.

    Off Windows, ``import xlwings`` binds these names to decorators that do nothing, so a
    UDF module imported normally has no ``__xlfunc__`` metadata and the generator would
    find no function. On Windows they are ``xlwings.udfs.xlfunc`` etc.; we bind them the
    same way while the UDF module is executed, so its decorators record exactly what they
    record in Excel.
    """
    real = {
        "func": udfs.xlfunc,
        "arg": udfs.xlarg,
        "ret": udfs.xlret,
        "sub": udfs.xlsub,
        "script": udfs.xlsub,
    }
    saved = {name: getattr(xlwings, name) for name in real}
    try:
        for name, fn in real.items():
            setattr(xlwings, name, fn)
        yield
    finally:
        for name, fn in saved.items():
            setattr(xlwings, name, fn)


def _fresh_import(module_name: str) -> types.ModuleType:
    """Execute ``module_name`` anew without touching ``sys.modules``' copy of it."""
    spec = importlib.util.find_spec(module_name)
    if spec is None or spec.loader is None:
        raise ImportError(f"UDF module {module_name!r} not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Workbook:
    """What ``generate_vba_wrapper`` reads of the COM workbook: its ``Name``."""

    def __init__(self, name: str) -> None:
        self.Name = name


def udf_module(module_name: str, *, workbook_name: str = "IKI_template.xlsm") -> VbaModule:
    """Generate the ``xlwings_udfs`` module for the Python module ``module_name``.

    The text is what xlwings' "Import Functions" (``xlwings.udfs.import_udfs``) writes:
    the same three header lines, then ``generate_vba_wrapper`` for the module, whose
    functions are found by their ``__xlfunc__`` metadata (set by ``@xw.func``).
    Raises ``ValueError`` if the module defines no UDF.
    """
    with _xlwings_udfs() as udfs, _real_decorators(udfs):
        module = _fresh_import(module_name)
        buf = io.StringIO()
        writer: Any = udfs.VBAWriter(buf)
        writer.writeln('Attribute VB_Name = "xlwings_udfs"')
        writer.writeln("'Autogenerated code by xlwings - changes will be lost with next import!")
        writer.writeln("""#Const App = "Microsoft Excel" 'Adjust when using outside of Excel""")
        before = buf.tell()
        udfs.generate_vba_wrapper(module_name, module, buf, _Workbook(workbook_name))
        if buf.tell() == before:
            raise ValueError(f"module {module_name!r} defines no @xw.func function")
    return VbaModule("xlwings_udfs", ModuleKind.STANDARD, buf.getvalue())
