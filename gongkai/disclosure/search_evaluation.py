"""Measuring portal search quality on a file of ``query,relevant`` rows.

``relevant`` lists the documents a searcher should find, best first, separated by ``|``: index
numbers (索引号), or search ids (``item:123``). Reported figures, over the first ``k`` hits:

- ``success_at_1`` / ``success_at_3``: queries whose first / first three hits hold a relevant document;
- ``mrr``: mean reciprocal rank of the first relevant hit;
- ``recall``: share of the relevant documents found;
- ``ndcg``: normalised discounted cumulative gain (binary relevance);
- ``zero_results``: queries with no hit at all;
- ``latency_ms``: p50/p95/p99/max of the whole search path (segmentation, query, snippets).
"""

import csv
import io
import math
import time
from pathlib import Path

from gongkai.core.metrics import percentiles, ratio

from .search_service import portal_search


def read_judgements(path: str | Path) -> list[tuple[str, list[str]]]:
    text = Path(path).read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    names = [(f or "").strip() for f in reader.fieldnames or []]
    if "query" not in names or "relevant" not in names:
        raise ValueError("the evaluation file needs the columns query,relevant")
    rows = []
    for row in reader:
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
        if row.get("query"):
            rows.append((row["query"], [r.strip() for r in row.get("relevant", "").split("|") if r.strip()]))
    return rows


def hit_keys(hit) -> set[str]:
    return {hit.id, (hit.extra or {}).get("index_number", "")} - {""}


def evaluate(rows: list[tuple[str, list[str]]], k: int = 10, details: bool = False) -> dict:
    latencies, misses = [], []
    s1 = s3 = zero = 0
    rr_sum = recall_sum = ndcg_sum = 0.0
    judged = [(q, rel) for q, rel in rows if rel]
    for query, relevant in judged:
        started = time.perf_counter()
        results = portal_search(query, per_page=k)
        latencies.append((time.perf_counter() - started) * 1000)
        wanted = set(relevant)
        flags = [bool(hit_keys(hit) & wanted) for hit in results.hits[:k]]
        zero += not results.hits
        s1 += any(flags[:1])
        s3 += any(flags[:3])
        first = next((i for i, f in enumerate(flags) if f), None)
        rr_sum += 1 / (first + 1) if first is not None else 0.0
        found = {key for hit in results.hits[:k] for key in hit_keys(hit)} & wanted
        recall_sum += len(found) / len(wanted)
        dcg = sum(1 / math.log2(i + 2) for i, f in enumerate(flags) if f)
        ideal = sum(1 / math.log2(i + 2) for i in range(min(len(wanted), k)))
        ndcg_sum += dcg / ideal
        if first != 0 and details:
            misses.append(
                {
                    "query": query,
                    "relevant": relevant,
                    "got": [(hit.extra or {}).get("index_number") or hit.id for hit in results.hits[:3]],
                    "total": results.total,
                }
            )
    n = len(judged)
    report = {
        "queries": n,
        "k": k,
        "success_at_1": ratio(s1, n),
        "success_at_3": ratio(s3, n),
        "mrr": round(rr_sum / n, 4) if n else None,
        "recall": round(recall_sum / n, 4) if n else None,
        "ndcg": round(ndcg_sum / n, 4) if n else None,
        "zero_results": ratio(zero, n),
        "latency_ms": percentiles(latencies),
    }
    if details:
        report["misses"] = misses
    return report
