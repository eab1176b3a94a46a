"""The Windows version resource of kiosk.exe (Properties > Details), made from kiosk.__version__.

PyInstaller takes it as a text file in its VSVersionInfo syntax; kiosk.spec writes one per build so the
version is never typed twice. Harmless elsewhere: EXE ignores `version=` outside Windows.
"""

from __future__ import annotations

import re
from pathlib import Path

PRODUCT = "Exhibit kiosk"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """`0.1.0` -> (0, 1, 0, 0); a suffix such as `rc1` or `.dev3` is dropped (Windows wants four numbers)."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    return tuple(numbers)  # type: ignore[return-value]


def version_text(version: str) -> str:
    four = version_tuple(version)
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', ''),
      StringStruct('FileDescription', '{PRODUCT}: offline museum exhibit'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'kiosk'),
      StringStruct('LegalCopyright', 'See THIRD-PARTY-NOTICES.txt for the components and their licences'),
      StringStruct('OriginalFilename', 'kiosk.exe'),
      StringStruct('ProductName', '{PRODUCT}'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_file(version: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kiosk-version.txt"
    path.write_text(version_text(version), encoding="utf-8")
    return path
