import pytest

from gongkai.search import backends


@pytest.fixture(autouse=True)
def _search_index(settings, tmp_path):
    """Each test gets its own on-disk search index."""
    settings.GONGKAI_SEARCH_DIR = tmp_path / "search"
    backends.reset()
    yield
    backends.reset()


@pytest.fixture
def cols(db):
    from gongkai.disclosure.structure import ensure_standard_columns

    return ensure_standard_columns()
