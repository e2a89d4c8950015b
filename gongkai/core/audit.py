"""The audit log: one place for every change to a domain record.

Field-level create/update/delete of registered models is recorded by django-auditlog (who, when,
before/after values). Domain events that are not a plain field change (a clock stopped, a notice
sent, a report approved) are written here with ``record_event`` so the same log holds them.
Entries are never edited: the admin screen is read-only and nothing in the code updates them.
"""

from auditlog.context import disable_auditlog, set_actor
from auditlog.models import LogEntry

__all__ = ["LogEntry", "acting_as", "disable_auditlog", "entries_for", "record_event"]


def acting_as(user):
    """Context manager: attribute the changes made inside it to ``user`` (commands, tasks)."""
    return set_actor(user)


def record_event(
    instance, event: str, *, actor=None, changes: dict | None = None, message: str = ""
) -> LogEntry:
    """Record a domain event on ``instance``.

    ``changes`` maps a field or concept to ``[before, after]`` (stringified, as auditlog does).
    """
    kwargs = {
        "action": LogEntry.Action.UPDATE,
        "changes": {k: [_s(v[0]), _s(v[1])] for k, v in (changes or {}).items()},
        "additional_data": {"event": event, "message": message},
    }
    if actor is not None and getattr(actor, "is_authenticated", False):
        kwargs["actor"] = actor
    return LogEntry.objects.log_create(instance, force_log=True, **kwargs)


def entries_for(instance):
    return LogEntry.objects.get_for_object(instance).select_related("actor")


def _s(value):
    return "None" if value is None else str(value)
