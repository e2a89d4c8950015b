"""Small figures shared by the evaluation commands (assistant eval, portal_search eval)."""

import numpy as np


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def percentiles(values: list[float]) -> dict:
    """p50/p95/p99/max of latencies in milliseconds, rounded to 0.01."""
    if not values:
        return {}
    array = np.array(values)
    return {
        "p50": round(float(np.percentile(array, 50)), 2),
        "p95": round(float(np.percentile(array, 95)), 2),
        "p99": round(float(np.percentile(array, 99)), 2),
        "max": round(float(array.max()), 2),
    }
