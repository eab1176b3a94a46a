<#
.SYNOPSIS
  Installs (or updates) the exhibit kiosk on a Windows terminal so it starts full screen at sign-in and
  is restarted whenever it exits. Run from the kiosk folder, in PowerShell "Run as administrator":

      powershell -ExecutionPolicy Bypass -File .\setup\install.ps1
      powershell -ExecutionPolicy Bypass -File .\setup\install.ps1 -Content D:\content

  Enterprise, Education and IoT Enterprise editions use Shell Launcher (the kiosk replaces the desktop);
  Pro uses a scheduled task at the kiosk account's sign-in. Each install goes to C:\Kiosk\releases\ and
  becomes C:\Kiosk\current only after its self-test passes; setup\rollback.ps1 goes back.
  NOT RUN ON WINDOWS BY THE DEVELOPERS: see docs/install.md ("What was tested").
#>
param(
    [ValidateSet('Auto', 'ShellLauncher', 'TaskScheduler')] [string] $Mode = 'Auto',
    [string] $Content = '',
    [string] $KioskUser = 'kiosk',          # Task Scheduler mode only; Shell Launcher makes its own account
    [string] $InstallRoot = "$env:SystemDrive\Kiosk"
)
$ErrorActionPreference = 'Stop'

function Say($text) { Write-Host "kiosk install: $text" }

$identity = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
if (-not $identity.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'Run PowerShell as administrator.'
}
$source = Split-Path -Parent $PSScriptRoot
$console = Join-Path $source 'kiosk-console.exe'
if (-not (Test-Path (Join-Path $source 'kiosk.exe')) -or -not (Test-Path $console)) {
    throw "Run this from the kiosk folder: $source has no kiosk.exe."
}
if ($Mode -eq 'Auto') {
    $edition = (Get-CimInstance Win32_OperatingSystem).Caption
    $Mode = if ($edition -match 'Enterprise|Education|IoT') { 'ShellLauncher' } else { 'TaskScheduler' }
    Say "$edition -> $Mode"
}
if ($Content) {
    & $console validate $Content | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "The content in $Content has errors: run '$console validate $Content' to list them." }
}

# 1. Copy, self-test, switch.
$version = ((& $console --version) | Select-Object -First 1) -replace '^kiosk ', ''
$release = Join-Path $InstallRoot ("releases\{0}-{1}" -f (Get-Date -Format 'yyyyMMdd-HHmmss'), $version)
Say "copying $source to $release"
New-Item -ItemType Directory -Force -Path (Split-Path $release) | Out-Null
Copy-Item -Recurse -Path $source -Destination $release
Say 'self-test of the copy (about a minute)'
$env:QT_QPA_PLATFORM = 'offscreen'
$selfTest = @('self-test', '--sizes', '1920x1080') + $(if ($Content) { @('--content', $Content) } else { @() })
& (Join-Path $release 'kiosk-console.exe') @selfTest | Out-File -Encoding utf8 "$release.self-test.log"
$passed = $LASTEXITCODE -eq 0
Remove-Item Env:\QT_QPA_PLATFORM
if (-not $passed) {
    Remove-Item -Recurse -Force $release
    throw "The self-test failed, nothing was changed; see $release.self-test.log"
}
Remove-Item "$release.self-test.log"
$current = Join-Path $InstallRoot 'current'
if (Test-Path $current) { cmd /c rmdir "$current" | Out-Null }   # removes the junction, not the release
New-Item -ItemType Junction -Path $current -Target $release | Out-Null
Say "$current is now $(Split-Path -Leaf $release)"
Get-ChildItem (Join-Path $InstallRoot 'releases') -Directory | Sort-Object Name -Descending |
    Select-Object -Skip 3 | Where-Object { $_.FullName -ne $release } | Remove-Item -Recurse -Force

# 2. Station choices and logs (%ProgramData%\Kiosk), writable by the kiosk account.
$data = Join-Path $env:ProgramData 'Kiosk'
New-Item -ItemType Directory -Force -Path (Join-Path $data 'logs') | Out-Null
icacls $data /grant '*S-1-5-32-545:(OI)(CI)M' | Out-Null   # BUILTIN\Users may write logs
$argsFile = Join-Path $data 'kiosk-args.txt'
if ($Content) { Set-Content -Encoding ascii $argsFile "--content `"$Content`"" }
$kioskArgs = if (Test-Path $argsFile) { (Get-Content -Raw $argsFile).Trim() } else { '' }

# 3. A crash restarts the kiosk instead of waiting for someone to click a dialog.
$wer = 'HKLM:\SOFTWARE\Microsoft\Windows\Windows Error Reporting'
New-Item -Force -Path $wer | Out-Null
Set-ItemProperty -Path $wer -Name DontShowUI -Type DWord -Value 1
Set-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Windows' -Name ErrorMode -Type DWord -Value 2
# Swipes from the screen edge must not open Windows panels over the exhibit.
$edge = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\EdgeUI'
New-Item -Force -Path $edge | Out-Null
Set-ItemProperty -Path $edge -Name AllowEdgeSwipe -Type DWord -Value 0

# 4. Power: the screen never turns off, the terminal never sleeps or hibernates (on mains power).
powercfg /change monitor-timeout-ac 0
powercfg /change standby-timeout-ac 0
powercfg /change hibernate-timeout-ac 0
powercfg /change disk-timeout-ac 0
powercfg /hibernate off

# 5. Start at sign-in, restart on exit.
if ($Mode -eq 'ShellLauncher') {
    Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All -NoRestart | Out-Null
    $command = (Join-Path $current 'kiosk.exe') + $(if ($kioskArgs) { " $kioskArgs" } else { '' })
    $xml = (Get-Content -Raw (Join-Path $PSScriptRoot 'shell-launcher.xml')).Replace(
        'KIOSK_COMMAND', [Security.SecurityElement]::Escape($command))
    Set-Content -Encoding utf8 (Join-Path $data 'shell-launcher.xml') $xml
    # The Assigned Access bridge (MDM_AssignedAccess) accepts changes only from the SYSTEM account:
    # a one-off scheduled task running as SYSTEM applies the file, then is removed.
    $apply = Join-Path $data 'apply-shell-launcher.ps1'
    Set-Content -Encoding utf8 $apply @'
$xml = Get-Content -Raw (Join-Path $env:ProgramData 'Kiosk\shell-launcher.xml')
$bridge = Get-CimInstance -Namespace 'root\cimv2\mdm\dmmap' -ClassName 'MDM_AssignedAccess'
$bridge.ShellLauncher = [System.Net.WebUtility]::HtmlEncode($xml)
Set-CimInstance -CimInstance $bridge
'@
    $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument "-NoProfile -ExecutionPolicy Bypass -File `"$apply`""
    Register-ScheduledTask -TaskName 'Exhibit kiosk: apply Shell Launcher' -Action $action -User 'SYSTEM' -RunLevel Highest -Force | Out-Null
    Start-ScheduledTask -TaskName 'Exhibit kiosk: apply Shell Launcher'
    do { Start-Sleep -Seconds 1 } while ((Get-ScheduledTask -TaskName 'Exhibit kiosk: apply Shell Launcher').State -eq 'Running')
    $result = (Get-ScheduledTaskInfo -TaskName 'Exhibit kiosk: apply Shell Launcher').LastTaskResult
    Unregister-ScheduledTask -TaskName 'Exhibit kiosk: apply Shell Launcher' -Confirm:$false
    if ($result -ne 0) { throw "Applying the Shell Launcher configuration failed (code $result)." }
    Say 'Shell Launcher configured: restart the terminal; it signs in to the kiosk account by itself.'
} else {
    if (-not (Get-LocalUser -Name $KioskUser -ErrorAction SilentlyContinue)) {
        $password = Read-Host -AsSecureString "Choose a password for the new account '$KioskUser'"
        New-LocalUser -Name $KioskUser -Password $password -PasswordNeverExpires -UserMayNotChangePassword | Out-Null
        Add-LocalGroupMember -Group (Get-LocalGroup -SID 'S-1-5-32-545') -Member $KioskUser
        Say "created the standard account '$KioskUser'"
    }
    $task = Get-Content -Raw (Join-Path $PSScriptRoot 'kiosk-task.xml')
    $task = $task.Replace('KIOSK_USER', "$env:COMPUTERNAME\$KioskUser").Replace('KIOSK_HOME', $InstallRoot)
    Register-ScheduledTask -TaskName 'Exhibit kiosk' -Xml $task -Force | Out-Null
    Say "scheduled task 'Exhibit kiosk' registered: it starts the kiosk when '$KioskUser' signs in."
    Say "Now turn on automatic sign-in for '$KioskUser' (docs/install.md, step W5), then restart."
}
