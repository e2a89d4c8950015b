"""The compact indexes give the same numbers as the straightforward ones they replaced."""

import math
import random

import numpy as np
import pytest

from gongkai.assistant.retrieval.lexical import ANSWER_WEIGHT, LexicalBuilder
from gongkai.assistant.retrieval.text import char_ngrams

WORDS = [
    "社会保障卡",
    "居住证",
    "补办",
    "需要",
    "哪些",
    "材料",
    "多久",
    "网上",
    "办理",
    "12345",
    "热线",
    "的",
    "吗",
]


def _corpus(seed=5, n_entries=300):
    rng = random.Random(seed)
    entries = []
    for _ in range(n_entries):
        questions = ["".join(rng.choices(WORDS, k=rng.randint(1, 6))) for _ in range(rng.randint(1, 3))]
        answer = "".join(rng.choices(WORDS, k=rng.randint(0, 12)))  # some answers are empty
        entries.append((questions, answer))
    return entries


def _build(entries):
    builder = LexicalBuilder()
    docs, weights, starts = [], [], []
    for questions, answer in entries:
        builder.start_entry()
        starts.append(len(docs))
        for question in questions:
            builder.add(char_ngrams(question))
            docs.append(char_ngrams(question))
            weights.append(1.0)
        builder.add(char_ngrams(answer), ANSWER_WEIGHT, question=False)
        docs.append(char_ngrams(answer))
        weights.append(ANSWER_WEIGHT)
    return builder.build(), docs, np.array(weights, dtype=np.float32), np.array(starts, dtype=np.intp)


def test_lexical_scores_are_bm25s_scores_bit_for_bit():
    bm25s = pytest.importorskip("bm25s")
    entries = _corpus()
    index, docs, weights, starts = _build(entries)
    reference = bm25s.BM25()
    reference.index([tokens or ["∅"] for tokens in docs], show_progress=False)
    known = {t for tokens in docs for t in tokens}
    rng = random.Random(9)
    for _ in range(50):
        tokens = char_ngrams("".join(rng.choices(WORDS + ["护照", "驾照"], k=rng.randint(1, 5))))
        query = [t for t in tokens if t in known]
        ours = index.entry_scores(tokens)
        if not query:
            assert not ours.any()
            continue
        expected = np.maximum.reduceat(
            np.asarray(reference.get_scores(query), dtype=np.float32) * weights, starts
        )
        assert np.array_equal(ours, expected)


def test_coverage_is_the_idf_weighted_share_of_query_ngrams_in_the_questions():
    entries = _corpus(seed=11, n_entries=80)
    index, docs, _weights, _starts = _build(entries)
    df: dict[str, int] = {}
    for tokens in docs:
        for t in set(tokens):
            df[t] = df.get(t, 0) + 1

    def idf(t):
        return math.log(1 + (len(docs) + 1) / (df.get(t, 0) + 0.5))

    for query in ["社会保障卡补办需要哪些材料", "居住证网上办理多久", "护照怎么办", "12345热线"]:
        tokens = char_ngrams(query)
        terms = index.query_terms(tokens)
        for position, (questions, _answer) in enumerate(entries):
            present = {t for q in questions for t in char_ngrams(q)}
            total = sum(idf(t) for t in tokens)
            expected = sum(idf(t) for t in tokens if t in present) / total
            assert index.entry_coverage(terms, position) == expected


def test_no_token_lists_outlive_the_build():
    index, *_ = _build(_corpus(n_entries=20))
    kept = [value for value in vars(index).values() if isinstance(value, list)]
    assert all(not v or isinstance(v[0], float) for v in kept)  # only the per-token idf table


def test_reload_reuses_vectors_and_matches_a_fresh_build(small_base):
    from gongkai.assistant.models import Entry
    from gongkai.assistant.retrieval.index import build_snapshot

    first = build_snapshot(1)
    entry = Entry.objects.order_by("pk").first()
    entry.variants += "\n社保卡怎么补"
    entry.save()
    reloaded = build_snapshot(2, previous=first)
    fresh = build_snapshot(2)
    assert reloaded.dense is not None and fresh.dense is not None
    assert reloaded.dense.matrix.flags.c_contiguous and reloaded.dense.matrix.dtype == np.float32
    assert np.array_equal(reloaded.dense.matrix, fresh.dense.matrix)
    assert np.array_equal(reloaded.dense.starts, fresh.dense.starts)


def test_the_two_pass_dense_search_ranks_as_the_exact_one():
    """Past PREFILTER_MIN_TEXTS texts, candidates come from the principal directions; the best entries
    and their scores must be those of the exact cosine over every text."""
    from gongkai.assistant.retrieval import dense

    rng = np.random.default_rng(3)
    n_entries, per_entry = 3_000, 3
    # Sentence embeddings share a few dominant directions; model that with a low-rank part plus noise.
    basis = rng.normal(size=(48, dense.DIM)).astype(np.float32)
    topics = rng.normal(size=(n_entries, 48)).astype(np.float32)
    matrix = np.repeat(topics, per_entry, axis=0) @ basis + rng.normal(
        scale=1.5, size=(n_entries * per_entry, dense.DIM)
    ).astype(np.float32)
    matrix += 6 * basis[0]  # the common component every e5 vector has
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    starts = np.arange(0, n_entries * per_entry, per_entry)
    index = dense.DenseIndex(np.ascontiguousarray(matrix), starts)
    assert index.reduced is not None and len(matrix) >= dense.PREFILTER_MIN_TEXTS
    for q in range(40):
        query = matrix[q * 7] + rng.normal(scale=0.02, size=dense.DIM).astype(np.float32)
        query /= np.linalg.norm(query)
        exact = np.maximum.reduceat(matrix @ query, starts)
        fast = index.entry_scores(query)
        best = np.argsort(-exact)[:5]
        assert list(np.argsort(-fast)[:5]) == list(best)
        assert np.allclose(fast[best], exact[best])
        assert (fast <= exact.max() + 1e-6).all()
