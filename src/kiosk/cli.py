"""The command line: the only place that parses argv.

    kiosk [--windowed] [--size WxH] [--content DIR] [--config FILE]   run the kiosk
    kiosk validate [DIR] [--json] [--strict]                           check a content pack
    kiosk validate-config FILE                                         check a station config
    kiosk set-pin --config FILE                                        set the staff PIN (stored hashed)
    kiosk install-content SOURCE --config FILE                         install a pack folder or .zip
    kiosk rollback --config FILE                                       go back to the previous pack
    kiosk stats [--csv] --config FILE                                  anonymous usage statistics

Exit codes: services/exitcodes.py (and docs/install.md).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from kiosk import __version__
from kiosk.services import exitcodes
from kiosk.resources import bundled_content


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Offline museum exhibit kiosk.")
    parser.add_argument("--version", action="store_true", help="print the version and the content pack's id and hash")
    parser.add_argument("--content", type=Path, help="the content pack folder (default: the bundled exhibit)")
    parser.add_argument("--windowed", action="store_true", help="open in a window instead of full screen")
    parser.add_argument("--size", help="window size as WIDTHxHEIGHT, with --windowed")
    parser.add_argument("--config", type=Path, help="the station configuration file")
    parser.add_argument("--screen", type=int, help="which screen to fill, counting from 0 (default: the config's, 0)")
    parser.add_argument(
        "--idle", type=float, metavar="SECONDS",
        help="seconds without a touch before the kiosk asks 'still there?' (default: the config's, 90)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def station_command(name: str, help_text: str) -> argparse.ArgumentParser:
        command = commands.add_parser(name, help=help_text)
        # Also accepted after the command; SUPPRESS keeps a --config given before it.
        command.add_argument("--config", type=Path, default=argparse.SUPPRESS, help="the station configuration file")
        return command

    check_config = commands.add_parser("validate-config", help="check a station configuration file")
    check_config.add_argument("file", type=Path, help="the station configuration file")
    station_command("set-pin", "set the staff PIN; only a salted hash of it is written to the config")
    install = station_command("install-content", "validate a pack (folder or .zip) and make it the current one")
    install.add_argument("source", type=Path, help="the content pack folder or .zip archive")
    install.add_argument("--store", type=Path, help="the content store (default: the config's content: store:)")
    rollback = station_command("rollback", "make the previously installed pack current again")
    rollback.add_argument("--store", type=Path, help="the content store (default: the config's content: store:)")
    stats = station_command("stats", "print the anonymous usage statistics")
    stats.add_argument("--csv", action="store_true", help="every recorded row as CSV, for a spreadsheet")

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
    from kiosk.services.activation import first_usable, pack_candidates

    config = _config(args)
    if config is None:
        return exitcodes.CONFIG_INVALID
    # The pack a kiosk started with the same options would show (the store's current one, or its fallback).
    result = first_usable(pack_candidates(config, args.content), load_pack)
    print(f"kiosk {__version__}")
    print(f"content {result.exhibit_id or '?'} {result.content_hash or '?'} ({result.root})")
    return 0


def _say(text: str, error: bool = False) -> None:
    """Print only where there is a console: a frozen windowed build has no stdout or stderr."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(text, file=stream)


def _config(args: argparse.Namespace):
    """The station config, or None after printing its problems."""
    from kiosk.services.config import load_config

    result = load_config(getattr(args, "config", None))
    for problem in result.problems:
        _say(str(problem), error=True)
    return result.config


def _validate_config(args: argparse.Namespace) -> int:
    from kiosk.services.config import load_config

    result = load_config(args.file)
    for problem in result.problems:
        _say(str(problem))
    errors = sum(1 for p in result.problems if p.severity.value == "error")
    _say(f"{args.file.name}: {errors} error{'s' * (errors != 1)}; {'usable' if result.config else 'NOT usable'}")
    return exitcodes.OK if result.config else exitcodes.CHECK_FAILED


def _set_pin(args: argparse.Namespace) -> int:
    import getpass

    from kiosk.services.config import load_config, with_pin
    from kiosk.services.pin import PIN_PATTERN, hash_pin

    path = getattr(args, "config", None)
    if path is None:
        _say("kiosk: set-pin needs --config FILE (the PIN's hash is written there)", error=True)
        return exitcodes.USAGE
    if sys.stdin is not None and sys.stdin.isatty():
        pin = getpass.getpass("New staff PIN (4 to 12 digits): ")
        if getpass.getpass("The same PIN again: ") != pin:
            _say("kiosk: the two PINs differ; nothing was changed", error=True)
            return exitcodes.CHECK_FAILED
    else:  # piped in by an installation script
        pin = (sys.stdin.readline() if sys.stdin else "").strip()
    if not PIN_PATTERN.match(pin):
        _say("kiosk: a PIN is 4 to 12 digits; nothing was changed", error=True)
        return exitcodes.CHECK_FAILED
    if path.exists():
        existing = load_config(path)
        if existing.config is None:
            for problem in existing.problems:
                _say(str(problem), error=True)
            _say("kiosk: fix these problems first; nothing was changed", error=True)
            return exitcodes.CHECK_FAILED
    pin_hash = hash_pin(pin)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(with_pin(path, pin_hash), encoding="utf-8")
    written = load_config(temporary).config
    if written is None or written.pin_hash != pin_hash:  # a layout the line editor does not understand
        temporary.unlink()
        _say(f'kiosk: could not add the PIN to {path}; add these lines to it by hand:\nstaff:\n  pin: "{pin_hash}"',
             error=True)
        return exitcodes.CHECK_FAILED
    os.replace(temporary, path)  # never a half-written config
    _say(f"the staff PIN is set (stored as a salted hash in {path})")
    return exitcodes.OK


def _store(args: argparse.Namespace):
    from kiosk.services.contentstore import ContentStore

    if args.store is not None:
        return ContentStore(args.store)
    config = _config(args)
    if config is None:
        return None
    if config.content_store is None:
        _say("kiosk: the station config has no `content: store:` folder (or give --store DIR)", error=True)
        return None
    return ContentStore(config.content_store)


def _install_content(args: argparse.Namespace) -> int:
    from kiosk.content import load_pack
    from kiosk.content.cache import remember
    from kiosk.services.contentstore import InstallError

    def check(folder: Path):
        result = load_pack(folder)
        remember(result)  # so the kiosk's next start need not validate the pack again
        return result

    store = _store(args)
    if store is None:
        return exitcodes.USAGE
    try:
        installed = store.install(args.source, check)
    except InstallError as exc:
        _say(f"kiosk: {exc}", error=True)
        return exitcodes.CHECK_FAILED
    if installed.already_current:
        _say(f"this pack is already the current one ({installed.version}); nothing changed")
    else:
        _say(f"installed {installed.version}; a running kiosk shows it after the current visit"
             + (f" (previous: {installed.previous}, for `kiosk rollback`)" if installed.previous else ""))
    return exitcodes.OK


def _rollback(args: argparse.Namespace) -> int:
    from kiosk.services.contentstore import InstallError

    store = _store(args)
    if store is None:
        return exitcodes.USAGE
    try:
        version = store.rollback()
    except InstallError as exc:
        _say(f"kiosk: {exc}", error=True)
        return exitcodes.CHECK_FAILED
    _say(f"{version} is current again; a running kiosk shows it after the current visit")
    return exitcodes.OK


def _stats(args: argparse.Namespace) -> int:
    from kiosk.services.usage import UsageLog

    config = _config(args)
    if config is None:
        return exitcodes.CONFIG_INVALID
    if config.usage_database is None or not config.usage_database.exists():
        _say("no usage statistics recorded on this station (see `usage:` and `logs:` in the station config)")
        return exitcodes.OK
    usage = UsageLog(config.usage_database, config.usage_max_rows)
    try:
        if args.csv:
            _say(usage.csv().rstrip("\n"))
        else:
            for line in usage.summary().lines():
                _say(line)
    finally:
        usage.close()
    return exitcodes.OK


def _run(args: argparse.Namespace) -> int:
    import dataclasses
    import logging

    config = _config(args)
    if config is None:
        _say("kiosk: the station config has errors (listed above); run `kiosk validate-config FILE`", error=True)
        return exitcodes.CONFIG_INVALID
    if args.size and not re.fullmatch(r"\d{2,5}x\d{2,5}", args.size):
        _say(f"kiosk: --size must look like 1920x1080, not {args.size!r}", error=True)
        return exitcodes.USAGE
    overrides = {}
    if args.idle is not None:
        overrides["idle_seconds"] = max(10.0, args.idle)
    if args.screen is not None:
        overrides["screen_index"] = args.screen
    config = dataclasses.replace(config, **overrides)

    from kiosk.services.instance import AlreadyRunning, InstanceLock
    from kiosk.services.logs import setup_logging

    setup_logging(config.log_folder)
    lock = InstanceLock(config.lock_file)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        logging.getLogger("kiosk").error("%s; this one exits", exc)
        return exitcodes.ALREADY_RUNNING
    try:
        from kiosk.ui.app import choose_renderer, parse_size, prepare_environment
        from kiosk.ui.station import run_station

        renderer = choose_renderer(config.renderer, config.log_folder)
        prepare_environment(renderer)
        return run_station(config, args.content, args.windowed, parse_size(args.size), renderer)
    except Exception:  # noqa: BLE001 - the last line of defence: log it, and let the supervisor restart
        logging.getLogger("kiosk").critical("the kiosk stopped after an unexpected error", exc_info=True)
        return exitcodes.CRASHED
    finally:
        lock.release()


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
    commands = {
        "validate-config": _validate_config, "set-pin": _set_pin, "install-content": _install_content,
        "rollback": _rollback, "stats": _stats,
    }
    if args.command in commands:
        return commands[args.command](args)
    return _run(args)


if __name__ == "__main__":
    sys.exit(main())
