"""Tracking numbers, verification codes and idempotency keys for applications (Regulations art. 45)."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.utils import timezone

# No 0/O, 1/I/L: codes are read aloud on the phone and typed on phones.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


def new_tracking_number() -> str:
    """``GK`` + date + 6 random digits, e.g. GK20250120483920 (unique; retried on collision)."""
    return f"GK{timezone.localdate():%Y%m%d}{secrets.randbelow(10**6):06d}"


def new_verification_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def hash_code(code: str) -> str:
    """Keyed hash of a verification code; the code itself is never stored."""
    normalized = (code or "").strip().upper().encode()
    return hmac.new(settings.SECRET_KEY.encode(), normalized, hashlib.sha256).hexdigest()


def check_code(code: str, stored_hash: str) -> bool:
    return bool(code) and hmac.compare_digest(hash_code(code), stored_hash)
