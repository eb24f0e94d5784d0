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

Sub IKI_TahunBaru(control As IRibbonControl)
    RunPython "import iki_xl.macros as m; m.new_year()"
End Sub

Sub IKI_Konsolidasi(control As IRibbonControl)
    RunPython "import iki_xl.macros as m; m.consolidate()"
End Sub

Sub IKI_LaporanTriwulan(control As IRibbonControl)
    ' The quarter is asked here, in VBA; only a single digit 1-4 reaches Python.
    Dim tw As Variant
    tw = Application.InputBox("Laporan triwulan ke berapa? Ketik 1, 2, 3 atau 4." & vbLf & _
        "Kosongkan lalu OK: triwulan terakhir yang sudah diisi.", "Laporan Triwulan", Type:=2)
    If VarType(tw) = vbBoolean Then Exit Sub ' Batal
    tw = Trim$(tw)
    If tw = "" Then
        RunPython "import iki_xl.macros as m; m.quarterly_report()"
    ElseIf tw Like "[1-4]" Then
        RunPython "import iki_xl.macros as m; m.quarterly_report(triwulan=" & tw & ")"
    Else
        MsgBox "Ketik 1, 2, 3 atau 4.", vbExclamation, "Laporan Triwulan"
    End If
End Sub

Sub IKI_Bandingkan(control As IRibbonControl)
    RunPython "import iki_xl.macros as m; m.compare()"
End Sub

Sub IKI_Bantuan(control As IRibbonControl)
    ShowBantuan
End Sub

Sub IKI_PeriksaInstalasi(control As IRibbonControl)
    PeriksaInstalasi
End Sub
