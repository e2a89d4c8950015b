"""Art. 26: "属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开".

An item is published late when its publication date is more than 20 working days after the date it
was formed (written) or changed; an unpublished item is waiting too long once that deadline has passed.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from gongkai.workdays.calendar import CalendarNotCovered, add_working_days

from .models import DisclosureAttribute, InformationItemPage

LIMIT_WORKING_DAYS = 20


def deadline(item) -> dt.date | None:
    """The last day for publishing ``item`` (None if the calendar does not cover the year)."""
    try:
        return add_working_days(item.date_formed, LIMIT_WORKING_DAYS)
    except CalendarNotCovered:
        return None


def is_published_late(item) -> bool:
    due = deadline(item)
    return bool(item.date_published and due and item.date_published > due)


def is_waiting_too_long(item, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    due = deadline(item)
    return bool(not item.live and due and today > due)


@dataclass
class UnitTimeliness:
    unit: object
    published: int = 0
    late: list = field(default_factory=list)
    waiting: list = field(default_factory=list)

    @property
    def on_time_rate(self) -> float | None:
        return (
            None if not self.published else round(100 * (self.published - len(self.late)) / self.published, 1)
        )


def report(unit_ids=None, year: int | None = None, today: dt.date | None = None) -> list[UnitTimeliness]:
    """Per unit: items published (in ``year`` if given), those published late, and drafts overdue."""
    today = today or timezone.localdate()
    qs = InformationItemPage.objects.filter(
        disclosure_attribute=DisclosureAttribute.PROACTIVE
    ).select_related("unit")
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    rows: dict[int, UnitTimeliness] = {}
    by_unit = defaultdict(list)
    for item in qs.only(
        "id",
        "title",
        "unit",
        "date_written",
        "date_changed",
        "date_published",
        "live",
        "url_path",
        "path",
        "depth",
    ):
        by_unit[item.unit_id].append(item)
    for unit_id, items in by_unit.items():
        row = rows[unit_id] = UnitTimeliness(unit=items[0].unit)
        for item in items:
            if item.live and item.date_published:
                if year and item.date_published.year != year:
                    continue
                row.published += 1
                if is_published_late(item):
                    row.late.append(item)
            elif is_waiting_too_long(item, today):
                row.waiting.append(item)
    return sorted(rows.values(), key=lambda r: (-(len(r.late) + len(r.waiting)), r.unit.sort_order))
