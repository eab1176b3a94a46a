"""`kiosk self-test` as an installer runs it: a subprocess, offscreen, exit code and a readable report."""

import os
import struct
import subprocess
import sys
import zlib

from tests.packs import write_minimal_pack


def run_self_test(folder) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "self-test", "--content", str(folder), "--sizes", "960x540,540x960"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_self_test_passes_on_a_good_pack_and_lists_every_screen(tmp_path):
    run = run_self_test(write_minimal_pack(tmp_path / "pack"))
    assert run.returncode == 0, run.stdout + run.stderr
    for screen in ("attract", "home", "panel 1", "panel 1 sources", "timeline", "map", "sources", "idle countdown"):
        for language in ("en", "fr"):
            for size in ("960x540", "540x960"):
                assert f"ok   {size} {language} {screen}\n" in run.stdout
    assert "self-test passed" in run.stdout


def test_self_test_fails_on_an_image_qt_cannot_decode(tmp_path):
    # The validator reads only the header and the end marker, so this PNG passes validation; the
    # pixels are garbage, which only decoding (in the real interface) can find.
    pack = write_minimal_pack(tmp_path / "pack")

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)
    broken = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"not deflate data") + chunk(b"IEND", b"")
    (pack / "images" / "photo.png").write_bytes(broken)
    run = run_self_test(pack)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "en panel 1: image could not be shown" in run.stdout
    assert "self-test FAILED" in run.stdout


def test_self_test_fails_on_a_pack_that_does_not_validate(tmp_path):
    pack = write_minimal_pack(tmp_path / "pack")
    (pack / "timeline.yaml").write_text("events: [", encoding="utf-8")
    run = run_self_test(pack)
    assert run.returncode == 1
    assert "FAILED: content: timeline.yaml:2:1: error: a value is missing here" in run.stdout


def test_self_test_reports_text_that_does_not_fit(tmp_path):
    pack = write_minimal_pack(tmp_path / "pack")
    title = pack / "panels" / "01-first.yaml"
    long_word = "Unbreakable" * 6  # 66 characters: within the validator's limit, but one word
    title.write_text(title.read_text(encoding="utf-8").replace("First panel (en)", long_word), encoding="utf-8")
    run = run_self_test(pack)
    assert run.returncode == 1, run.stdout
    assert f"en panel 1: text does not fit: '{long_word[:60]}'" in run.stdout


def test_self_test_reports_characters_the_bundled_font_cannot_draw(tmp_path):
    pack = write_minimal_pack(tmp_path / "pack")
    timeline = pack / "timeline.yaml"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace("Event text (fr)", "Texte 漢 ✕"), encoding="utf-8")
    run = run_self_test(pack)
    assert run.returncode == 1
    assert "font: NotoSans-Regular.ttf cannot draw ✕ 漢 used by the exhibit" in run.stdout
