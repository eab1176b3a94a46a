"""The version resource of kiosk.exe (packaging/winversion.py). PyInstaller reads the text as a Python
expression of its VSVersionInfo classes (Windows only); here the expression is parsed and its values read.
The Windows workflow also reads the version back from the built kiosk.exe."""

import ast
import sys
from pathlib import Path

from kiosk import __version__

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from winversion import version_text, version_tuple  # noqa: E402


def calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == name]


def test_the_version_resource_carries_the_app_version():
    tree = ast.parse(version_text(__version__), mode="eval")
    (fixed,) = calls(tree, "FixedFileInfo")
    numbers = {k.arg: ast.literal_eval(k.value) for k in fixed.keywords if k.arg in ("filevers", "prodvers")}
    assert numbers == {"filevers": version_tuple(__version__), "prodvers": version_tuple(__version__)}
    strings = {ast.literal_eval(c.args[0]): ast.literal_eval(c.args[1]) for c in calls(tree, "StringStruct")}
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "kiosk.exe"


def test_suffixes_do_not_break_the_four_numbers():
    assert version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert version_tuple("2.0") == (2, 0, 0, 0)
    assert version_tuple("0.1.0.dev4+local") == (0, 1, 0, 0)
