"""The OpenSearch backend against recorded request/response bodies (no server runs here).

The live conformance test in ``test_backend_conformance.py`` runs the same shared test set on a real
cluster when ``OPENSEARCH_URL`` is set.
"""

import datetime as dt

import pytest

from gongkai.search.backends.base import SearchDocument, SearchQuery
from gongkai.search.backends.opensearch_backend import MAPPING, OpenSearchBackend

from .replay import replay_client


def test_index_search_relaxed_fallback_and_date_sort_match_the_recording():
    client, remaining = replay_client("opensearch_portal")
    backend = OpenSearchBackend(client)
    backend.index(
        [
            SearchDocument(
                id="item:1",
                title="清河区城乡低保标准调整",
                body="自4月起提高城乡低保标准。附件：申请须提供花名册",
                document_number="清民发〔2026〕3号",
                url="/zfxxgk/item-1/",
                date=dt.date(2026, 3, 2),
                filters={
                    "source": ["disclosure"],
                    "kind": ["item"],
                    "unit": ["7"],
                    "year": ["2026"],
                    "genre": ["normative_document"],
                    "validity": ["in_force"],
                },
                extra={"unit_name": "清河区民政局"},
            )
        ]
    )
    results = backend.search(
        SearchQuery("低保 社会保障", filters={"source": ["disclosure"], "year": ["2026"]})
    )
    assert results.relaxed is True, "no document has every word: fall back to any word, as tantivy does"
    assert results.total == 1
    (hit,) = results.hits
    assert hit.id == "item:1" and hit.url == "/zfxxgk/item-1/" and hit.date == dt.date(2026, 3, 2)
    assert "<mark>低保</mark>" in hit.snippet and hit.document_number == "清民发〔2026〕3号"
    assert hit.extra == {"unit_name": "清河区民政局"}

    page2 = backend.search(SearchQuery("", filters={"unit": ["7"]}, page=2))
    assert page2.total == 11 and page2.num_pages == 2 and page2.ids == ["item:1"]

    backend.delete(["item:404"])  # not found: fine
    with pytest.raises(RuntimeError, match="mapper_parsing_exception"):
        backend.index([SearchDocument(id="bad", title="标题")])
    assert remaining == []


def test_mapping_uses_whitespace_analyzer_over_our_tokens():
    props = MAPPING["mappings"]["properties"]
    assert props["title_tok"] == {"type": "text", "analyzer": "whitespace", "norms": True}
    assert props["unit"] == {"type": "keyword"} and props["payload"]["enabled"] is False


def test_missing_url_is_a_clear_error(settings):
    settings.OPENSEARCH_URL = ""
    with pytest.raises(ValueError, match="OPENSEARCH_URL"):
        OpenSearchBackend.from_settings("gongkai-portal")
