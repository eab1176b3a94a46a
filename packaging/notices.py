"""THIRD-PARTY-NOTICES.txt for the built folder: the template filled with the versions actually bundled,
and, on Debian, the system libraries PyInstaller copied in, each with its package's copyright file."""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from string import Template

WINDOWS_LIBRARIES = (
    "The Microsoft Visual C++ runtime (vcruntime140*.dll, msvcp140*.dll), redistributed under the terms of\n"
    "Microsoft's Visual C++ Redistributable; libffi (MIT) and, where present, OpenSSL (Apache-2.0), as\n"
    "shipped with Python for Windows (see licenses/Python-PSF.txt)."
)


def _debian_package(path: Path) -> str | None:
    """The Debian package that installed this file (merged /usr: try both spellings of the path)."""
    real = path.resolve()
    candidates = {str(path), str(real)}
    for p in list(candidates):
        if p.startswith("/usr/lib/"):
            candidates.add(p[len("/usr"):])
        elif p.startswith("/lib/"):
            candidates.add("/usr" + p)
    for candidate in sorted(candidates):
        run = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if run.returncode == 0:
            return run.stdout.split(":", 1)[0].strip()
    return None


def system_libraries(binaries: list[tuple], licenses: Path) -> str:
    """Lines naming the libraries copied from the build system, copying each package's copyright file."""
    if sys.platform == "win32":
        return WINDOWS_LIBRARIES
    if not shutil.which("dpkg"):
        return "Copied from the build system; see its package documentation for their licences."
    lines = [
        "Copied from the Debian build system by PyInstaller (libraries Qt and Python link against).",
        "Each package's copyright and licence file is in licenses/debian/.",
        "",
    ]
    packages: dict[str, list[str]] = {}
    for dest, source, typecode in binaries:
        if typecode != "BINARY" or "/" in dest or not source.startswith(("/lib", "/usr/lib")):
            continue
        package = _debian_package(Path(source)) or "unknown package"
        packages.setdefault(package, []).append(dest)
    (licenses / "debian").mkdir(parents=True, exist_ok=True)
    for package, files in sorted(packages.items()):
        name = package.split(":")[0]
        copyright_file = Path("/usr/share/doc") / name / "copyright"
        where = ""
        if copyright_file.is_file():
            shutil.copyfile(copyright_file, licenses / "debian" / f"{name}.txt")
            where = f": licenses/debian/{name}.txt"
        lines.append(f"  {', '.join(sorted(files))} (Debian package {name}){where}")
    return "\n".join(lines)


def write_notices(template: Path, out: Path, kiosk_version: str, qt_version: str, libraries: str) -> None:
    values = {
        "kiosk_version": kiosk_version,
        "build_platform": f"{platform.system()} {platform.machine()}",
        "qt_version": qt_version,
        "qt_series": ".".join(qt_version.split(".")[:2]),
        "pyside_version": version("PySide6-Essentials"),
        "shiboken_version": version("shiboken6"),
        "python_version": platform.python_version(),
        "pyyaml_version": version("PyYAML"),
        "system_libraries": libraries,
    }
    out.write_text(Template(template.read_text(encoding="utf-8")).substitute(values), encoding="utf-8")
