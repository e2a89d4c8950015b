"""OpenSearch / Elasticsearch backend, for deployments that outgrow one machine.

Same tokens as the embedded backend (our rjieba tokens in ``whitespace``-analyzed fields, no Chinese
plugin on the cluster), same field boosts, same AND-then-OR query, same snippets (made in Python from
the stored text), so both backends rank and present results alike.

Settings: ``OPENSEARCH_URL`` (e.g. ``https://user:pass@search.internal:9200``),
``OPENSEARCH_VERIFY_CERTS`` (default True), ``GONGKAI_SEARCH_REFRESH`` ("false", "true" or
"wait_for"; default "wait_for" so a published item is searchable when the task finishes).
"""

from __future__ import annotations

import json

from ..analysis import index_text, query_terms
from .base import (
    FIELD_BOOSTS,
    FILTER_FIELDS,
    SearchDocument,
    SearchQuery,
    SearchResults,
    day_number,
    hit_from_payload,
    stored_payload,
)

MAPPING = {
    "settings": {"index": {"number_of_shards": 1, "number_of_replicas": 1}},
    "mappings": {
        "dynamic": "strict",
        "properties": {
            "id": {"type": "keyword"},
            **{name: {"type": "text", "analyzer": "whitespace", "norms": True} for name in FIELD_BOOSTS},
            **{name: {"type": "keyword"} for name in FILTER_FIELDS},
            "day": {"type": "integer"},
            "payload": {"type": "object", "enabled": False},
        },
    },
}


def document_body(doc: SearchDocument) -> dict:
    return {
        "id": doc.id,
        "title_tok": index_text(doc.title),
        "docnum_tok": index_text(doc.document_number),
        "body_tok": index_text(doc.body),
        **{name: doc.filter_values(name) for name in FILTER_FIELDS},
        "day": day_number(doc.date),
        "payload": stored_payload(doc),
    }


def _field_any(word: str) -> dict:
    return {
        "bool": {
            "should": [
                {"term": {name: {"value": word, "boost": boost}}} for name, boost in FIELD_BOOSTS.items()
            ],
            "minimum_should_match": 1,
        }
    }


def _term_clause(term) -> dict:
    word = _field_any(term.word)
    if not term.parts:
        return word
    parts = {"bool": {"must": [_field_any(p) for p in term.parts], "boost": 0.5}}
    return {"bool": {"should": [word, parts], "minimum_should_match": 1}}


def build_search_body(query: SearchQuery, terms, *, require_all: bool = True) -> dict:
    clauses = [_term_clause(t) for t in terms]
    bool_query: dict = {}
    if clauses:
        if require_all:
            bool_query["must"] = clauses
        else:
            bool_query["should"] = clauses
            bool_query["minimum_should_match"] = 1
    else:
        bool_query["must"] = [{"match_all": {}}]
    filters = [{"terms": {name: values}} for name, values in sorted(query.filters.items())]
    if filters:
        bool_query["filter"] = filters
    body = {
        "query": {"bool": bool_query},
        "from": query.offset,
        "size": query.per_page,
        "track_total_hits": True,
        "_source": ["payload"],
    }
    if query.sort == "date" or not terms:
        body["sort"] = [{"day": {"order": "desc"}}, "_score"]
    return body


class OpenSearchBackend:
    def __init__(self, client, index_name: str = "gongkai-portal", refresh: str = "wait_for"):
        self.client = client
        self.index_name = index_name
        self.refresh = refresh
        self._ensured = False

    @classmethod
    def from_settings(cls, index_name: str):
        from opensearchpy import OpenSearch

        from django.conf import settings

        url = getattr(settings, "OPENSEARCH_URL", "")
        if not url:
            raise ValueError("GONGKAI_SEARCH_BACKEND is 'opensearch' but OPENSEARCH_URL is not set")
        client = OpenSearch(
            hosts=[url], verify_certs=getattr(settings, "OPENSEARCH_VERIFY_CERTS", True), timeout=10
        )
        return cls(client, index_name, getattr(settings, "GONGKAI_SEARCH_REFRESH", "wait_for"))

    def ensure_index(self) -> None:
        if self._ensured:
            return
        if not self.client.indices.exists(index=self.index_name):
            self.client.indices.create(index=self.index_name, body=MAPPING)
        self._ensured = True

    def _bulk(self, lines: list[dict]) -> None:
        if not lines:
            return
        payload = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n"
        response = self.client.bulk(body=payload, index=self.index_name, refresh=self.refresh)
        if response.get("errors"):
            failed = [item for item in response["items"] if next(iter(item.values())).get("error")]
            # A delete of a document that is not there is not an error worth failing for.
            failed = [i for i in failed if next(iter(i.values())).get("status") != 404]
            if failed:
                raise RuntimeError(
                    f"OpenSearch bulk request failed: {json.dumps(failed[:3], ensure_ascii=False)}"
                )

    def index(self, docs: list[SearchDocument]) -> None:
        self.ensure_index()
        lines = []
        for doc in docs:
            lines.append({"index": {"_id": doc.id}})
            lines.append(document_body(doc))
        self._bulk(lines)

    def delete(self, ids: list[str]) -> None:
        self.ensure_index()
        self._bulk([{"delete": {"_id": i}} for i in ids])

    def clear(self) -> None:
        self.ensure_index()
        self.client.delete_by_query(
            index=self.index_name, body={"query": {"match_all": {}}}, refresh=True, conflicts="proceed"
        )

    def count(self) -> int:
        self.ensure_index()
        return int(self.client.count(index=self.index_name)["count"])

    def search(self, query: SearchQuery) -> SearchResults:
        self.ensure_index()
        terms = query_terms(query.text)
        response = self.client.search(index=self.index_name, body=build_search_body(query, terms))
        relaxed = False
        if _total(response) == 0 and len(terms) > 1:
            response = self.client.search(
                index=self.index_name, body=build_search_body(query, terms, require_all=False)
            )
            relaxed = True
        hits = [
            hit_from_payload(hit["_source"]["payload"], hit.get("_score") or 0.0, terms)
            for hit in response["hits"]["hits"]
        ]
        return SearchResults(query=query, hits=hits, total=_total(response), relaxed=relaxed)


def _total(response) -> int:
    total = response["hits"]["total"]
    return int(total["value"] if isinstance(total, dict) else total)
