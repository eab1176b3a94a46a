"""The Windows setup files (packaging/windows), checked as far as Linux can: the XML is well formed, in the
namespaces Windows expects, with the placeholders install.ps1 fills in. Nothing here ran on Windows."""

import xml.etree.ElementTree as ET
from pathlib import Path

from kiosk.services.exitcodes import STAY_DOWN

WINDOWS = Path(__file__).resolve().parents[2] / "packaging" / "windows"
SHELL = "{http://schemas.microsoft.com/ShellLauncher/2018/Configuration}"
V2 = "{http://schemas.microsoft.com/ShellLauncher/2019/Configuration}"
TASK = "{http://schemas.microsoft.com/windows/2004/02/mit/task}"


def install_script() -> str:
    return (WINDOWS / "install.ps1").read_text(encoding="utf-8")


def test_shell_launcher_restarts_the_kiosk_for_the_auto_logon_account_only():
    root = ET.parse(WINDOWS / "shell-launcher.xml").getroot()
    assert root.tag == f"{SHELL}ShellLauncherConfiguration"
    profile = root.find(f"{SHELL}Profiles/{SHELL}Profile")
    shell = profile.find(f"{SHELL}Shell")
    assert shell.get("Shell") == "KIOSK_COMMAND" and "'KIOSK_COMMAND'" in install_script()
    assert shell.get(f"{V2}AppType") == "Desktop"
    assert shell.find(f"{SHELL}DefaultAction").get("Action") == "RestartShell"
    # ... except when it stopped on purpose: those codes would only restart in a loop.
    actions = {int(a.get("ReturnCode")): a.get("Action") for a in shell.iter(f"{SHELL}ReturnCodeAction")}
    assert actions == {code: "DoNothing" for code in STAY_DOWN}
    # Everyone else keeps the desktop, so an administrator can still service the terminal.
    assert root.find(f"{SHELL}Profiles/{SHELL}DefaultProfile/{SHELL}Shell").get("Shell").endswith("explorer.exe")
    config = root.find(f"{SHELL}Configs/{SHELL}Config")
    assert config.find(f"{SHELL}AutoLogonAccount") is not None
    assert config.find(f"{SHELL}Profile").get("Id") == profile.get("Id")


def test_the_scheduled_task_starts_the_supervisor_at_the_kiosk_accounts_sign_in():
    root = ET.parse(WINDOWS / "kiosk-task.xml").getroot()
    assert root.tag == f"{TASK}Task"
    assert root.find(f"{TASK}Triggers/{TASK}LogonTrigger/{TASK}UserId").text == "KIOSK_USER"
    assert root.find(f"{TASK}Settings/{TASK}ExecutionTimeLimit").text == "PT0S"
    arguments = root.find(f"{TASK}Actions/{TASK}Exec/{TASK}Arguments").text
    assert "KIOSK_HOME\\current\\setup\\run-kiosk.ps1" in arguments
    assert (WINDOWS / "run-kiosk.ps1").is_file()
    assert "'KIOSK_USER'" in install_script() and "'KIOSK_HOME'" in install_script()


def test_crash_dialogs_and_sleep_are_turned_off():
    script = install_script()
    assert "DontShowUI" in script and "ErrorMode" in script
    for setting in ("monitor-timeout-ac 0", "standby-timeout-ac 0", "hibernate-timeout-ac 0"):
        assert f"powercfg /change {setting}" in script


def test_the_pro_supervisor_stays_down_on_the_same_codes():
    script = (WINDOWS / "run-kiosk.ps1").read_text(encoding="utf-8")
    assert f"@({', '.join(str(code) for code in STAY_DOWN)}) -contains $process.ExitCode" in script
