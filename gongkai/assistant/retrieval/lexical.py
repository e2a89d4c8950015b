"""Lexical ranking: BM25 (bm25s) over character unigrams and bigrams of questions, phrasings, answers.

An entry scores its best document; the answer text counts at ``ANSWER_WEIGHT`` because a question
that repeats words of an answer is weaker evidence than one that repeats the question.
"""

import logging
import math
from collections import Counter

import bm25s
import numpy as np

from .text import char_ngrams

ANSWER_WEIGHT = 0.6

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build


class LexicalIndex:
    def __init__(self, docs: list[list[str]], weights: np.ndarray, starts: np.ndarray):
        self.weights = weights.astype(np.float32)
        self.starts = starts
        self.n_docs = len(docs)
        self.df: Counter = Counter()
        for tokens in docs:
            self.df.update(set(tokens))
        self.bm25 = bm25s.BM25()
        if docs:
            self.bm25.index([tokens or ["∅"] for tokens in docs], show_progress=False)

    def idf(self, token: str) -> float:
        return math.log(1 + (self.n_docs + 1) / (self.df.get(token, 0) + 0.5))

    def entry_scores(self, tokens: list[str]) -> np.ndarray:
        known = [t for t in tokens if t in self.df]
        if not known or not self.n_docs:
            return np.zeros(len(self.starts), dtype=np.float32)
        scores = np.asarray(self.bm25.get_scores(known), dtype=np.float32) * self.weights
        return np.maximum.reduceat(scores, self.starts)

    def coverage(self, query_tokens: list[str], texts: list[str]) -> float:
        """Share of the query's information (idf-weighted n-grams) found in ``texts``: 0…1."""
        if not query_tokens:
            return 0.0
        present = set()
        for text in texts:
            present.update(char_ngrams(text))
        total = sum(self.idf(t) for t in query_tokens)
        found = sum(self.idf(t) for t in query_tokens if t in present)
        return found / total if total else 0.0
