"""Policy interpretation (政策解读) oversight.

Normative documents and rules should be interpreted, and the interpretation released together with
the document (同步发布). "Together" here means within ``TOGETHER_WORKING_DAYS`` working days.
"""

from dataclasses import dataclass

from gongkai.workdays.calendar import CalendarNotCovered, working_days_between

from .models import InformationItemPage

TOGETHER_WORKING_DAYS = 3


@dataclass
class InterpretationStatus:
    item: InformationItemPage
    interpretations: list
    released_together: bool | None  # None when there is no interpretation


def needing_interpretation(unit_ids=None):
    """Live rules and normative documents without any live interpretation."""
    qs = InformationItemPage.objects.public().normative().exclude(interpretations__live=True)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    return qs.select_related("unit").order_by("-date_published")


def released_together(item, interpretation) -> bool:
    if not (item.first_published_at and interpretation.first_published_at):
        return False
    start, end = sorted([item.first_published_at.date(), interpretation.first_published_at.date()])
    try:
        return working_days_between(start, end) <= TOGETHER_WORKING_DAYS
    except CalendarNotCovered:
        return (end - start).days <= TOGETHER_WORKING_DAYS


def status(unit_ids=None) -> list[InterpretationStatus]:
    qs = (
        InformationItemPage.objects.public()
        .normative()
        .select_related("unit")
        .prefetch_related("interpretations")
    )
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    rows = []
    for item in qs.order_by("-date_published"):
        live = [i for i in item.interpretations.all() if i.live]
        together = any(released_together(item, i) for i in live) if live else None
        rows.append(InterpretationStatus(item, live, together))
    return rows
