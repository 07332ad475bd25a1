; Inno Setup script: installs the PyInstaller one-folder bundle (build\dist\diffviewer).
;   iscc packaging\windows\diffviewer.iss
#define AppName "diffviewer"
#define AppVersion "0.1.0"
#define BundleDir "..\..\build\dist\diffviewer"

[Setup]
AppId={{6C1D3E52-8B1F-4D8E-9B7A-2F5D0C9A1E47}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=diffviewer
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputDir=..\..\build\installer
OutputBaseFilename=diffviewer-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
UninstallDisplayIcon={app}\diffviewer.exe

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\diffviewer.exe"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Tasks]
Name: "addtopath"; Description: "Add diffviewer-cli to PATH"; Flags: unchecked

[Registry]
; "Compare with diffviewer" in Explorer's Open with list for the formats it reads.
Root: HKA; Subkey: "Software\Classes\Applications\diffviewer.exe\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\diffviewer.exe\SupportedTypes"; ValueType: string; ValueName: ".md"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\diffviewer.exe\SupportedTypes"; ValueType: string; ValueName: ".html"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\diffviewer.exe\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\diffviewer.exe\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""
Root: HKA; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\diffviewer.exe"; Parameters: "--demo"; Description: "Open diffviewer with the sample comparison"; Flags: postinstall nowait skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current) then
    Current := '';
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
