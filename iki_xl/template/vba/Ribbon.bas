Attribute VB_Name = "Ribbon"
' Ribbon callbacks of the "IKI" tab (customUI/customUI14.xml).
' The work buttons hand over to Python (iki_xl.macros, through xlwings' RunPython).
' Bantuan and Periksa Instalasi are VBA only (module Instalasi): they must help exactly
' when Python is missing or broken.
' Built into IKI_template.xlsm by iki_xl.template; edit this file, not the workbook.
Option Explicit

Sub IKI_Validasi(control As IRibbonControl)
    RunPython "import iki_xl.macros as m; m.validate()"
End Sub

Sub IKI_HitungUlang(control As IRibbonControl)
    RunPython "import iki_xl.macros as m; m.recalculate()"
End Sub

Sub IKI_TambahJabatan(control As IRibbonControl)
    RunPython "import iki_xl.macros as m; m.add_jabatan()"
End Sub

Sub IKI_Konsolidasi(control As IRibbonControl)
    RunPython "import iki_xl.macros as m; m.consolidate()"
End Sub

Sub IKI_Bantuan(control As IRibbonControl)
    ShowBantuan
End Sub

Sub IKI_PeriksaInstalasi(control As IRibbonControl)
    PeriksaInstalasi
End Sub
