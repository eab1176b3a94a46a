"""A second process that reads part of a large pack, on the machine's other core.

Validating reads and converts every file in Python, and Python runs on one core at a time. For a pack
of thousands of panels the validator starts a copy of itself (`python -c`, or the frozen kiosk with
`HELPER_ARGUMENT`) and gives it the names of the last panel files. Meanwhile it reads the other
panels and the rest of the pack itself, then takes the helper's converted panels, problems and tallies
as if it had read those files itself. Small packs never start it: starting costs about a quarter of a
second.

Only panels are shared out: a panel is mostly text, which pickles cheaply. The timeline's or the map's
many small blocks cost more to send back than to read (measured: pickling and unpickling them took 1.2x
the time reading them did, against 0.6x for panels).

Whatever goes wrong with the helper (it cannot start, dies, answers nonsense, takes far too long, or
found a different set of panel files) only costs time: the validator then reads those panels itself,
having merged nothing of the helper's.

The helper sends positions, not YAML nodes: every node in its answer is pickled as a plain `Node`
(file, line, column), which is all a problem needs, and a fraction of the bytes.
"""

from __future__ import annotations

import copyreg
import gc
import io
import json
import logging
import os
import pickle
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.packfiles import PackFiles
from kiosk.content.problems import Problem, ProblemLog
from kiosk.content.schema import Context, Reference, Values
from kiosk.content.yamlnodes import Mapping, Node, Scalar, Sequence

log = logging.getLogger(__name__)

HELPER_ARGUMENT = "--read-for-validator"  # the frozen kiosk's hidden mode (packaging/entry.py)
_ANSWER_PREFIX = "kiosk-validator-"
_FAILED = b"kiosk helper failed\n"  # an answer file's first line when the helper met an error (then the traceback)

# The work of reading a file, in lines (measured: ~5.5 µs a line, and ~150 µs more per file for opening,
# hashing and converting it, the same as 27 lines).
_FILE_LINES = 27
# Starting the helper (a new interpreter importing the validator: 0.1-0.3 s, and its first files read
# from a cold cache), in lines' worth of work.
_START_LINES = 75_000
# Below this much work, starting a helper costs more than it saves.
MIN_LINES = 200_000
# The helper takes 1.6x as long as we would for the same panels (pickling them, and a second core that is
# often busier than the first; measured on 10,000 panels): so that both finish together, it gets 1 / 2.6
# of the work left after its start.
_HELPER_SHARE = 1 / 2.6
# However quick our part was, the helper gets this long to finish after us.
MIN_WAIT_S = 1.0


def plan(files: PackFiles, panels: list[str], others: list[str]) -> list[str]:
    """The last panel files, for the helper to read while the validator reads the other panels and
    `others` (the timeline, the recognitions), so that both finish together; none when a helper would
    not pay."""
    if _cores() < 2:
        return []
    panel_lines = [_FILE_LINES + lines for lines in _estimated_lines(files, panels)]
    total = sum(panel_lines) + sum(_FILE_LINES + lines for lines in _estimated_lines(files, others))
    if total < MIN_LINES:
        return []
    target = (total - _START_LINES) * _HELPER_SHARE
    share, taken = 0, 0.0
    for lines in reversed(panel_lines):
        if taken >= target:
            break
        taken += lines
        share += 1
    return panels[len(panels) - share :] if share else []


def _estimated_lines(files: PackFiles, rels: list[str]) -> list[float]:
    """Each file's number of lines, from its size and the lines per byte of a few of them (the first
    64 KB of at most 16 files, spread over the list)."""
    sizes = files.sizes(rels)
    step = max(1, len(rels) // 16)
    lines = read = 0
    for rel in rels[::step]:
        head = files.head(rel, 65_536)
        lines += head.count(b"\n")
        read += len(head)
    per_byte = lines / read if read else 0.0
    return [size * per_byte for size in sizes]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (Linux)
    except AttributeError:
        return os.cpu_count() or 1


@dataclass
class Helper:
    """A running helper, reading `panels`, to write its answer into the file `answer`."""

    process: subprocess.Popen
    panels: list[str]
    answer: str
    started: float

    def finish(self, ctx: Context, files: PackFiles) -> list[Values | None] | None:
        """The helper's panels, converted, with its problems, references, tallies and file digests merged
        into `ctx` and `files`; or None (after saying why, with nothing merged) if the caller must read
        them itself."""
        try:
            received = self._receive()
        finally:
            self.close()
        if received is None:
            return None
        panels, problems, references, coverage, unknown_languages, fallbacks, digests = received
        ctx.log.extend(problems)
        ctx.references.extend(references)
        for key, (reviewed, draft, missing) in coverage.items():
            tally = ctx.coverage.setdefault(key, [0, 0, 0])
            tally[0] += reviewed
            tally[1] += draft
            tally[2] += missing
        ctx.unknown_languages |= unknown_languages
        for language, count in fallbacks.items():
            ctx.fallbacks[language] = ctx.fallbacks.get(language, 0) + count
        files.digests.update(digests)
        return panels

    def _receive(self) -> tuple | None:
        """The helper's answer, checked whole before anything is merged; None after saying why."""
        # Its share was planned to end with ours: once waiting would cost more than reading its panels
        # ourselves, stop. (A load can run on the GUI thread, under the station's 30 s hang watchdog.)
        timeout = max(MIN_WAIT_S, time.monotonic() - self.started)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _say(f"it had not finished {timeout:.1f} s after us, and was stopped")
            return None
        try:
            with open(self.answer, "rb") as file:
                data = file.read()
        except OSError:
            data = b""
        if data.startswith(_FAILED):
            last_line = data[len(_FAILED) :].decode("utf-8", "replace").strip().splitlines()[-1:]
            _say(f"it met an error: {''.join(last_line)}")
            return None
        magic = _magic()
        if code != 0 or not data.startswith(magic):
            _say(f"it ended with exit code {code}" if code != 0 else "it left no answer from this version of the kiosk")
            return None
        try:
            rels, *rest = _AnswerUnpickler(io.BytesIO(memoryview(data)[len(magic) :])).load()
            if rels != self.panels:
                _say("it found other panel files (the folder changed while it read)")
                return None
            return _checked(rest, len(rels))
        except Exception as exc:  # a damaged or foreign answer, whatever is wrong with it
            _say(f"its answer could not be read ({exc.__class__.__name__}: {exc})")
            return None

    def close(self) -> None:
        """Stop the helper if it still runs, and remove its answer. Safe to call more than once."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        _remove(self.answer)


def _checked(answer: list, count: int) -> tuple:
    """The answer's parts, once each has the shape merging expects (else ValueError)."""
    panels, problems, references, coverage, unknown_languages, fallbacks, digests = answer
    shapes_ok = (
        isinstance(panels, list) and len(panels) == count and all(p is None or isinstance(p, Values) for p in panels)
        and isinstance(problems, list) and all(isinstance(p, Problem) for p in problems)
        and isinstance(references, list) and all(isinstance(r, Reference) for r in references)
        and isinstance(coverage, dict)
        and all(isinstance(t, list) and len(t) == 3 and all(isinstance(n, int) for n in t) for t in coverage.values())
        and isinstance(unknown_languages, set) and isinstance(fallbacks, dict) and isinstance(digests, dict)
    )
    if not shapes_ok:
        raise ValueError("its parts are not what this version of the kiosk sends")
    return panels, problems, references, coverage, unknown_languages, fallbacks, digests


class _AnswerUnpickler(pickle.Unpickler):
    """Unpickles only what a helper sends: the validator's own value types and plain values, nothing
    that could run other code, whoever managed to write into the temporary folder."""

    def find_class(self, module: str, name: str):
        plain = module == "builtins" and name in _PLAIN_TYPES
        if plain or (module, name) in _ANSWER_GLOBALS or _is_model_type(module, name):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of an answer")


_ANSWER_GLOBALS = {
    ("kiosk.content.yamlnodes", "Node"), ("kiosk.content.schema", "Values"), ("kiosk.content.schema", "Reference"),
    ("kiosk.content.problems", "Problem"), ("kiosk.content.problems", "Position"), ("kiosk.content.problems", "Severity"),
    ("kiosk.content.model", "trusted_text"),
}
_PLAIN_TYPES = {"set", "frozenset", "dict", "list", "tuple", "str", "int", "bool", "bytes"}


def _is_model_type(module: str, name: str) -> bool:
    """A class of the content model (frozen records: making one runs no other code)."""
    from kiosk.content import model

    found = getattr(model, name, None) if module == model.__name__ else None
    return isinstance(found, type) and found.__module__ == module


def start(root: Path, panels: list[str], ctx: Context) -> Helper | None:
    """Start a helper reading `panels` (the last of the listing), or None if it cannot start."""
    _remove_stale_answers()
    # The answer comes back in a file: tens of megabytes through a pipe took a quarter of a second more.
    try:
        descriptor, answer = tempfile.mkstemp(prefix=_ANSWER_PREFIX, suffix=".pickle")
        os.close(descriptor)
    except OSError as exc:
        _say(f"it has nowhere to write its answer ({exc})")
        return None
    # The panels as their first and last names: a list of thousands would not fit on a command line.
    request = json.dumps([str(root), panels[0], panels[-1], list(ctx.languages), ctx.missing_policy, answer])
    try:
        process = subprocess.Popen(
            [*_command(), request],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            env=_environment(),
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # no console flashing up on Windows
        )
    except OSError as exc:
        _remove(answer)
        _say(f"it could not start ({exc})")
        return None
    return Helper(process, panels, answer, time.monotonic())


def _remove_stale_answers() -> None:
    """Answers left behind by a validator that died first (a crash, a power cut) and by its helper."""
    cutoff = time.time() - 600
    for path in Path(tempfile.gettempdir()).glob(_ANSWER_PREFIX + "*.pickle"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def _magic() -> bytes:
    """The first line of an answer: the engine's fingerprint, so that a helper started from other code
    (the kiosk upgraded while it ran) is not believed."""
    from kiosk.content.cache import engine_fingerprint

    return f"kiosk helper {engine_fingerprint()}\n".encode()


def _command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, HELPER_ARGUMENT]
    # -P: not the current folder first on the path (a stray json.py there would be imported instead).
    return [sys.executable, "-P", "-c", "import sys; from kiosk.content.readhelper import main; main(sys.argv[1])"]


def _environment() -> dict[str, str]:
    """Ours, with this copy of `kiosk` on the path when a new interpreter would not find it (a checkout
    or a folder added to sys.path); an installed kiosk is left where the interpreter puts it, after the
    standard library."""
    env = dict(os.environ)
    package_parent = Path(__file__).resolve().parents[2]
    if not getattr(sys, "frozen", False) and package_parent not in _site_folders():
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(package_parent), env.get("PYTHONPATH"))))
    return env


def _site_folders() -> set[Path]:
    import site

    folders = site.getsitepackages() + [site.getusersitepackages()]
    return {Path(folder).resolve() for folder in folders}


def _say(message: str) -> None:
    log.warning("a second process reading panels failed: %s; reading them in this one", message)


# ---------------------------------------------------------------------------------------------------
# The helper's side.


def main(request: str) -> None:
    """The helper process: answer, then end at once (freeing every object first would only delay it).

    Never raises: an error is written into the answer file for the validator to report (a windowed
    Windows build has no stderr, and an error escaping would show PyInstaller's dialog, which waits for
    a click on the kiosk's screen).
    """
    try:
        serve(request)
    except BaseException:
        _report_failure(request, traceback.format_exc())
        os._exit(1)
    os._exit(0)


def _report_failure(request: str, trace: str) -> None:
    if sys.stderr is not None:
        print(trace, file=sys.stderr, flush=True)
    try:
        answer = json.loads(request)[-1]
        with open(answer, "wb") as file:
            file.write(_FAILED + trace.encode("utf-8", "replace"))
    except Exception:  # no answer file to write to: the exit code says enough
        pass


def serve(request: str) -> None:
    """Read the panels that `request` (JSON from `start`) names, and write the answer to its file."""
    from kiosk.content.load import read_panels  # the validator: only the helper process needs it here

    gc.disable()  # many small acyclic objects, as in load.py; the process ends right after
    root, first, last, languages, missing_policy, answer = json.loads(request)
    problems = ProblemLog()
    ctx = Context(problems, languages=tuple(languages), missing_policy=missing_policy)
    files = PackFiles(Path(root), problems)
    rels = [rel for rel in files.listing("panels") if first <= rel <= last]
    panels = read_panels(files, rels, ctx)
    with open(answer, "wb") as file:
        file.write(_magic())
        pickler = pickle.Pickler(file, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = _REDUCERS
        pickler.dump(
            [rels, panels, problems.in_found_order, ctx.references, ctx.coverage, ctx.unknown_languages,
             ctx.fallbacks, files.digests]
        )


def _as_place(node: Node):
    """A node pickled as its place only: its file, line and column are all the validator needs of it."""
    return Node, (node.file, node.line, node.column)


_REDUCERS = copyreg.dispatch_table | {kind: _as_place for kind in (Node, Scalar, Mapping, Sequence)}
# Dataclasses with slots pickle through `dataclasses.fields()`, slowly; these are sent by the thousand.
_REDUCERS[Values] = lambda values: (Values, (values.node, values.values, values.nodes))
_REDUCERS[Reference] = lambda reference: (Reference, (reference.kind, reference.value, reference.node))
