"""The kiosk's exit codes: what a supervisor (systemd, Windows Shell Launcher) should do with each.

Documented for installers in docs/install.md; packaging/ restarts on every code except the ones
marked "stay down", so a broken installation does not restart in a tight loop.
"""

OK = 0  # a normal quit, or staff chose "Exit" in the staff menu: stay down
CHECK_FAILED = 1  # validate / validate-config / self-test found problems (commands, not the kiosk)
USAGE = 2  # wrong command-line arguments (argparse's own code): stay down
ALREADY_RUNNING = 3  # another kiosk holds this station's lock: stay down
CONFIG_INVALID = 4  # the station config has errors: stay down until someone fixes it
HUNG = 5  # the interface stopped responding; tracebacks are in hang.log: restart
CRASHED = 6  # an unexpected Python error reached the top; traceback in kiosk.log: restart
RENDERER_FAILED = 7  # the graphics context failed; the next start uses the software renderer: restart

STAY_DOWN = (OK, USAGE, ALREADY_RUNNING, CONFIG_INVALID)
