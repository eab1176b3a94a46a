"""Benchmarks, each against a baseline measured in the same run (these machines are shared and noisy).

    python benchmarks/run.py [--quick] [--out benchmarks/results]

Writes results.json and results.md. Scenarios so far:
- validate: `load_pack` on synthetic packs (3 languages) of 10, 100, 1,000 (and 10,000 without --quick)
  panels, with as many events and recognition entries; baseline: PyYAML's C loader reading the same
  files into plain Python objects, with no checks at all.
- timeline flick: frame intervals and each frame's own work while the bundled timeline is flicked;
  baseline: a bare QML Flickable of as many items flicked the same way (benchmarks/frames.py).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_pack  # noqa: E402

from kiosk.content import load_pack  # noqa: E402


def _median_seconds(action, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _parse_only(root: Path) -> None:
    for path in sorted(root.rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def bench_validate(sizes: list[int], repeats: int, workdir: Path) -> list[dict]:
    rows = []
    for size in sizes:
        root = write_pack(workdir / f"pack-{size}", size)
        load_pack(root)  # warm the file cache and imports
        validate = _median_seconds(lambda: load_pack(root), repeats)
        baseline = _median_seconds(lambda: _parse_only(root), repeats)
        result = load_pack(root)
        assert result.pack is not None, [str(p) for p in result.errors[:5]]
        rows.append(
            {
                "panels": size,
                "validate_s": round(validate, 4),
                "parse_only_s": round(baseline, 4),
                "ratio": round(validate / baseline, 2),
            }
        )
        print(f"validate {size:>6} panels: {validate:.3f} s (parse only {baseline:.3f} s, x{validate / baseline:.2f})")
    return rows


def _frame_rows(results: dict) -> list[str]:
    frames = results.get("timeline_flick")
    if not frames:
        return []
    lines = [
        "",
        "| timeline flick, 1920x1080 | frames | p50 (ms) | p95 (ms) | p99 (ms) | worst (ms) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for key, label in (
        ("timeline_interval", "kiosk: interval between frames"),
        ("baseline_interval", "bare Flickable: interval"),
        ("timeline_work", "kiosk: work per frame"),
        ("baseline_work", "bare Flickable: work per frame"),
    ):
        row = frames[key]
        lines.append(
            f"| {label} | {row['frames']} | {row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} | {row['worst_ms']} |"
        )
    lines.append(f"\nWork per frame, p95 ratio kiosk / bare Flickable: {frames.get('work_ratio_p95')}")
    return lines


def markdown(results: dict) -> str:
    lines = [
        f"Machine: {results['machine']}, Python {results['python']}",
        "",
        "| panels (+ events, entries), 3 languages | validate (s) | parse only, C loader (s) | ratio |",
        "|---:|---:|---:|---:|",
    ]
    for row in results["validate"]:
        lines.append(f"| {row['panels']:,} | {row['validate_s']:.3f} | {row['parse_only_s']:.3f} | {row['ratio']:.2f} |")
    lines += _frame_rows(results)
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats (under 3 minutes)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    args = parser.parse_args()
    sizes = [10, 100, 1000] if args.quick else [10, 100, 1000, 10000]
    repeats = 3 if args.quick else 5
    with tempfile.TemporaryDirectory() as folder:
        results = {
            "machine": f"{platform.machine()}, {platform.processor() or platform.node()}, {__import__('os').cpu_count()} cores",
            "python": platform.python_version(),
            "validate": bench_validate(sizes, repeats, Path(folder)),
        }
    from frames import bench_timeline_flick

    results["timeline_flick"] = bench_timeline_flick()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    (args.out / "results.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
