Attribute VB_Name = "Ribbon"
' Ribbon callbacks of the "IKI" tab (customUI/customUI14.xml).
' Each one only hands over to Python: the work is done by iki_xl.macros.
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
    RunPython "import iki_xl.macros as m; m.help()"
End Sub
