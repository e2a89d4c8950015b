"""The in-memory index of live entries, and how each process keeps it fresh.

A snapshot holds everything a query needs (BM25 over character n-grams, the dense matrix, the
synonym table, exact-match lookup). ``IndexState.version`` in the database moves whenever an entry
or synonym changes; each process compares it at most every ``ASSISTANT_INDEX_CHECK_SECONDS`` and
rebuilds — in a background thread while the old snapshot keeps answering, unless
``ASSISTANT_BACKGROUND_RELOAD`` is off. Entries leave the index the day their validity ends.
"""

import logging
import threading
import time
from dataclasses import dataclass, field

import numpy as np

from django.conf import settings
from django.db import connection
from django.utils import timezone

from . import dense
from .lexical import ANSWER_WEIGHT, LexicalIndex
from .synonyms import SynonymTable
from .text import char_ngrams, normalize, plain_text

logger = logging.getLogger(__name__)

# Up to this many texts without a vector are embedded while building; more → lexical-only until
# ``assistant embed`` (or the import) has stored them.
EMBED_ON_BUILD_LIMIT = 64


@dataclass
class IndexedEntry:
    pk: int
    external_id: str
    question: str
    texts: list[str]  # question and phrasings
    answer_text: str
    unit_id: int | None
    category: str


@dataclass
class Snapshot:
    version: int
    built_on: object  # the local date: validity is checked per day
    entries: list[IndexedEntry]
    lexical: LexicalIndex
    dense: dense.DenseIndex | None
    synonyms: SynonymTable
    exact: dict[str, int] = field(default_factory=dict)
    build_seconds: float = 0.0

    @property
    def mode(self) -> str:
        return "hybrid" if self.dense is not None else "lexical"


def build_snapshot(version: int, vector_cache: dict | None = None) -> Snapshot:
    from ..models import Entry

    started = time.perf_counter()
    vector_cache = {} if vector_cache is None else vector_cache
    today = timezone.localdate()
    rows = (
        Entry.objects.live(today)
        .order_by("pk")
        .values_list("pk", "external_id", "question", "variants", "answer", "unit_id", "category")
    )
    entries: list[IndexedEntry] = []
    docs: list[list[str]] = []
    weights: list[float] = []
    lex_starts: list[int] = []
    dense_texts: list[str] = []
    dense_starts: list[int] = []
    exact: dict[str, int] = {}
    for pk, external_id, question, variants, answer, unit_id, category in rows.iterator(chunk_size=2000):
        texts = [question] + [v.strip() for v in variants.splitlines() if v.strip()]
        texts = list(dict.fromkeys(texts))
        position = len(entries)
        entries.append(IndexedEntry(pk, external_id, question, texts, plain_text(answer), unit_id, category))
        lex_starts.append(len(docs))
        dense_starts.append(len(dense_texts))
        for text in texts:
            docs.append(char_ngrams(text))
            weights.append(1.0)
            dense_texts.append(text)
            exact.setdefault(normalize(text).replace(" ", ""), position)
        docs.append(char_ngrams(entries[-1].answer_text))
        weights.append(ANSWER_WEIGHT)
    lexical = LexicalIndex(docs, np.array(weights), np.array(lex_starts, dtype=np.intp))
    dense_index = _dense_index(dense_texts, dense_starts, vector_cache)
    return Snapshot(
        version=version,
        built_on=today,
        entries=entries,
        lexical=lexical,
        dense=dense_index,
        synonyms=SynonymTable.load(),
        exact=exact,
        build_seconds=time.perf_counter() - started,
    )


def _dense_index(texts: list[str], starts: list[int], cache: dict) -> dense.DenseIndex | None:
    if not getattr(settings, "ASSISTANT_DENSE", True):
        return None
    vectors = dense.load_vectors(texts, cache)
    missing = [t for t in texts if dense.text_key(t) not in vectors]
    if missing and len(set(missing)) <= EMBED_ON_BUILD_LIMIT:
        dense.embed_and_store(missing)
        vectors = dense.load_vectors(texts, cache)
        missing = [t for t in texts if dense.text_key(t) not in vectors]
    if missing:
        logger.warning("assistant: %d texts lack vectors; answering lexically until embedded", len(missing))
        return None
    matrix = np.empty((len(texts), dense.DIM), dtype=np.float32)
    for row, text in enumerate(texts):
        matrix[row] = vectors[dense.text_key(text)]
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-6)
    return dense.DenseIndex(matrix, np.array(starts, dtype=np.intp))


class IndexHolder:
    """The current snapshot of this process."""

    def __init__(self):
        self.snapshot: Snapshot | None = None
        self.checked_at = 0.0
        self.vector_cache: dict = {}
        self._lock = threading.Lock()
        self._rebuilding = False

    def reset(self) -> None:
        with self._lock:
            self.snapshot = None
            self.checked_at = 0.0
            self.vector_cache = {}

    def get(self) -> Snapshot:
        from ..kb import current_version

        snapshot = self.snapshot
        if snapshot is None:
            return self._rebuild_now(current_version())
        interval = getattr(settings, "ASSISTANT_INDEX_CHECK_SECONDS", 2.0)
        now = time.monotonic()
        if now - self.checked_at < interval:
            return snapshot
        self.checked_at = now
        version = current_version()
        if version == snapshot.version and snapshot.built_on == timezone.localdate():
            return snapshot
        if getattr(settings, "ASSISTANT_BACKGROUND_RELOAD", True):
            self._rebuild_in_background(version)
            return snapshot
        return self._rebuild_now(version)

    def _rebuild_now(self, version: int) -> Snapshot:
        with self._lock:
            self.snapshot = build_snapshot(version, self.vector_cache)
            self.checked_at = time.monotonic()
            return self.snapshot

    def _rebuild_in_background(self, version: int) -> None:
        if self._rebuilding:
            return
        self._rebuilding = True

        def work():
            try:
                self._rebuild_now(version)
            except Exception:  # the old snapshot keeps answering; try again at the next check
                logger.exception("assistant: index rebuild failed")
            finally:
                self._rebuilding = False
                connection.close()

        threading.Thread(target=work, name="assistant-index", daemon=True).start()


holder = IndexHolder()


def get_index() -> Snapshot:
    return holder.get()
