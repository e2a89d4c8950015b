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
from .lexical import ANSWER_WEIGHT, LexicalBuilder, LexicalIndex
from .synonyms import SynonymTable
from .text import char_ngrams, normalize, plain_text

logger = logging.getLogger(__name__)

# Up to this many texts without a vector are embedded while building; more → lexical-only until
# ``assistant embed`` (or the import) has stored them.
EMBED_ON_BUILD_LIMIT = 64
LOAD_CHUNK = 500  # texts whose vectors are looked up per database query


@dataclass(slots=True)
class IndexedEntry:
    pk: int
    external_id: str
    question: str
    texts: list[str]  # question and phrasings
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


def build_snapshot(version: int, previous: Snapshot | None = None) -> Snapshot:
    """Read the live entries and index them; vectors of texts ``previous`` already held are reused."""
    from ..models import Entry

    started = time.perf_counter()
    today = timezone.localdate()
    rows = (
        Entry.objects.live(today)
        .order_by("pk")
        .values_list("pk", "external_id", "question", "variants", "answer", "unit_id", "category")
    )
    entries: list[IndexedEntry] = []
    lexical = LexicalBuilder()
    dense_texts: list[str] = []
    dense_starts: list[int] = []
    exact: dict[str, int] = {}
    for pk, external_id, question, variants, answer, unit_id, category in rows.iterator(chunk_size=2000):
        texts = [question] + [v.strip() for v in variants.splitlines() if v.strip()]
        texts = list(dict.fromkeys(texts))
        position = len(entries)
        entries.append(IndexedEntry(pk, external_id, question, texts, unit_id, category))
        lexical.start_entry()
        dense_starts.append(len(dense_texts))
        for text in texts:
            lexical.add(char_ngrams(text))
            dense_texts.append(text)
            exact.setdefault(normalize(text).replace(" ", ""), position)
        lexical.add(char_ngrams(plain_text(answer)), ANSWER_WEIGHT, question=False)
    previous_dense = previous.dense if previous is not None else None
    dense_index = _dense_index(dense_texts, dense_starts, previous_dense)
    return Snapshot(
        version=version,
        built_on=today,
        entries=entries,
        lexical=lexical.build(),
        dense=dense_index,
        synonyms=SynonymTable.load(),
        exact=exact,
        build_seconds=time.perf_counter() - started,
    )


def _dense_index(
    texts: list[str], starts: list[int], previous: dense.DenseIndex | None
) -> dense.DenseIndex | None:
    """One float32 matrix, rows in entry order; vectors the previous index held are copied from it,
    the others read from the database a chunk at a time (and normalised once, here)."""
    if not getattr(settings, "ASSISTANT_DENSE", True):
        return None
    matrix = np.empty((len(texts), dense.DIM), dtype=np.float32)
    rows: dict[str, int] = {}
    old_rows = previous.rows if previous is not None else {}
    missing: dict[str, list[int]] = {}  # text → rows without a stored vector
    for first in range(0, len(texts), LOAD_CHUNK):
        reused_new: list[int] = []
        reused_old: list[int] = []
        todo: dict[str, list[int]] = {}  # text key → rows to fill from the database
        key_text: dict[str, str] = {}
        for row in range(first, min(first + LOAD_CHUNK, len(texts))):
            text = texts[row]
            rows.setdefault(text, row)
            old = old_rows.get(text)
            if old is not None:
                reused_new.append(row)
                reused_old.append(old)
            else:
                key = dense.text_key(text)
                todo.setdefault(key, []).append(row)
                key_text[key] = text
        if reused_new:
            matrix[reused_new] = previous.matrix[reused_old]  # already normalised
        found = dense.load_into(matrix, todo) if todo else set()
        _normalise(matrix, [row for key in found for row in todo[key]])
        for key in todo.keys() - found:
            missing.setdefault(key_text[key], []).extend(todo[key])
    if missing and len(missing) <= EMBED_ON_BUILD_LIMIT:
        dense.embed_and_store(list(missing))
        wanted = {dense.text_key(text): text_rows for text, text_rows in missing.items()}
        found = dense.load_into(matrix, wanted)
        _normalise(matrix, [row for key in found for row in wanted[key]])
        missing = {text: r for text, r in missing.items() if dense.text_key(text) not in found}
    if missing:
        logger.warning("assistant: %d texts lack vectors; answering lexically until embedded", len(missing))
        return None
    return dense.DenseIndex(matrix, np.array(starts, dtype=np.intp), rows)


def _normalise(matrix: np.ndarray, rows: list[int]) -> None:
    if not rows:
        return
    block = matrix[rows]
    block /= np.maximum(np.linalg.norm(block, axis=1, keepdims=True), 1e-6)
    matrix[rows] = block


def release_free_memory() -> None:
    """Give the heap pages freed by a build back to the OS (glibc keeps them otherwise: a reload
    would leave the worker ~70 MB larger for good)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


class IndexHolder:
    """The current snapshot of this process."""

    def __init__(self):
        self.snapshot: Snapshot | None = None
        self.checked_at = 0.0
        self._lock = threading.Lock()
        self._rebuilding = False

    def reset(self) -> None:
        with self._lock:
            self.snapshot = None
            self.checked_at = 0.0

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
        del snapshot  # hold no reference to the old snapshot while the new one is built
        return self._rebuild_now(version)

    def _rebuild_now(self, version: int) -> Snapshot:
        with self._lock:
            snapshot = self.snapshot = build_snapshot(version, self.snapshot)
            self.checked_at = time.monotonic()
        release_free_memory()  # the build's temporaries, and the old snapshot unless still in use
        return snapshot

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
