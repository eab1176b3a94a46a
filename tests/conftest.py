import pytest

from tests.packs import write_minimal_pack


@pytest.fixture
def pack(tmp_path):
    """A valid two-language pack (en, fr) in a temporary folder, for tests to break."""
    return write_minimal_pack(tmp_path / "pack")
