"""Portal search ("一网通查"): one query across every unit's published information."""

from gongkai.search.backends import SearchQuery, SearchResults, get_backend

from .indexing import SOURCE


def portal_search(
    text: str = "",
    *,
    unit=None,
    column=None,
    category=None,
    year=None,
    genre=None,
    validity=None,
    sort: str = "relevance",
    page: int = 1,
    per_page: int = 10,
) -> SearchResults:
    filters = {"source": [SOURCE]}
    for name, value in (
        ("unit", unit),
        ("column", column),
        ("category", category),
        ("year", year),
        ("genre", genre),
        ("validity", validity),
    ):
        if value not in (None, ""):
            filters[name] = [str(value)]
    query = SearchQuery(text=text, filters=filters, page=page, per_page=per_page, sort=sort or "relevance")
    return get_backend().search(query)
