"""Fusing the dense and lexical signals into one ranking of entries.

Dense cosine is the primary signal (search-qa-tech.md §4: 0.62 vs 0.23 acc@1 on colloquial
paraphrases); BM25 over character n-grams, expanded with the synonym dictionary, is added with a
small weight so that exact terms (a unit's name, a document number) break near-ties.
Without vectors (a base still being embedded) the lexical score ranks alone.
"""

from dataclasses import dataclass

import numpy as np

from . import dense
from .index import Snapshot
from .text import char_ngrams, normalize

LEXICAL_WEIGHT = 0.06


@dataclass
class Candidate:
    position: int
    score: float  # the fused ranking score
    dense: float  # best cosine between the query and the entry's questions (0 without vectors)
    lexical: float  # BM25 relative to the best lexical match of this query (0…1)
    coverage: float = 0.0  # share of the query's words found in the entry (0…1)
    exact: bool = False


@dataclass
class Ranking:
    candidates: list[Candidate]
    mode: str
    query_vector: np.ndarray | None
    expansions: list[str]


def rank(snapshot: Snapshot, query: str, k: int = 5) -> Ranking:
    n = len(snapshot.entries)
    expansions = snapshot.synonyms.expansions(query)
    if not n:
        return Ranking([], snapshot.mode, None, expansions)
    tokens = char_ngrams(query)
    expanded = tokens + [t for word in expansions for t in char_ngrams(word) if t not in tokens]
    lexical = snapshot.lexical.entry_scores(expanded)
    top_lexical = float(lexical.max())
    lexical_norm = lexical / top_lexical if top_lexical > 0 else lexical
    query_vector = None
    if snapshot.dense is not None:
        query_vector = dense.embed_query(query)
        dense_scores = snapshot.dense.entry_scores(query_vector)
        fused = dense_scores + LEXICAL_WEIGHT * lexical_norm
    else:
        dense_scores = np.zeros(n, dtype=np.float32)
        fused = lexical_norm
    exact_position = snapshot.exact.get(normalize(query).replace(" ", ""))
    if exact_position is not None:
        fused = fused.copy()
        fused[exact_position] += 1.0
    k = min(k, n)
    top = np.argpartition(-fused, k - 1)[:k] if n > k else np.arange(n)
    top = top[np.argsort(-fused[top], kind="stable")]
    terms = snapshot.lexical.query_terms(tokens)
    candidates = []
    for position in top:
        candidates.append(
            Candidate(
                position=int(position),
                score=float(fused[position]),
                dense=float(dense_scores[position]),
                lexical=float(lexical_norm[position]),
                coverage=snapshot.lexical.entry_coverage(terms, int(position)),
                exact=position == exact_position,
            )
        )
    return Ranking(candidates, snapshot.mode, query_vector, expansions)
