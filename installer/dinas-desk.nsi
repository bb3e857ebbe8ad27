; Dinas Desk installer (NSIS 3, MUI2, amd64-unicode). Built by installer/build.py:
;   makensis -WX -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DDIST=<bundle> -DOUTFILE=<exe> -DICON=<ico>
;
; Per-machine install into Program Files; Start-menu shortcut, optional desktop shortcut; an
; Add/Remove Programs entry; an upgrade installs in place over the same folder and never touches
; the users' data (%LOCALAPPDATA%\Disdukcapil\DinasDesk) or settings (HKCU\Software\Disdukcapil);
; the uninstaller keeps them too unless asked (components page, or /REMOVEDATA when silent).
; The installed app's self-test runs at the end; a failure is shown in Indonesian (and in silent
; mode ends with exit code 3 and the output in $INSTDIR\uji-mandiri.log).

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true

!ifndef VERSION
  !error "VERSION is not defined (installer/build.py passes it)"
!endif
!ifndef DIST
  !error "DIST (the PyInstaller bundle) is not defined"
!endif
!ifndef OUTFILE
  !define OUTFILE "DinasDesk-${VERSION}-setup.exe"
!endif

!define APP_NAME "Dinas Desk"
!define APP_EXE "DinasDesk.exe"
!define CLI_EXE "dinas-desk.exe"
!define PUBLISHER "Dinas Kependudukan dan Pencatatan Sipil"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\DinasDesk"
!define APP_KEY "Software\Disdukcapil\DinasDesk Installer"
!define PACKAGE_EXT ".ddlapangan"  ; desktop/services/field/package.py SUFFIX
!define PACKAGE_PROGID "DinasDesk.PaketLapangan"
!define DATA_SUBDIR "Disdukcapil\DinasDesk"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "Sections.nsh"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "Pemasang ${APP_NAME}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Lisensi MIT"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Language"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_LANGDLL_WINDOWTITLE "Dinas Desk"
!define MUI_LANGDLL_INFO "Pilih bahasa pemasang / Choose the installer's language"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; Indonesian first: the office works in Indonesian; English for an IT contractor.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

LangString SecApp ${LANG_INDONESIAN} "Dinas Desk (wajib)"
LangString SecApp ${LANG_ENGLISH} "Dinas Desk (required)"
LangString SecDesktop ${LANG_INDONESIAN} "Pintasan di desktop"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString UnSecApp ${LANG_INDONESIAN} "Program Dinas Desk"
LangString UnSecApp ${LANG_ENGLISH} "Dinas Desk program"
LangString UnSecData ${LANG_INDONESIAN} "Hapus juga data Dinas Desk di komputer ini (database lokal, cadangan, pengaturan)"
LangString UnSecData ${LANG_ENGLISH} "Also delete Dinas Desk's data on this PC (local database, backups, settings)"
LangString Need64 ${LANG_INDONESIAN} "Dinas Desk memerlukan Windows 64-bit (Windows 10 atau 11)."
LangString Need64 ${LANG_ENGLISH} "Dinas Desk needs 64-bit Windows (Windows 10 or 11)."
LangString SelfTesting ${LANG_INDONESIAN} "Menjalankan uji mandiri Dinas Desk..."
LangString SelfTesting ${LANG_ENGLISH} "Running Dinas Desk's self-test..."
LangString SelfTestOk ${LANG_INDONESIAN} "Uji mandiri berhasil."
LangString SelfTestOk ${LANG_ENGLISH} "Self-test passed."
LangString SelfTestFailed ${LANG_INDONESIAN} "Dinas Desk sudah terpasang, tetapi uji mandirinya GAGAL. Aplikasi mungkin tidak dapat dibuka di komputer ini.$\r$\n$\r$\nHasil uji disimpan di:$\r$\n$INSTDIR\uji-mandiri.log$\r$\n$\r$\nKirim berkas itu ke petugas TI. Hasil:$\r$\n"
LangString SelfTestFailed ${LANG_ENGLISH} "Dinas Desk is installed, but its self-test FAILED. The app may not open on this PC.$\r$\n$\r$\nThe result is saved in:$\r$\n$INSTDIR\uji-mandiri.log$\r$\n$\r$\nSend that file to IT. Result:$\r$\n"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "$(Need64)" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ; Indonesian unless chosen otherwise, whatever the Windows language (silent installs included):
  ; the office works in Indonesian, as the app does.
  StrCpy $LANGUAGE ${LANG_INDONESIAN}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd


; An upgrade replaces the program files only; the folder of an older version is emptied first so no
; stale module of it is loaded by the new one.
Section "$(SecApp)" SecApp
  SectionIn RO
  SetRegView 64
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}\*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\Hapus ${APP_NAME}.lnk" "$INSTDIR\Uninstall.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  ; A field package (kejar bola offline) opens in Dinas Desk by double-click: "DinasDesk.exe" "<file>".
  WriteRegStr HKLM "Software\Classes\${PACKAGE_EXT}" "" "${PACKAGE_PROGID}"
  WriteRegStr HKLM "Software\Classes\${PACKAGE_PROGID}" "" "Paket lapangan Dinas Desk"
  WriteRegStr HKLM "Software\Classes\${PACKAGE_PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKLM "Software\Classes\${PACKAGE_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "$(SecDesktop)" SecDesktop
  SetShellVarContext all
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

; Last: the installed app checks itself (database engine on a throwaway file, reference data,
; documents, receipts, windows). It writes nothing into any user's profile.
Section "-SelfTest"
  DetailPrint "$(SelfTesting)"
  nsExec::ExecToStack '"$INSTDIR\${CLI_EXE}" --self-test'
  Pop $0
  Pop $1
  FileOpen $2 "$INSTDIR\uji-mandiri.log" w
  FileWrite $2 "$1"
  FileWrite $2 "$\r$\nexit: $0$\r$\n"
  FileClose $2
  ${If} $0 == "0"
    DetailPrint "$(SelfTestOk)"
  ${Else}
    DetailPrint "$1"
    MessageBox MB_ICONEXCLAMATION|MB_OK "$(SelfTestFailed)$1" /SD IDOK
    SetErrorLevel 3
  ${EndIf}
SectionEnd

Section "un.$(UnSecApp)" UnSecApp
  SectionIn RO
  SetRegView 64
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\Hapus ${APP_NAME}.lnk"
  RMDir "$SMPROGRAMS\${APP_NAME}"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uji-mandiri.log"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "${APP_KEY}"
  DeleteRegKey HKLM "Software\Classes\${PACKAGE_PROGID}"
  ReadRegStr $0 HKLM "Software\Classes\${PACKAGE_EXT}" ""
  ${If} $0 == "${PACKAGE_PROGID}"  ; another program may have taken the extension since
    DeleteRegKey HKLM "Software\Classes\${PACKAGE_EXT}"
  ${EndIf}
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; Off unless chosen: the data of the user running the uninstaller (its %LOCALAPPDATA% folder and its
; workstation settings). A shared PostgreSQL database on the server is never touched.
Section /o "un.$(UnSecData)" UnSecData
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\${DATA_SUBDIR}"
  RMDir "$LOCALAPPDATA\Disdukcapil"
  DeleteRegKey HKCU "Software\Disdukcapil\DinasDesk"
  DeleteRegKey /ifempty HKCU "Software\Disdukcapil"
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
  !insertmacro MUI_UNGETLANGUAGE
  ; Silent uninstall keeps the users' data unless /REMOVEDATA is given.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UnSecData}
  ${EndIf}
FunctionEnd
