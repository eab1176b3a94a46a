"""The command line: the only place that parses argv.

    kiosk [--windowed] [--size WxH] [--content DIR] [--config FILE]   run the kiosk
    kiosk validate [DIR] [--json] [--strict]                           check a content pack
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kiosk import __version__
from kiosk.resources import bundled_content


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Offline museum exhibit kiosk.")
    parser.add_argument("--version", action="store_true", help="print the version and the content pack's id and hash")
    parser.add_argument("--content", type=Path, help="the content pack folder (default: the bundled exhibit)")
    parser.add_argument("--windowed", action="store_true", help="open in a window instead of full screen")
    parser.add_argument("--size", help="window size as WIDTHxHEIGHT, with --windowed")
    parser.add_argument("--config", type=Path, help="the station configuration file")
    parser.add_argument("--screen", type=int, default=0, help="which screen to fill, counting from 0 (default 0)")
    parser.add_argument(
        "--idle", type=float, default=90.0, metavar="SECONDS",
        help="seconds without a touch before the kiosk asks 'still there?' (default 90)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser("validate", help="check a content pack and list every problem")
    validate.add_argument("folder", nargs="?", type=Path, help="the content pack folder (default: the bundled exhibit)")
    validate.add_argument("--json", action="store_true", help="print the result as JSON for tools")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    selftest = commands.add_parser("self-test", help="render every screen in every language offscreen and check it")
    selftest.add_argument("--content", dest="selftest_content", type=Path, help="the content pack folder")
    selftest.add_argument("--sizes", default="1920x1080,1080x1920", help="screen sizes, e.g. 1920x1080,1080x1920")
    proof = commands.add_parser("proof", help="render every screen for curators: PNGs, contact sheet and report")
    proof.add_argument("--out", type=Path, required=True, help="the folder to write the proof into")
    proof.add_argument("--content", dest="proof_content", type=Path, help="the content pack folder")
    proof.add_argument("--sizes", default="1920x1080,1080x1920", help="screen sizes, e.g. 1920x1080,1080x1920")
    proof.add_argument("--compare", type=Path, help="an earlier proof: mark the screens that changed since")
    return parser


def _sizes(text: str) -> list[str] | None:
    sizes = text.split(",")
    if not all(re.fullmatch(r"\d{2,5}x\d{2,5}", s) for s in sizes):
        print(f"kiosk: sizes must look like 1920x1080,1080x1920, not {text!r}", file=sys.stderr)
        return None
    return sizes


def _proof(args: argparse.Namespace) -> int:
    sizes = _sizes(args.sizes)
    if sizes is None:
        return 2
    from kiosk.content import load_pack
    from kiosk.geo.asset import load_map_asset
    from kiosk.resources import asset_path
    from kiosk.ui.app import parse_size, prepare_environment
    from kiosk.ui.proof import render_proof
    from kiosk.ui.selftest import prepare_offscreen

    prepare_offscreen()
    prepare_environment()
    places = load_map_asset(asset_path("geo", "recognition_map.json"))
    folder = args.proof_content or args.content or bundled_content()
    result = load_pack(folder, places)
    sheet = render_proof(result, places, args.out, [parse_size(s) for s in sizes], args.compare)
    changed = sum(1 for shot in sheet.shots if shot.changed)
    print(f"proof of {folder}: {len(sheet.shots)} screens in {args.out / 'index.html'}"
          + (f"; {changed} changed since {args.compare}" if args.compare else ""))
    if result.pack is None:
        print("the pack has errors: the proof lists them instead of screens")
        return 1
    if sheet.empty:
        print(f"{len(sheet.empty)} screens rendered nothing")
        return 1
    return 0


def _self_test(args: argparse.Namespace) -> int:
    sizes = _sizes(args.sizes)
    if sizes is None:
        return 2
    from kiosk.content import load_pack
    from kiosk.geo.asset import load_map_asset
    from kiosk.resources import asset_path
    from kiosk.ui.app import parse_size, prepare_environment
    from kiosk.ui.selftest import prepare_offscreen, run_self_test

    prepare_offscreen()
    prepare_environment()
    places = load_map_asset(asset_path("geo", "recognition_map.json"))
    folder = args.selftest_content or args.content or bundled_content()
    print(f"self-test of {folder}")
    report = run_self_test(load_pack(folder, places), places, [parse_size(s) for s in sizes])
    for failure in report.failures:
        print(f"FAILED: {failure}")
    verdict = "passed" if report.passed else "FAILED"
    print(f"self-test {verdict}: {len(report.checked)} checks, {len(report.failures)} failures")
    return 0 if report.passed else 1


def _validate(args: argparse.Namespace) -> int:
    from kiosk.content import load_pack
    from kiosk.content.report import as_json, as_text, usable

    folder = args.folder or args.content or bundled_content()
    result = load_pack(folder)
    print(as_json(result, args.strict) if args.json else as_text(result, args.strict))
    return 0 if usable(result, args.strict) else 1


def _version(args: argparse.Namespace) -> int:
    from kiosk.content import load_pack

    folder = args.content or bundled_content()
    result = load_pack(folder)
    print(f"kiosk {__version__}")
    print(f"content {result.exhibit_id or '?'} {result.content_hash or '?'} ({folder})")
    return 0


def _run(args: argparse.Namespace) -> int:
    import logging

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.size and not re.fullmatch(r"\d{2,5}x\d{2,5}", args.size):
        print(f"kiosk: --size must look like 1920x1080, not {args.size!r}", file=sys.stderr)
        return 2
    from kiosk.content import load_pack
    from kiosk.geo.asset import load_map_asset
    from kiosk.resources import asset_path
    from kiosk.ui.app import parse_size, prepare_environment, run_kiosk

    prepare_environment()
    places = load_map_asset(asset_path("geo", "recognition_map.json"))
    result = load_pack(args.content or bundled_content(), places)
    return run_kiosk(
        result, places, args.windowed, parse_size(args.size), idle_seconds=args.idle, screen=args.screen
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.version:
        return _version(args)
    if args.command == "validate":
        return _validate(args)
    if args.command == "self-test":
        return _self_test(args)
    if args.command == "proof":
        return _proof(args)
    return _run(args)


if __name__ == "__main__":
    sys.exit(main())
