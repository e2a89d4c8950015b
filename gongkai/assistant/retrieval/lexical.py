"""Lexical ranking: BM25 over character unigrams and bigrams of questions, phrasings, answers.

An entry scores its best document; the answer text counts at ``ANSWER_WEIGHT`` because a question
that repeats words of an answer is weaker evidence than one that repeats the question.

The index is built from integer token ids and kept as numpy arrays only: a vocabulary (n-gram →
id), a compressed sparse column matrix of precomputed BM25 weights (Lucene variant, k1 = 1.5,
b = 0.75: the bm25s defaults, bit for bit — see ``tests/test_retrieval.py``), the document
frequencies, and for each entry the sorted ids of its questions' n-grams (for ``coverage``).
No per-document token list outlives the adding of its document: building from string lists (about
2 M short-lived ``str`` objects at 15,000 entries, then bm25s's own copies) raised a worker's peak
by ~200 MB and left its heap fragmented (bench/bench_assistant.py).
"""

import math
from array import array
from dataclasses import dataclass

import numpy as np

ANSWER_WEIGHT = 0.6
K1, B = 1.5, 0.75
CHUNK = 1 << 16


class LexicalBuilder:
    """Collects documents as token ids; ``build()`` returns the index."""

    def __init__(self):
        self.vocab: dict[str, int] = {}
        self.terms = array("i")  # distinct (document, token) pairs: token id…
        self.counts = array("i")  # …its count in the document
        self.docs = array("i")  # …and the document
        self.doc_lengths = array("i")
        self.weights = array("f")
        self.doc_starts = array("q")  # first document of each entry
        self.text_ids = array("i")  # per entry: the distinct ids of its questions' n-grams
        self.text_ptr = array("q", [0])
        self._entry_text_ids: set[int] = set()

    def start_entry(self) -> None:
        self._close_entry()
        self.doc_starts.append(len(self.doc_lengths))

    def add(self, tokens: list[str], weight: float = 1.0, question: bool = True) -> None:
        vocab = self.vocab
        counts: dict[int, int] = {}
        for token in tokens:
            token_id = vocab.setdefault(token, len(vocab))
            counts[token_id] = counts.get(token_id, 0) + 1
        self.terms.extend(counts)
        self.counts.extend(counts.values())
        self.docs.extend([len(self.doc_lengths)] * len(counts))
        self.doc_lengths.append(len(tokens))
        self.weights.append(weight)
        if question:
            self._entry_text_ids.update(counts)

    def _close_entry(self) -> None:
        if len(self.doc_starts) > len(self.text_ptr) - 1:
            self.text_ids.extend(sorted(self._entry_text_ids))
            self.text_ptr.append(len(self.text_ids))
            self._entry_text_ids = set()

    def build(self) -> "LexicalIndex":
        self._close_entry()
        return LexicalIndex.from_ids(
            self.vocab,
            np.frombuffer(self.terms, dtype=np.int32),
            np.frombuffer(self.counts, dtype=np.int32),
            np.frombuffer(self.docs, dtype=np.int32),
            np.frombuffer(self.doc_lengths, dtype=np.int32),
            np.frombuffer(self.weights, dtype=np.float32).copy(),
            np.frombuffer(self.doc_starts, dtype=np.int64).astype(np.intp),
            np.frombuffer(self.text_ids, dtype=np.int32).copy(),
            np.frombuffer(self.text_ptr, dtype=np.int64).copy(),
        )


@dataclass
class QueryTerms:
    """A query's n-grams resolved once: ids (-1 unknown) and coverage idf weights."""

    ids: list[int]
    idfs: list[float]
    total: float


class LexicalIndex:
    """Built by ``LexicalBuilder``."""

    @classmethod
    def from_ids(
        cls, vocab, terms, counts, docs, doc_lengths, weights, starts, text_ids, text_ptr
    ) -> "LexicalIndex":
        self = cls.__new__(cls)
        self.vocab = vocab
        self.weights = weights
        self.starts = starts
        self.text_ids = text_ids
        self.text_ptr = text_ptr
        n_docs = self.n_docs = len(doc_lengths)
        n_vocab = len(vocab)
        # Compressed sparse columns: the pairs sorted by token, documents ascending within a token.
        order = np.argsort(terms, kind="stable")
        term = terms[order]
        doc = docs[order]
        tf = counts[order].astype(np.int16 if counts.max(initial=0) < 1 << 15 else np.int32)
        del order
        self.df = np.bincount(term, minlength=n_vocab).astype(np.int32)
        self.indptr = np.zeros(n_vocab + 1, dtype=np.int64)
        np.cumsum(self.df, out=self.indptr[1:])
        self.indices = doc
        # BM25 exactly as bm25s computes it: Lucene idf in float64 stored as float32; an empty
        # document counts as one token (bm25s indexes it as a placeholder token).
        lengths = np.maximum(doc_lengths.astype(np.int64), 1)
        avg_len = lengths.mean() if n_docs else 1.0
        idf = np.array(
            [math.log(1 + (n_docs - df + 0.5) / (df + 0.5)) for df in self.df.tolist()], dtype=np.float32
        )
        norm = K1 * ((1 - B) + B * lengths.astype(np.float64) / avg_len)
        self.data = np.empty(len(term), dtype=np.float32)
        for start in range(0, len(term), CHUNK):  # float64 temporaries a chunk at a time
            part = slice(start, start + CHUNK)
            tf32 = tf[part].astype(np.float32)
            self.data[part] = idf[term[part]] * (tf32 / (norm[doc[part]] + tf32))
        # Coverage idf (smoothed so that unknown n-grams weigh most), float64 like math.log.
        self.coverage_idf = [math.log(1 + (n_docs + 1) / (df + 0.5)) for df in self.df.tolist()]
        self.unknown_idf = math.log(1 + (n_docs + 1) / 0.5)
        return self

    def idf(self, token: str) -> float:
        token_id = self.vocab.get(token)
        return self.unknown_idf if token_id is None else self.coverage_idf[token_id]

    def entry_scores(self, tokens: list[str]) -> np.ndarray:
        known = [self.vocab[t] for t in tokens if t in self.vocab]
        if not known or not self.n_docs:
            return np.zeros(len(self.starts), dtype=np.float32)
        scores = np.zeros(self.n_docs, dtype=np.float32)
        indptr, indices, data = self.indptr, self.indices, self.data
        for token_id in known:  # a repeated n-gram counts again, as in bm25s
            start, end = indptr[token_id], indptr[token_id + 1]
            np.add.at(scores, indices[start:end], data[start:end])  # float32, in query order
        scores *= self.weights
        return np.maximum.reduceat(scores, self.starts)

    def query_terms(self, query_tokens: list[str]) -> QueryTerms:
        ids = [self.vocab.get(t, -1) for t in query_tokens]
        idfs = [self.unknown_idf if i < 0 else self.coverage_idf[i] for i in ids]
        return QueryTerms(ids, idfs, sum(idfs))

    def entry_coverage(self, terms: QueryTerms, position: int) -> float:
        """Share of the query's information (idf-weighted n-grams) found in the entry's questions: 0…1."""
        if not terms.ids or not terms.total:
            return 0.0
        present = set(self.text_ids[self.text_ptr[position] : self.text_ptr[position + 1]].tolist())
        found = sum(idf for i, idf in zip(terms.ids, terms.idfs, strict=True) if i in present)
        return found / terms.total
