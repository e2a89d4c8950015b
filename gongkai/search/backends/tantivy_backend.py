"""The embedded default backend: tantivy over pre-segmented tokens (whitespace tokenizer).

tantivy allows one writer at a time (a lock file in the index directory). Write from one process
(the task worker or a management command); web workers open the index read-only and reload.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import tantivy

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

WRITER_HEAP = 128_000_000
RELOAD_INTERVAL = 1.0  # seconds between reader reloads in a long-running process


def tokenize(doc: SearchDocument) -> tuple[str, str, str]:
    return index_text(doc.title), index_text(doc.document_number), index_text(doc.body)


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    for name in FIELD_BOOSTS:
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
    for name in FILTER_FIELDS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("day", indexed=True, fast=True)
    builder.add_bytes_field("payload", stored=True)
    return builder.build()


class TantivyBackend:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.schema = build_schema()
        self._index = tantivy.Index(self.schema, path=str(self.path))
        self._write_lock = threading.Lock()
        self._last_reload = 0.0

    # --- writing ---------------------------------------------------------------------------
    def _document(self, doc: SearchDocument, tokens: tuple[str, str, str] | None = None) -> tantivy.Document:
        """``tokens``: (title, document number, body) already run through ``index_text`` (bulk loads)."""
        title_tok, docnum_tok, body_tok = tokens or tokenize(doc)
        out = tantivy.Document()
        out.add_text("id", doc.id)
        out.add_text("title_tok", title_tok)
        out.add_text("docnum_tok", docnum_tok)
        out.add_text("body_tok", body_tok)
        for name in FILTER_FIELDS:
            for value in doc.filter_values(name):
                out.add_text(name, value)
        out.add_integer("day", day_number(doc.date))
        out.add_bytes("payload", json.dumps(stored_payload(doc), ensure_ascii=False).encode())
        return out

    def _write(self, fn, threads: int = 1):
        with self._write_lock:
            writer = self._index.writer(heap_size=WRITER_HEAP, num_threads=threads)
            try:
                fn(writer)
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.wait_merging_threads()
        self._index.reload()

    def index(self, docs: list[SearchDocument], threads: int = 1) -> None:
        docs = list(docs)
        if not docs:
            return
        prepared = [self._document(doc) for doc in docs]

        def write(writer):
            for doc, tdoc in zip(docs, prepared, strict=True):
                writer.delete_documents_by_term("id", doc.id)
                writer.add_document(tdoc)

        self._write(write, threads)

    def add_prepared(self, writer, docs: list[SearchDocument], tokens: list[tuple[str, str, str]]) -> None:
        """Bulk loading (no replacement): add pre-tokenized documents with an opened writer."""
        for doc, toks in zip(docs, tokens, strict=True):
            writer.add_document(self._document(doc, toks))

    def bulk_writer(self, threads: int = 2):
        return self._index.writer(heap_size=WRITER_HEAP * 2, num_threads=threads)

    def delete(self, ids: list[str]) -> None:
        ids = list(ids)
        if ids:
            self._write(lambda writer: [writer.delete_documents_by_term("id", i) for i in ids])

    def clear(self) -> None:
        self._write(lambda writer: writer.delete_all_documents())

    # --- reading ---------------------------------------------------------------------------
    def _searcher(self):
        now = time.monotonic()
        if now - self._last_reload > RELOAD_INTERVAL:
            self._index.reload()
            self._last_reload = now
        return self._index.searcher()

    def count(self) -> int:
        return self._searcher().num_docs

    def _field_any(self, word: str):
        schema = self.schema
        return tantivy.Query.boolean_query(
            [
                (
                    tantivy.Occur.Should,
                    tantivy.Query.boost_query(
                        tantivy.Query.term_query(schema, name, word, index_option="freq"), boost
                    ),
                )
                for name, boost in FIELD_BOOSTS.items()
            ]
        )

    def _term_query(self, term):
        word_q = self._field_any(term.word)
        if not term.parts:
            return word_q
        parts_q = tantivy.Query.boolean_query([(tantivy.Occur.Must, self._field_any(p)) for p in term.parts])
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, word_q), (tantivy.Occur.Should, tantivy.Query.boost_query(parts_q, 0.5))]
        )

    def _filters(self, query: SearchQuery):
        clauses = []
        for name, values in query.filters.items():
            q = tantivy.Query.term_set_query(self.schema, name, list(values))
            clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(q, 0.0)))
        return clauses

    def build_query(self, query: SearchQuery, terms, *, require_all: bool = True):
        occur = tantivy.Occur.Must if require_all else tantivy.Occur.Should
        clauses = [(occur, self._term_query(term)) for term in terms]
        if not terms:
            clauses.append((tantivy.Occur.Must, tantivy.Query.all_query()))
        filters = self._filters(query)
        if not require_all and filters:
            # Should-clauses alongside Must-filters still need at least one word to match.
            words = tantivy.Query.boolean_query(clauses)
            return tantivy.Query.boolean_query([(tantivy.Occur.Must, words), *filters])
        return tantivy.Query.boolean_query(clauses + filters)

    def search(self, query: SearchQuery) -> SearchResults:
        terms = query_terms(query.text)
        searcher = self._searcher()
        result, relaxed = self._run(searcher, query, terms, require_all=True), False
        if result.count == 0 and len(terms) > 1:
            result, relaxed = self._run(searcher, query, terms, require_all=False), True
        hits = []
        for score, address in result.hits:
            doc = searcher.doc(address)
            payload = json.loads(bytes(doc.get_first("payload")).decode())
            hits.append(hit_from_payload(payload, score if isinstance(score, float) else 0.0, terms))
        return SearchResults(query=query, hits=hits, total=result.count or 0, relaxed=relaxed)

    def _run(self, searcher, query: SearchQuery, terms, *, require_all: bool):
        tq = self.build_query(query, terms, require_all=require_all)
        kwargs = {"limit": query.per_page, "offset": query.offset, "count": True}
        if query.sort == "date" or not terms:
            kwargs["order_by_field"] = "day"
            kwargs["order"] = tantivy.Order.Desc
        return searcher.search(tq, **kwargs)
