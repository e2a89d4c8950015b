"""Measuring retrieval quality on a file of ``query,expected_id`` rows.

An empty ``expected_id`` means the base cannot answer the question: the right behaviour is to
refuse. Reported figures:

- ``top1_accuracy`` / ``top3_accuracy``: answerable queries whose expected entry is ranked first /
  in the first three (whatever the band);
- ``answered_correct``: answerable queries answered (band "answer") with the expected entry;
- ``answered_wrong``: answerable queries answered with another entry;
- ``no_answer_rate``: answerable queries that got no answer (band "suggest" or "none");
- ``refusal_rate`` / ``false_answer_rate``: for unanswerable queries, refused vs answered;
- ``latency_ms``: p50/p95/p99/max of the whole answering path per query.
"""

import csv
import io
import time
from pathlib import Path

from gongkai.core.metrics import percentiles, ratio

from .answering import SUGGESTIONS, QuestionError, answer
from .retrieval.index import get_index


def read_queries(path: str | Path) -> list[tuple[str, str]]:
    text = Path(path).read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "query" not in [f.strip() for f in reader.fieldnames]:
        raise ValueError("the evaluation file needs the columns query,expected_id")
    rows = []
    for row in reader:
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if row.get("query"):
            rows.append((row["query"], row.get("expected_id", "")))
    return rows


def evaluate(rows: list[tuple[str, str]], details: bool = False) -> dict:
    snapshot = get_index()
    latencies, misses = [], []
    n_answerable = top1 = top3 = correct = wrong = unanswered = 0
    n_unanswerable = refused = false_answers = 0
    for query, expected in rows:
        started = time.perf_counter()
        try:
            outcome = answer(query, snapshot)
            answer_id, ranked = outcome.result.answer_id, outcome.ranked
        except QuestionError:
            answer_id, ranked = None, []
        latencies.append((time.perf_counter() - started) * 1000)
        if expected:
            n_answerable += 1
            top1 += ranked[:1] == [expected]
            top3 += expected in ranked[:SUGGESTIONS]
            if answer_id == expected:
                correct += 1
            elif answer_id:
                wrong += 1
            else:
                unanswered += 1
            if answer_id != expected:
                misses.append({"query": query, "expected": expected, "got": answer_id, "ranked": ranked[:3]})
        else:
            n_unanswerable += 1
            if answer_id:
                false_answers += 1
                misses.append({"query": query, "expected": None, "got": answer_id})
            else:
                refused += 1
    report = {
        "queries": len(rows),
        "answerable": n_answerable,
        "unanswerable": n_unanswerable,
        "mode": snapshot.mode,
        "entries": len(snapshot.entries),
        "top1_accuracy": ratio(top1, n_answerable),
        "top3_accuracy": ratio(top3, n_answerable),
        "answered_correct": ratio(correct, n_answerable),
        "answered_wrong": ratio(wrong, n_answerable),
        "no_answer_rate": ratio(unanswered, n_answerable),
        "refusal_rate": ratio(refused, n_unanswerable),
        "false_answer_rate": ratio(false_answers, n_unanswerable),
        "latency_ms": percentiles(latencies),
    }
    if details:
        report["misses"] = misses
    return report
