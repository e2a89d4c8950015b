"""Portal search as JSON under /api/v1/disclosure/: for the mini-program and other clients.

The same search as the portal's search page ("one network to check"), with the same filters; only
published, proactively disclosed information is ever in the index.
"""

import datetime as dt

from ninja import Field, Query, Router, Schema, Status

from django.utils.translation import gettext as _

from gongkai.search.backends.base import SORTS

from .models import DisclosureCategory, Genre, KeyArea, Validity
from .search_service import portal_search

router = Router(tags=["disclosure"])
router_prefix = "disclosure"
MAX_PAGE = 1000


class SearchIn(Schema):
    q: str = Field("", max_length=200, description="Search words (Chinese is segmented by the server).")
    unit: int | None = Field(None, description="Issuing unit id.")
    column: int | None = Field(None, description="Column id: items filed or classified under it.")
    category: str = Field("", description="Art. 20/21 category or key area.")
    year: int | None = Field(None, ge=1949, le=2100, description="Year the document was written.")
    genre: str = Field("", description="Document type (or 'interpretation').")
    validity: str = Field("", description="in_force, amended, repealed or expired.")
    sort: str = Field("relevance", description="relevance or date (newest first).")
    page: int = Field(1, ge=1, le=MAX_PAGE)
    per_page: int = Field(10, ge=1, le=50)


class HitOut(Schema):
    title: str
    url: str
    date: dt.date | None
    snippet_html: str = Field(..., description="An excerpt with the query words in <mark>.")
    document_number: str
    index_number: str
    unit: str
    validity: str


class SearchOut(Schema):
    total: int
    page: int
    num_pages: int
    relaxed: bool = Field(..., description="True when no item had every word and items with some are shown.")
    hits: list[HitOut]


class ErrorOut(Schema):
    error: str
    message: str


def _choice_error(name: str, value: str, allowed) -> str | None:
    if value and value not in allowed:
        return _("“%(value)s” is not a valid %(name)s.") % {"value": value, "name": name}
    return None


@router.get("/search", response={200: SearchOut, 422: ErrorOut}, summary="Search the published information")
def search(request, params: Query[SearchIn]):
    categories = set(DisclosureCategory.values) | set(KeyArea.values)
    problems = [
        _choice_error("category", params.category, categories),
        _choice_error("genre", params.genre, set(Genre.values) | {"interpretation"}),
        _choice_error("validity", params.validity, set(Validity.values)),
        _choice_error("sort", params.sort, set(SORTS)),
    ]
    problems = [p for p in problems if p]
    if problems:
        return Status(422, {"error": "invalid_input", "message": " ".join(problems)})
    results = portal_search(
        params.q,
        unit=params.unit,
        column=params.column,
        category=params.category,
        year=params.year,
        genre=params.genre,
        validity=params.validity,
        sort=params.sort,
        page=params.page,
        per_page=params.per_page,
    )
    return Status(
        200,
        {
            "total": results.total,
            "page": params.page,
            "num_pages": results.num_pages,
            "relaxed": results.relaxed,
            "hits": [
                {
                    "title": hit.title,
                    "url": request.build_absolute_uri(hit.url) if hit.url else "",
                    "date": hit.date,
                    "snippet_html": hit.snippet,
                    "document_number": hit.document_number,
                    "index_number": hit.extra.get("index_number", ""),
                    "unit": hit.extra.get("unit_name", ""),
                    "validity": hit.extra.get("validity", ""),
                }
                for hit in results.hits
            ],
        },
    )
