<#
.SYNOPSIS
  Goes back to an earlier installed kiosk (install.ps1 keeps three under C:\Kiosk\releases\).
  Run in PowerShell "Run as administrator":

      powershell -ExecutionPolicy Bypass -File C:\Kiosk\current\setup\rollback.ps1          # the one before
      powershell -ExecutionPolicy Bypass -File C:\Kiosk\current\setup\rollback.ps1 -List
      powershell -ExecutionPolicy Bypass -File C:\Kiosk\current\setup\rollback.ps1 -Release 20261201-120000-0.1.0
  NOT RUN ON WINDOWS BY THE DEVELOPERS: see docs/install.md ("What was tested").
#>
param([string] $Release = '', [switch] $List, [string] $InstallRoot = "$env:SystemDrive\Kiosk")
$ErrorActionPreference = 'Stop'

$releases = Get-ChildItem (Join-Path $InstallRoot 'releases') -Directory | Sort-Object Name -Descending
$current = Join-Path $InstallRoot 'current'
$now = Split-Path -Leaf (Get-Item $current).Target
if ($List) {
    $releases | ForEach-Object { if ($_.Name -eq $now) { "$($_.Name)  (current)" } else { $_.Name } }
    return
}
if (-not $Release) {
    $older = $releases | Where-Object { $_.Name -lt $now } | Select-Object -First 1
    if (-not $older) { throw "There is no release older than $now to go back to." }
    $Release = $older.Name
}
$target = Join-Path $InstallRoot "releases\$Release"
if (-not (Test-Path (Join-Path $target 'kiosk.exe'))) { throw "$Release is not an installed release (see -List)." }
cmd /c rmdir "$current" | Out-Null
New-Item -ItemType Junction -Path $current -Target $target | Out-Null
Write-Host "kiosk rollback: now running $Release (was $now)"
# Shell Launcher or run-kiosk.ps1 starts the kiosk again from the new 'current'.
Stop-Process -Name kiosk -Force -ErrorAction SilentlyContinue
