# Starts the kiosk and starts it again when it crashes, hangs or fails (Task Scheduler mode, Windows Pro).
# Waits 2 seconds between starts, 30 seconds after five quick failures, so a kiosk that cannot start
# does not spin the processor. Each start is noted in %ProgramData%\Kiosk\logs\supervisor.log.
$ErrorActionPreference = 'Continue'
$kioskHome = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)   # ...\Kiosk (current\setup\ -> Kiosk)
$exe = Join-Path $kioskHome 'current\kiosk.exe'
$argsFile = Join-Path $env:ProgramData 'Kiosk\kiosk-args.txt'         # the station's choices, e.g. --content D:\content
$logs = Join-Path $env:ProgramData 'Kiosk\logs'
New-Item -ItemType Directory -Force -Path $logs | Out-Null
$quickFailures = 0
while ($true) {
    $arguments = if (Test-Path $argsFile) { (Get-Content -Raw $argsFile).Trim() } else { '' }
    $started = Get-Date
    Add-Content (Join-Path $logs 'supervisor.log') "$($started.ToString('s')) starting $exe $arguments"
    $process = if ($arguments) { Start-Process -FilePath $exe -ArgumentList $arguments -PassThru -Wait }
               else { Start-Process -FilePath $exe -PassThru -Wait }
    $ran = (Get-Date) - $started
    Add-Content (Join-Path $logs 'supervisor.log') "$((Get-Date).ToString('s')) kiosk exited with code $($process.ExitCode) after $([int]$ran.TotalSeconds) s"
    # Stopped on purpose (services/exitcodes.py STAY_DOWN): staff's Exit, wrong options, another kiosk
    # running, a station config with errors. Restarting would only loop; signing in again starts it.
    if (@(0, 2, 3, 4) -contains $process.ExitCode) {
        Add-Content (Join-Path $logs 'supervisor.log') "$((Get-Date).ToString('s')) stopped on purpose: not restarting"
        break
    }
    if ($ran.TotalSeconds -lt 30) { $quickFailures++ } else { $quickFailures = 0 }
    Start-Sleep -Seconds ($(if ($quickFailures -ge 5) { 30 } else { 2 }))
}
