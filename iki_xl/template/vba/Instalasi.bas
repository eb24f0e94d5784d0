Attribute VB_Name = "Instalasi"
' Bantuan and Periksa Instalasi: VBA only (no RunPython), so that both still help when
' Python is missing or broken. Built into IKI_template.xlsm by iki_xl.template.
'
' Periksa Instalasi is the ONE place where this workbook's own VBA starts a process (the
' embedded xlwings module starts Python for RunPython and for the IKI functions; no other
' procedure of ours calls Shell, Exec, the file system or the network). It starts the
' interpreter xlwings would use once, with the fixed command CHECK_CODE, through xlwings'
' own helpers: GetConfig (sheet xlwings.conf, then xlwings.conf beside the workbook, then
' %USERPROFILE%\.xlwings\xlwings.conf) for Interpreter_Win, Conda Path and Conda Env,
' FileExists to check them, and its WScript shell object to run the command and read its
' output. Only those settings go into the command line, after they are checked (the files
' exist; no quote or shell character); no text of any other cell does.
'
' The command prints IKI-<KEY> lines (iki_xl.app.doctor.print_excel_facts); IKI_Report
' turns them into the message (it touches no Excel object).
Option Explicit
Option Private Module ' its procedures are for the ribbon, not for cells

Private Const CHECK_CODE As String = "import sys;sys.stderr=sys.stdout;print('IKI-PYTHON',sys.version.split()[0]);print('IKI-EXE',sys.executable);import iki_xl;print('IKI-IKIXL',iki_xl.__version__);import iki_xl.app.doctor as d;d.print_excel_facts()"
Private Const TIMEOUT_SECONDS As Double = 90
Private Const TITLE_HELP As String = "IKI - Bantuan"
Private Const TITLE_CHECK As String = "IKI - Periksa Instalasi"
Private Const UNSAFE As String = """&|<>^%!"

' ---------------------------------------------------------------- Bantuan

Public Sub ShowBantuan()
    Dim sht As Object
    On Error Resume Next
    Set sht = ThisWorkbook.Worksheets("Petunjuk")
    On Error GoTo 0
    If sht Is Nothing Then
        MsgBox "Sheet 'Petunjuk' tidak ada di buku kerja ini. Petunjuk lengkap ada di " & _
            "berkas docs/excel.md iki-xl.", vbExclamation, TITLE_HELP
        Exit Sub
    End If
    sht.Visible = -1 ' xlSheetVisible
    sht.Activate
    MsgBox "Petunjuk pengisian ada di sheet Petunjuk (sudah dibuka)." & vbLf & vbLf & _
        "Tab IKI: Validasi memeriksa seluruh buku kerja; Hitung Ulang menghitung ulang " & _
        "rumus IKI; Tambah Jabatan menyalin sheet jabatan kosong; Konsolidasi menulis " & _
        "berkas pengajuan di samping buku kerja ini." & vbLf & vbLf & _
        "Tombol-tombol itu memerlukan Python. Bila salah satunya gagal, klik " & _
        "Periksa Instalasi.", vbInformation, TITLE_HELP
End Sub

' ---------------------------------------------------------------- Periksa Instalasi

Public Sub PeriksaInstalasi()
    Dim interpreter As String, condaPath As String, condaEnv As String
    Dim setting As String, cmdLine As String, problem As String, outText As String
    Dim message As String, icon As Long

    If InStr(1, Application.OperatingSystem, "Mac", vbTextCompare) > 0 Then
        MsgBox "Periksa Instalasi hanya tersedia di Excel untuk Windows. Di Mac, jalankan " & _
            "di Terminal: iki-xl doctor", vbInformation, TITLE_CHECK
        Exit Sub
    End If
    interpreter = xlwings.GetConfig("INTERPRETER_WIN", "")
    If interpreter = "" Then interpreter = xlwings.GetConfig("INTERPRETER", "") ' legacy key
    condaPath = xlwings.GetConfig("CONDA PATH", "")
    condaEnv = xlwings.GetConfig("CONDA ENV", "")
    setting = IKI_Setting(interpreter, condaPath, condaEnv)

    problem = CommandLine(interpreter, condaPath, condaEnv, cmdLine)
    If problem = "" Then
        Application.StatusBar = "IKI: memeriksa instalasi Python ..."
        problem = RunOnce(cmdLine, outText)
        Application.StatusBar = False
    End If
    message = IKI_Report(setting, outText, problem, xlwings.XLWINGS_VERSION, ExpectedDll(), _
        Not IsBarePython(interpreter) Or (condaPath <> "" And condaEnv <> ""), _
        InStr(1, Application.Path, "WindowsApps", vbTextCompare) > 0)
    icon = vbInformation
    If InStr(message, "GAGAL") > 0 Then icon = vbCritical
    If Len(message) > 1000 Then ' MsgBox shows about 1024 characters
        xlwings.WScript.Popup message, 0, TITLE_CHECK, icon
    Else
        MsgBox message, icon, TITLE_CHECK
    End If
End Sub

Private Function ExpectedDll() As String
    #If Win64 Then
        ExpectedDll = "xlwings64-" & xlwings.XLWINGS_VERSION & ".dll"
    #Else
        ExpectedDll = "xlwings32-" & xlwings.XLWINGS_VERSION & ".dll"
    #End If
End Function

Private Function IsUnsafe(ByVal text As String) As Boolean
    Dim i As Long
    For i = 1 To Len(UNSAFE)
        If InStr(text, Mid$(UNSAFE, i, 1)) > 0 Then IsUnsafe = True
    Next i
    If InStr(text, vbCr) > 0 Or InStr(text, vbLf) > 0 Then IsUnsafe = True
End Function

Private Function IsBarePython(ByVal interpreter As String) As Boolean
    IsBarePython = (interpreter = "" Or LCase$(interpreter) = "python" Or LCase$(interpreter) = "pythonw")
End Function

' The one command line, built from the settings xlwings uses and CHECK_CODE only. Returns
' "" and sets `cmdLine`, or the reason the settings cannot be used.
Private Function CommandLine(ByVal interpreter As String, ByVal condaPath As String, _
                             ByVal condaEnv As String, ByRef cmdLine As String) As String
    Dim python As String, console As String
    If IsUnsafe(interpreter) Or IsUnsafe(condaPath) Or IsUnsafe(condaEnv) Then
        CommandLine = "GAGAL  Pengaturan xlwings memuat tanda kutip atau karakter perintah " & _
            "(" & UNSAFE & "), jadi tidak dijalankan." & vbLf & _
            "   Saran: isi Interpreter_Win (atau Conda Path dan Conda Env) di sheet " & _
            "xlwings.conf hanya dengan lokasi folder atau berkas."
        Exit Function
    End If
    If IsBarePython(interpreter) Then
        python = "python"
    Else
        If Not xlwings.FileExists(interpreter) Then
            CommandLine = "GAGAL  Interpreter_Win menunjuk ke berkas yang tidak ada:" & vbLf & _
                "   " & interpreter & vbLf & _
                "   Saran: isi dengan lokasi python.exe yang benar, atau kosongkan bila " & _
                "Python ada di PATH."
            Exit Function
        End If
        python = interpreter
        ' pythonw.exe prints nothing: ask python.exe beside it
        If LCase$(Right$(python, 11)) = "pythonw.exe" Then
            console = Left$(python, Len(python) - 11) & "python.exe"
            If xlwings.FileExists(console) Then python = console
        End If
        python = Chr(34) & python & Chr(34)
    End If
    If condaPath <> "" And condaEnv <> "" Then
        If Not xlwings.FileExists(condaPath & "\condabin\conda.bat") Then
            CommandLine = "GAGAL  Conda Path tidak memuat condabin\conda.bat:" & vbLf & _
                "   " & condaPath & vbLf & _
                "   Saran: isi Conda Path dengan folder Anaconda/Miniconda (mis. " & _
                "C:\Users\nama\anaconda3), atau pakai Interpreter_Win."
            Exit Function
        End If
        cmdLine = "cmd.exe /C """ & Chr(34) & condaPath & "\condabin\conda.bat" & Chr(34) & _
            " activate " & condaEnv & " && " & python & " -c " & Chr(34) & CHECK_CODE & _
            Chr(34) & """"
    Else
        cmdLine = python & " -c " & Chr(34) & CHECK_CODE & Chr(34)
    End If
End Function

' Start the command once and wait for it (at most TIMEOUT_SECONDS). Returns "" and sets
' `outText`, or why Python could not be started.
Private Function RunOnce(ByVal cmdLine As String, ByRef outText As String) As String
    Dim proc As Object, started As Double, elapsed As Double
    On Error Resume Next
    Set proc = xlwings.WScript.Exec(cmdLine)
    If Err.Number <> 0 Then
        RunOnce = "GAGAL  Python tidak ditemukan (" & Trim$(Err.Description) & ")." & vbLf & _
            "   Saran: pasang Python 3.11+ dari python.org dengan centang ""Add python.exe " & _
            "to PATH"", atau isi Interpreter_Win di sheet xlwings.conf dengan lokasi " & _
            "python.exe."
        Err.Clear
        Exit Function
    End If
    On Error GoTo 0
    started = Timer
    Do While proc.Status = 0
        elapsed = Timer - started
        If elapsed < 0 Then elapsed = elapsed + 86400 ' past midnight
        If elapsed > TIMEOUT_SECONDS Then
            proc.Terminate
            RunOnce = "GAGAL  Python tidak selesai dalam " & TIMEOUT_SECONDS & " detik." & _
                vbLf & "   Saran: jalankan iki-xl doctor di Command Prompt untuk melihat " & _
                "yang terjadi."
            Exit Function
        End If
        DoEvents
    Loop
    outText = proc.StdOut.ReadAll & vbLf & proc.StdErr.ReadAll
    If proc.ExitCode = 9009 Then outText = outText & vbLf & "IKI-STORE-ALIAS"
End Function

' ---------------------------------------------------------------- the message (no Excel objects)

Public Function IKI_Setting(ByVal interpreter As String, ByVal condaPath As String, _
                            ByVal condaEnv As String) As String
    If condaPath <> "" And condaEnv <> "" Then
        IKI_Setting = "Conda Path = " & condaPath & ", Conda Env = " & condaEnv
        If Not IsBarePython(interpreter) Then IKI_Setting = IKI_Setting & ", Interpreter_Win = " & interpreter
    ElseIf IsBarePython(interpreter) Then
        IKI_Setting = "Interpreter_Win kosong: python dari PATH"
    Else
        IKI_Setting = "Interpreter_Win = " & interpreter
    End If
End Function

Private Function Fact(ByVal outText As String, ByVal key As String) As String
    Dim lines() As String, i As Long, ln As String
    Fact = vbNullChar ' absent
    lines = Split(Replace(outText, vbCr, ""), vbLf)
    For i = LBound(lines) To UBound(lines)
        ln = lines(i)
        If ln = key Then
            Fact = ""
            Exit Function
        End If
        If Left$(ln, Len(key) + 1) = key & " " Then
            Fact = Mid$(ln, Len(key) + 2)
            Exit Function
        End If
    Next i
End Function

Private Function LastLine(ByVal outText As String) As String
    Dim lines() As String, i As Long
    lines = Split(Replace(outText, vbCr, ""), vbLf)
    For i = UBound(lines) To LBound(lines) Step -1
        If Trim$(lines(i)) <> "" And Left$(lines(i), 4) <> "IKI-" Then
            LastLine = Trim$(lines(i))
            Exit Function
        End If
    Next i
End Function

Private Function Entry(ByVal status As String, ByVal text As String, _
                      Optional ByVal saran As String = "") As String
    Entry = status & "  " & text & vbLf
    If saran <> "" Then Entry = Entry & "   Saran: " & saran & vbLf
End Function

' What Python said (the IKI-<KEY> lines in `outText`), as the message the planner reads.
' `problem` is set when Python could not be run at all; `configured` when Interpreter_Win
' or Conda is set (then Excel finds the DLL without PATH); `storeExcel` for Excel from the
' Microsoft Store.
Public Function IKI_Report(ByVal setting As String, ByVal outText As String, _
                           ByVal problem As String, ByVal embedded As String, _
                           ByVal wantedDll As String, ByVal configured As Boolean, _
                           ByVal storeExcel As Boolean) As String
    Dim r As String, version As String, exe As String, pip As String, xw As String
    Dim dll() As String, lines() As String, parts() As String, i As Long, failed As Long

    r = "Pengaturan xlwings: " & setting & vbLf & vbLf
    If storeExcel Then
        r = r & Entry("PERINGATAN", "Excel dari Microsoft Store: xlwings sering tidak dapat " & _
            "memuat DLL-nya di sana.", "pasang Microsoft 365/Office versi desktop.")
    End If
    If problem <> "" Then
        IKI_Report = r & problem & vbLf & vbLf & "Rincian: lihat docs/excel.md, bagian " & _
            "Mengatasi masalah."
        Exit Function
    End If

    version = Fact(outText, "IKI-PYTHON")
    exe = Fact(outText, "IKI-EXE")
    If version = vbNullChar Then
        If InStr(1, outText, "Microsoft Store", vbTextCompare) > 0 Or InStr(outText, "IKI-STORE-ALIAS") > 0 Then
            r = r & Entry("GAGAL", "Yang terpanggil adalah alias Microsoft Store, bukan Python.", _
                "pasang Python dari python.org (centang ""Add python.exe to PATH""), atau " & _
                "matikan alias di Settings > Apps > App execution aliases.")
        Else
            r = r & Entry("GAGAL", "Python tidak dapat dijalankan: " & LastLine(outText), _
                "pasang ulang Python 3.11+ dari python.org, atau perbaiki Interpreter_Win.")
        End If
        IKI_Report = r
        Exit Function
    End If
    pip = Chr(34) & exe & Chr(34) & " -m pip install"
    If Val(Split(version & ".0", ".")(0)) * 100 + Val(Split(version & ".0", ".")(1)) < 311 Then
        r = r & Entry("GAGAL", "Python ditemukan, tetapi versi " & version & ": " & exe, _
            "iki-xl memerlukan Python 3.11 atau lebih baru (python.org).")
        failed = failed + 1
    Else
        r = r & Entry("OK", "Python ditemukan: " & version & " (" & exe & ")")
    End If

    If Fact(outText, "IKI-IKIXL") = vbNullChar Then
        If InStr(outText, "No module named 'iki_xl'") > 0 Then
            r = r & Entry("GAGAL", "iki_xl belum terpasang di Python ini.", pip & " iki-xl")
        Else
            r = r & Entry("GAGAL", "iki_xl tidak dapat diimpor: " & LastLine(outText), _
                pip & " --force-reinstall iki-xl")
        End If
        IKI_Report = r
        Exit Function
    End If
    r = r & Entry("OK", "iki_xl dapat diimpor: versi " & Fact(outText, "IKI-IKIXL"))
    If Fact(outText, "IKI-END") = vbNullChar Then
        r = r & Entry("GAGAL", "Pemeriksaan iki_xl berhenti: " & LastLine(outText), _
            pip & " --force-reinstall iki-xl")
        IKI_Report = r
        Exit Function
    End If

    xw = Fact(outText, "IKI-XLWINGS")
    If xw = "-" Or xw = vbNullChar Then
        r = r & Entry("GAGAL", "xlwings belum terpasang.", pip & " xlwings==" & embedded)
        failed = failed + 1
    ElseIf xw <> embedded Then
        r = r & Entry("GAGAL", "xlwings terpasang " & xw & ", buku kerja ini memuat " & _
            embedded & ": keduanya harus sama persis.", pip & " xlwings==" & embedded)
        failed = failed + 1
    Else
        r = r & Entry("OK", "xlwings terpasang " & xw & " = versi di buku kerja ini")
    End If

    dll = Split(Fact(outText, "IKI-DLL") & "|||", "|")
    If dll(0) <> "1" Then
        r = r & Entry("GAGAL", "DLL xlwings tidak ditemukan di " & dll(1), _
            pip & " --force-reinstall xlwings==" & embedded)
        failed = failed + 1
    ElseIf LCase$(dll(3)) <> LCase$(wantedDll) Then
        r = r & Entry("GAGAL", "Python ini membawa " & dll(3) & ", Excel ini memerlukan " & _
            wantedDll & " (Excel dan Python harus sama-sama 64-bit atau 32-bit).", _
            "pasang Python dengan bit yang sama dengan Excel.")
        failed = failed + 1
    ElseIf Not configured And dll(2) <> "1" Then
        r = r & Entry("GAGAL", "Folder Python tidak ada di PATH dan Interpreter_Win kosong: " & _
            "fungsi IKI akan gagal dengan ""File not found: " & wantedDll & """.", _
            "isi Interpreter_Win di sheet xlwings.conf dengan " & exe)
        failed = failed + 1
    Else
        r = r & Entry("OK", "DLL xlwings ditemukan di " & dll(1))
    End If

    lines = Split(Replace(outText, vbCr, ""), vbLf)
    For i = LBound(lines) To UBound(lines)
        If Left$(lines(i), 10) = "IKI-CHECK " Then
            parts = Split(Mid$(lines(i), 11) & "|||", "|")
            r = r & Entry(UCase$(parts(0)), parts(1) & ": " & parts(2), parts(3))
            If parts(0) = "gagal" Then failed = failed + 1
        End If
    Next i

    r = r & vbLf
    If failed = 0 Then
        r = r & "Instalasi siap: tombol dan fungsi IKI dapat dipakai."
    Else
        r = r & failed & " pemeriksaan gagal: ikuti sarannya, lalu klik Periksa Instalasi lagi."
    End If
    IKI_Report = r & vbLf & "Pemeriksaan lengkap di Command Prompt: iki-xl doctor"
End Function
