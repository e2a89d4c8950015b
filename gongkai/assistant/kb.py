"""The knowledge base: entries, their sources, their review, and the index version they feed.

A unit's editors write and change their unit's entries; a change sends the entry to review. The
unit's reviewers (or the disclosure office) approve or reject it; only approved entries within
their validity period answer questions. Every review decision is an audit-log event.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event
from gongkai.organizations import permissions
from gongkai.organizations.permissions import Action

from .models import Entry, IndexState, ReviewStatus

ALLOWED_URL_PREFIXES = ("http://", "https://", "/")


def parse_sources(text: str) -> list[dict]:
    """``title URL`` or ``URL`` per line (or separated by ``|``) → ``[{"title", "url"}]``."""
    found = []
    for raw in (text or "").replace("|", "\n").splitlines():
        line = raw.strip()
        if not line:
            continue
        title, _sep, url = line.rpartition(" ")
        found.append({"title": title.strip() or url, "url": url})
    return found


def invalid_source_urls(text: str) -> list[str]:
    return [s["url"] for s in parse_sources(text) if not s["url"].startswith(ALLOWED_URL_PREFIXES)]


def split_variants(text: str) -> list[str]:
    """Phrasings separated by ``|`` or new lines, stripped, duplicates dropped, order kept."""
    seen: dict[str, None] = {}
    for part in (text or "").replace("\n", "|").split("|"):
        part = part.strip()
        if part:
            seen.setdefault(part, None)
    return list(seen)


# --- index version ------------------------------------------------------------------------


def current_version() -> int:
    state = IndexState.objects.filter(pk=1).values_list("version", flat=True).first()
    return state or 0


def bump_version() -> None:
    """Tell every process that what the assistant may answer changed.

    Written in the same transaction as the change: other processes see the new version exactly
    when they can see the changed entries.
    """
    updated = IndexState.objects.filter(pk=1).update(version=F("version") + 1, updated_at=timezone.now())
    if not updated:
        IndexState.objects.get_or_create(pk=1, defaults={"version": 1})


# --- review -------------------------------------------------------------------------------


def may_edit(user, entry: Entry) -> bool:
    return permissions.can(user, Action.EDIT_CONTENT, entry.unit_id)


def may_review(user, entry: Entry) -> bool:
    return permissions.can(user, Action.REVIEW_CONTENT, entry.unit_id)


def submit_for_review(entry: Entry, user) -> Entry:
    if not may_edit(user, entry):
        raise PermissionDenied(_("You may only change your own unit's entries."))
    before = entry.status
    entry.status = ReviewStatus.PENDING
    entry.save(update_fields=["status", "updated_at"])
    record_event(entry, "assistant_entry_submitted", actor=user, changes={"status": [before, entry.status]})
    return entry


def approve(entry: Entry, user, note: str = "") -> Entry:
    return _decide(entry, user, ReviewStatus.APPROVED, note, "assistant_entry_approved")


def reject(entry: Entry, user, note: str = "") -> Entry:
    if not note.strip():
        raise ValidationError({"review_note": _("Say why the entry is rejected, so its editor can fix it.")})
    return _decide(entry, user, ReviewStatus.REJECTED, note, "assistant_entry_rejected")


def archive(entry: Entry, user, note: str = "") -> Entry:
    return _decide(entry, user, ReviewStatus.ARCHIVED, note, "assistant_entry_archived")


def _decide(entry: Entry, user, status: str, note: str, event: str) -> Entry:
    if not may_review(user, entry):
        raise PermissionDenied(_("Only the unit's reviewers or the disclosure office may decide on entries."))
    before = entry.status
    entry.status = status
    entry.review_note = note
    entry.reviewed_by = user
    entry.reviewed_at = timezone.now()
    entry.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at", "updated_at"])
    record_event(entry, event, actor=user, changes={"status": [before, status]}, message=note)
    return entry
