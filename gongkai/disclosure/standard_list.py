"""The standard catalogue of disclosure items (基层政务公开标准目录) and whether it is being fulfilled.

国办发〔2019〕54号: "目录至少应包括公开事项的名称、内容、依据、时限、主体、方式、渠道、公开对象等要素".
Each entry links to the items that fulfil it. An entry is overdue when:

- periodic (monthly / quarterly / annual): nothing was published for the last complete period
  within the entry's time limit (working days) after that period ended;
- as it occurs: one of its items was published later than its time limit after it was formed.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from gongkai.workdays.calendar import CalendarNotCovered, add_working_days

from .models import Frequency, StandardCatalogueEntry


def last_complete_period(frequency: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    if frequency == Frequency.MONTHLY:
        end = today.replace(day=1) - dt.timedelta(days=1)
        return end.replace(day=1), end
    if frequency == Frequency.QUARTERLY:
        quarter_start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        end = quarter_start - dt.timedelta(days=1)
        return dt.date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end
    if frequency == Frequency.ANNUAL:
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    return None


@dataclass
class EntryStatus:
    entry: StandardCatalogueEntry
    items: list
    overdue: bool
    reason: str = ""


def entry_status(entry, today: dt.date | None = None) -> EntryStatus:
    from django.utils.translation import gettext as _

    today = today or timezone.localdate()
    items = list(entry.items.public().order_by("-date_published"))
    period = last_complete_period(entry.frequency, today)
    try:
        if period is not None:
            start, end = period
            due = add_working_days(end, entry.time_limit_working_days)
            covered = any(
                start <= i.date_written <= end or (i.date_published and i.date_published >= start)
                for i in items
            )
            if today > due and not covered:
                return EntryStatus(
                    entry,
                    items,
                    True,
                    _("Nothing published for %(start)s – %(end)s.") % {"start": start, "end": end},
                )
            return EntryStatus(entry, items, False)
        late = [
            i
            for i in items
            if i.date_published
            and i.date_published > add_working_days(i.date_formed, entry.time_limit_working_days)
        ]
        if late:
            return EntryStatus(
                entry, items, True, _("%(n)s item(s) published after the time limit.") % {"n": len(late)}
            )
    except CalendarNotCovered as exc:
        return EntryStatus(entry, items, False, str(exc))
    return EntryStatus(entry, items, False)


def catalogue(area: str | None = None, unit_ids=None, today: dt.date | None = None) -> list[EntryStatus]:
    qs = StandardCatalogueEntry.objects.select_related("responsible_unit")
    if area:
        qs = qs.filter(area=area)
    if unit_ids is not None:
        qs = qs.filter(responsible_unit_id__in=list(unit_ids))
    return [entry_status(entry, today) for entry in qs]
