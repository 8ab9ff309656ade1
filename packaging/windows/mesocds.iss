; Inno Setup script for MesoCDS on Windows. Not built or tested here; see README.
; Build: cargo build --release --target x86_64-pc-windows-msvc, then
;   iscc packaging\windows\mesocds.iss
#define AppVersion "0.1.0"

[Setup]
AppId={{7C2A4E5B-3D0F-4C8E-9A61-5B1E2F0D9C41}
AppName=MesoCDS
AppVersion={#AppVersion}
AppPublisher=MesoCDS developers
DefaultDirName={autopf}\MesoCDS
DefaultGroupName=MesoCDS
OutputBaseFilename=MesoCDS-{#AppVersion}-setup
SetupIconFile=mesocds.ico
UninstallDisplayIcon={app}\mesocds.exe
Compression=lzma2
SolidCompression=yes
PrivilegesRequiredOverridesAllowed=dialog

[Files]
Source: "..\..\target\x86_64-pc-windows-msvc\release\mesocds.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\assets\examples\example-pleural-stage-iiia.ron"; DestDir: "{app}\examples"
Source: "..\..\assets\fonts\LICENSE-DejaVu.txt"; DestDir: "{app}"
Source: "..\..\README.md"; DestDir: "{app}"

[Icons]
Name: "{group}\MesoCDS"; Filename: "{app}\mesocds.exe"
Name: "{autodesktop}\MesoCDS"; Filename: "{app}\mesocds.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Registry]
; Open .ron case files with MesoCDS from Explorer's "Open with".
Root: HKA; Subkey: "Software\Classes\Applications\mesocds.exe\SupportedTypes"; ValueType: string; ValueName: ".ron"; ValueData: ""
