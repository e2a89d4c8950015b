"""Staff API tokens: ``gk_<prefix>_<secret>``; only a SHA-256 hash is stored."""

import hashlib
import secrets

from django.utils import timezone

from .models import ApiToken


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def create(user, name: str) -> tuple[ApiToken, str]:
    """Create a token for ``user`` and return it with the raw secret, shown once."""
    prefix = secrets.token_hex(4)
    raw = f"gk_{prefix}_{secrets.token_urlsafe(32)}"
    return ApiToken.objects.create(user=user, name=name, prefix=prefix, key_hash=_hash(raw)), raw


def authenticate(raw: str):
    """The active user behind ``raw``, or None."""
    if not raw or not raw.startswith("gk_"):
        return None
    token = (
        ApiToken.objects.select_related("user").filter(key_hash=_hash(raw), revoked_at__isnull=True).first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
