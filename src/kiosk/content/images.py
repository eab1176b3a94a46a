"""Reading the size of PNG and JPEG images from their headers, without decoding them and without Qt."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

MAX_IMAGE_BYTES = 30_000_000


class ImageError(Exception):
    """The file is not an image the kiosk can show; the message says why in plain words."""


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int


def probe_image(path: Path) -> ImageInfo:
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise ImageError(f"the image file is {size / 1e6:.0f} MB; at most {MAX_IMAGE_BYTES / 1e6:.0f} MB is allowed")
    data = path.read_bytes()
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png(data)
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    raise ImageError("the file is not a PNG or JPEG image")


def _png(data: bytes) -> ImageInfo:
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise ImageError("the PNG image is damaged (no header)")
    width, height = struct.unpack(">II", data[16:24])
    if b"IEND" not in data[-32:]:
        raise ImageError("the PNG image is cut short (it does not end properly)")
    return ImageInfo("png", width, height)


_SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> ImageInfo:
    offset = 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            raise ImageError("the JPEG image is damaged")
        marker = data[offset + 1]
        if marker == 0xFF:  # padding
            offset += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            offset += 2
            continue
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        if marker in _SOF_MARKERS:
            if offset + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[offset + 5 : offset + 9])
            if not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
                raise ImageError("the JPEG image is cut short (it does not end properly)")
            return ImageInfo("jpeg", width, height)
        offset += 2 + length
    raise ImageError("the JPEG image is damaged (no size found)")
