"""Limit guesses of verification codes without letting one person's guesses lock out another.

Three counters per hour, in the shared cache (Redis in the scaled profile, so every app server counts
the same): wrong codes for one tracking number from one address (10), from one address over all numbers
(50: someone scanning), and for one tracking number from all addresses (30: guessing spread over many
addresses). Another applicant behind the same address is refused only when that address scans.
"""

import re

from django.core.cache import cache

from gongkai.core.client_address import client_address

PER_NUMBER_AND_ADDRESS = 10
PER_ADDRESS = 50
PER_NUMBER = 30
WINDOW = 3600


def _counters(tracking_number: str, client: str) -> list[tuple[str, int]]:
    # Any text may arrive as a tracking number: keep keys to safe characters for every cache backend.
    number = re.sub(r"[^A-Z0-9]", "_", (tracking_number or "").strip().upper()[:40])
    return [
        (f"gk-code:{number}:{client}", PER_NUMBER_AND_ADDRESS),
        (f"gk-code-ip:{client}", PER_ADDRESS),
        (f"gk-code-tn:{number}", PER_NUMBER),
    ]


def blocked(tracking_number: str, client: str) -> bool:
    return any((cache.get(key) or 0) >= limit for key, limit in _counters(tracking_number, client))


def failed(tracking_number: str, client: str) -> None:
    for key, _limit in _counters(tracking_number, client):
        cache.add(key, 0, WINDOW)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, WINDOW)


def client_of(request) -> str:
    return client_address(request)
