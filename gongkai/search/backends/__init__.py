"""Pick the search backend from settings.

``GONGKAI_SEARCH_BACKEND``: ``"tantivy"`` (default, embedded, index under
``GONGKAI_SEARCH_DIR`` = ``VAR_DIR/search``) or ``"opensearch"`` (``OPENSEARCH_URL``; works with
Elasticsearch 7+/8 too). Several named indexes can live side by side (``get_backend("portal")``,
``get_backend("assistant")``).
"""

import threading
from pathlib import Path

from django.conf import settings

from .base import SearchBackend, SearchDocument, SearchHit, SearchQuery, SearchResults

__all__ = [
    "SearchBackend",
    "SearchDocument",
    "SearchHit",
    "SearchQuery",
    "SearchResults",
    "get_backend",
    "reset",
]

_backends: dict[tuple, SearchBackend] = {}
_lock = threading.Lock()


def search_dir() -> Path:
    return Path(getattr(settings, "GONGKAI_SEARCH_DIR", None) or Path(settings.VAR_DIR) / "search")


def get_backend(name: str = "portal") -> SearchBackend:
    kind = getattr(settings, "GONGKAI_SEARCH_BACKEND", "tantivy")
    key = (kind, name, str(search_dir()))
    with _lock:
        if key not in _backends:
            if kind == "opensearch":
                from .opensearch_backend import OpenSearchBackend

                _backends[key] = OpenSearchBackend.from_settings(index_name=f"gongkai-{name}")
            elif kind == "tantivy":
                from .tantivy_backend import TantivyBackend

                _backends[key] = TantivyBackend(search_dir() / name)
            else:
                raise ValueError(f"GONGKAI_SEARCH_BACKEND must be 'tantivy' or 'opensearch', not {kind!r}")
        return _backends[key]


def reset() -> None:
    """Forget opened backends (tests switch index directories)."""
    with _lock:
        _backends.clear()
