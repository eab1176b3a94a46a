"""Property-based: whatever staff (or a damaged USB stick) do to a valid pack, the loader answers with
problems or a model; it never raises anything else and never hangs."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content import load_pack
from kiosk.content.load import LoadResult
from tests.packs import write_minimal_pack

FILES = ["exhibit.yaml", "ui.yaml", "sources.yaml", "timeline.yaml", "recognitions.yaml", "panels/01-first.yaml"]
YAML_NOISE = st.lists(
    st.sampled_from(list(":-[]{}&*!|>#'\"%@`,?\n\t ab1Əə~") + ["\u2028", "\ufeff", "NO", "!!python/object", "&a", "*a"]),
    max_size=12,
).map("".join)

mutation = st.one_of(
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 40)),
    st.tuples(st.just("insert"), st.floats(0, 1), YAML_NOISE),
    st.tuples(st.just("duplicate-line"), st.floats(0, 1), st.just(None)),
    st.tuples(st.just("swap-lines"), st.floats(0, 1), st.floats(0, 1)),
    st.tuples(st.just("truncate"), st.floats(0, 1), st.just(None)),
    st.tuples(st.just("bytes"), st.floats(0, 1), st.binary(min_size=1, max_size=8)),
)


def mutate(data: bytes, kind: str, where: float, arg) -> bytes:
    at = int(where * len(data))
    if kind == "delete":
        return data[:at] + data[at + arg :]
    if kind == "insert":
        return data[:at] + arg.encode("utf-8") + data[at:]
    if kind == "bytes":
        return data[:at] + arg + data[at:]
    if kind == "truncate":
        return data[:at]
    lines = data.split(b"\n")
    i = int(where * (len(lines) - 1))
    if kind == "duplicate-line":
        lines.insert(i, lines[i])
    else:
        j = int(arg * (len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(FILES), mutations=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_pack_gives_problems_or_a_model(target, mutations):
    with tempfile.TemporaryDirectory() as folder:
        root = write_minimal_pack(Path(folder) / "pack")
        path = root / target
        data = path.read_bytes()
        for kind, where, arg in mutations:
            data = mutate(data, kind, where, arg)
        path.write_bytes(data)

        result = load_pack(root)

        assert isinstance(result, LoadResult)
        assert (result.pack is None) == bool(result.errors)
        for problem in result.problems:
            assert problem.message and problem.position.line >= 0 and problem.position.column >= 0
            assert not Path(problem.position.file).is_absolute()
