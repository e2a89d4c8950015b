"""The search interface every backend implements, independent of any app's models.

An app turns its records into ``SearchDocument`` objects (plain text, a few filter values, a URL)
and asks ``SearchQuery`` questions; the backend segments nothing itself — it receives the tokens
from ``gongkai.search.analysis`` — so every backend ranks the same words.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

#: The filterable fields. Values are strings; a document may have several values per field.
FILTER_FIELDS = ("source", "kind", "unit", "column", "category", "year", "genre", "validity")
#: Relative weight of the searched fields (title and document number count more than the body).
FIELD_BOOSTS = {"title_tok": 3.0, "docnum_tok": 4.0, "body_tok": 1.0}
#: Stored body text is cut to this many characters (enough for snippets).
STORED_BODY_CHARS = 20_000
SORTS = ("relevance", "date")


@dataclass
class SearchDocument:
    id: str
    title: str
    body: str = ""
    document_number: str = ""
    url: str = ""
    date: dt.date | None = None
    filters: dict[str, list[str]] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def filter_values(self, name: str) -> list[str]:
        if name not in FILTER_FIELDS:
            raise ValueError(f"unknown filter field {name!r}")
        return [str(v) for v in self.filters.get(name, [])]


@dataclass
class SearchQuery:
    text: str = ""
    #: AND across fields, OR within one field's values.
    filters: dict[str, list[str]] = field(default_factory=dict)
    page: int = 1
    per_page: int = 10
    sort: str = "relevance"

    def __post_init__(self):
        unknown = set(self.filters) - set(FILTER_FIELDS)
        if unknown:
            raise ValueError(f"unknown filter fields: {sorted(unknown)}")
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {SORTS}")
        self.page = max(1, int(self.page))
        self.per_page = min(100, max(1, int(self.per_page)))
        self.filters = {k: [str(v) for v in vs if str(v)] for k, vs in self.filters.items() if vs}

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass
class SearchHit:
    id: str
    score: float
    title: str
    url: str
    date: dt.date | None
    snippet: str
    title_html: str
    document_number: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list[SearchHit]
    total: int
    #: True when no document had every word, and documents with some of them are shown instead.
    relaxed: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.query.per_page))

    @property
    def ids(self) -> list[str]:
        return [hit.id for hit in self.hits]


@runtime_checkable
class SearchBackend(Protocol):
    def index(self, docs: list[SearchDocument]) -> None:
        """Add or replace documents (by id)."""

    def delete(self, ids: list[str]) -> None: ...

    def clear(self) -> None: ...

    def search(self, query: SearchQuery) -> SearchResults: ...

    def count(self) -> int: ...


def stored_payload(doc: SearchDocument) -> dict:
    """What a backend stores for display: the same for every backend."""
    return {
        "id": doc.id,
        "title": doc.title,
        "body": doc.body[:STORED_BODY_CHARS],
        "document_number": doc.document_number,
        "url": doc.url,
        "date": doc.date.isoformat() if doc.date else None,
        "extra": doc.extra,
    }


def hit_from_payload(payload: dict, score: float, terms) -> SearchHit:
    from ..analysis import snippet

    date = dt.date.fromisoformat(payload["date"]) if payload.get("date") else None
    return SearchHit(
        id=payload["id"],
        score=float(score),
        title=payload["title"],
        url=payload.get("url", ""),
        date=date,
        snippet=snippet(payload.get("body", ""), terms),
        title_html=snippet(payload["title"], terms, length=max(200, len(payload["title"]))),
        document_number=payload.get("document_number", ""),
        extra=payload.get("extra") or {},
    )


def day_number(date: dt.date | None) -> int:
    return date.toordinal() if date else 0
