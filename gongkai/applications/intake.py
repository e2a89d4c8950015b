"""Intake of applications from every channel (Regulations art. 29, 31; architecture: never lose a submission).

The application and its files are committed to the database before anyone is told "received". A
retried or double-clicked submission with the same idempotency key returns the first application.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.organizations.permissions import Action, require

from . import attachments, codes, receipt
from .models import Application, AttachmentKind, Channel, Status

log = logging.getLogger(__name__)


class IdempotencyConflict(ValidationError):
    pass


@dataclass
class Submission:
    application: Application
    verification_code: str
    created: bool


def _fingerprint(data: dict, uploads) -> str:
    payload = {k: str(v.pk if hasattr(v, "pk") else v) for k, v in sorted(data.items())}
    payload["_files"] = sorted(
        f"{kind}:{getattr(f, 'name', '')}:{getattr(f, 'size', 0)}" for kind, f in uploads
    )
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _code_for_key(key: str) -> str:
    """The verification code of a keyed submission, derived so that a retry shows the same code."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"verification:{key}".encode(), hashlib.sha256).digest()
    return "".join(codes.ALPHABET[b % len(codes.ALPHABET)] for b in digest[: codes.CODE_LENGTH])


def submit(
    data: dict,
    uploads: list[tuple[str, object]] = (),
    *,
    channel: str = Channel.ONLINE,
    idempotency_key: str | None = None,
    actor=None,
    submitted_on: dt.date | None = None,
    signed_for_on: dt.date | None = None,
    confirmed_on: dt.date | None = None,
) -> Submission:
    """Store an application (art. 29) with its date of receipt where art. 31 already fixes it.

    ``data`` is validated form data (see ``forms.ApplicationForm``). Staff registrations (``actor``)
    need HANDLE_CASE in the handling unit.
    """
    key = (idempotency_key or "").strip()[:80] or None
    fingerprint = _fingerprint(data, uploads)
    if key:
        existing = _existing(key, fingerprint)
        if existing:
            return existing
    if actor is not None:
        require(actor, Action.HANDLE_CASE, data["handling_unit"])
    attachments.validate_uploads([f for _k, f in uploads])
    submitted_on = submitted_on or timezone.localdate()
    received_on = receipt.receipt_date(
        channel, submitted_on=submitted_on, signed_for_on=signed_for_on, confirmed_on=confirmed_on
    )
    code = _code_for_key(key) if key else codes.new_verification_code()
    try:
        with transaction.atomic():
            app = Application(
                **data,
                channel=channel,
                idempotency_key=key,
                submission_fingerprint=fingerprint,
                verification_code_hash=codes.hash_code(code),
                submitted_on=submitted_on,
                arrived_on=submitted_on,
                received_on=received_on,
                receipt_note=receipt.receipt_note(channel) if received_on else "",
                status=Status.REGISTERED if received_on else Status.SUBMITTED,
                created_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            app.tracking_number = _unique_tracking_number()
            app.save()
            for kind, upload in uploads:
                attachments.store(app, upload, kind)
            record_event(
                app, "submitted", actor=actor, changes={"status": ["", app.status], "channel": ["", channel]},
                message=app.receipt_note,
            )  # fmt: skip
    except IntegrityError:
        if key:  # a concurrent request with the same key won the race
            existing = _existing(key, fingerprint)
            if existing:
                return existing
        raise
    from . import letters
    from .clock_events import refresh
    from .models import LetterKind

    # The application is stored; what follows must not turn that into a failure for the applicant.
    try:
        refresh(app)
        if received_on is not None:  # art. 31(一)/(二): receipt is fixed at registration; acknowledge it
            letters.issue(app, LetterKind.ACKNOWLEDGEMENT, actor=actor, issued_on=received_on)
    except DatabaseError:
        log.warning(
            "%s stored; due date or acknowledgement letter left for the case page", app.tracking_number
        )
    transaction.on_commit(lambda: _acknowledge(app, code))
    return Submission(app, code, True)


def _existing(key: str, fingerprint: str) -> Submission | None:
    app = Application.objects.filter(idempotency_key=key).first()
    if app is None:
        return None
    if app.submission_fingerprint != fingerprint:
        raise IdempotencyConflict(
            _(
                "This submission key was already used for a different application. Reload the form and submit again."
            ),
            code="idempotency_conflict",
        )
    return Submission(app, _code_for_key(key), False)


def _unique_tracking_number() -> str:
    for _attempt in range(20):
        number = codes.new_tracking_number()
        if not Application.objects.filter(tracking_number=number).exists():
            return number
    raise RuntimeError("could not allocate a tracking number")


def _acknowledge(app: Application, code: str) -> None:
    """Send the acknowledgement e-mail; a failure is logged and never loses the application."""
    if not app.email:
        return
    try:
        from .tasks import send_acknowledgement

        send_acknowledgement.enqueue(app.pk, code)
    except Exception:  # noqa: BLE001 - the application is safely stored; the e-mail can be resent
        log.exception("acknowledgement for %s not queued", app.tracking_number)


def find_for_applicant(tracking_number: str, code: str) -> Application | None:
    """The application whose tracking number and verification code both match, else None."""
    app = Application.objects.filter(tracking_number=(tracking_number or "").strip().upper()).first()
    if app is None or not codes.check_code(code, app.verification_code_hash):
        return None
    return app


ATTACHMENT_KINDS = AttachmentKind
