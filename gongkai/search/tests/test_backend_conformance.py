"""Every backend gives the same answers on the shared test set ("same queries, same results").

tantivy always runs. OpenSearch runs when ``OPENSEARCH_URL`` points at a live cluster (CI with a
service container); otherwise it is covered by the recorded exchanges in test_opensearch_backend.py.
"""

import os
import uuid

import pytest

from gongkai.search.backends.base import SearchQuery
from gongkai.search.backends.tantivy_backend import TantivyBackend

from .shared_set import DOCUMENTS, QUERIES


def _tantivy(tmp_path):
    return TantivyBackend(tmp_path / "index")


def _opensearch(tmp_path):
    url = os.environ.get("OPENSEARCH_URL")
    if not url:
        pytest.skip("OPENSEARCH_URL not set: no live OpenSearch/Elasticsearch cluster to test against")
    from opensearchpy import OpenSearch

    from gongkai.search.backends.opensearch_backend import OpenSearchBackend

    return OpenSearchBackend(
        OpenSearch(hosts=[url]), index_name=f"gongkai-test-{uuid.uuid4().hex[:8]}", refresh="true"
    )


@pytest.fixture(params=["tantivy", "opensearch"])
def backend(request, tmp_path):
    backend = {"tantivy": _tantivy, "opensearch": _opensearch}[request.param](tmp_path)
    backend.index(DOCUMENTS)
    yield backend
    if request.param == "opensearch":
        backend.client.indices.delete(index=backend.index_name)


@pytest.mark.parametrize(("text", "filters", "expected"), QUERIES, ids=[q[0] for q in QUERIES])
def test_shared_queries(backend, text, filters, expected):
    results = backend.search(SearchQuery(text, filters=filters))
    assert results.ids[: len(expected)] == expected


def test_date_sort_filters_and_pages(backend):
    everything = backend.search(SearchQuery("", sort="date", per_page=5))
    assert everything.total == len(DOCUMENTS)
    assert everything.ids[0] == "d2" and everything.num_pages == 3  # newest first: 2026-03-20
    page3 = backend.search(SearchQuery("", sort="date", per_page=5, page=3))
    assert page3.ids == ["d5", "d6"]  # the two oldest
    assert set(backend.search(SearchQuery("", filters={"unit": ["4"]})).ids) == {"d5", "d6", "d7"}
    assert backend.search(SearchQuery("低保", filters={"year": ["2026"]})).ids == ["d2"]
    assert backend.count() == len(DOCUMENTS)
