"""Limit guesses of verification codes: at most 10 failures per tracking number or client per hour."""

from django.core.cache import cache

LIMIT = 10
WINDOW = 3600


def _keys(tracking_number: str, client: str):
    return [f"gk-app-code:{(tracking_number or '').upper()}", f"gk-app-code-ip:{client}"]


def blocked(tracking_number: str, client: str) -> bool:
    return any((cache.get(k) or 0) >= LIMIT for k in _keys(tracking_number, client))


def failed(tracking_number: str, client: str) -> None:
    for key in _keys(tracking_number, client):
        cache.add(key, 0, WINDOW)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, WINDOW)


def client_of(request) -> str:
    return request.META.get("REMOTE_ADDR", "")
