"""Index numbers (索引号): the unique identifier of each disclosed item.

Pingtan's guide: "索引号：政府公开信息的唯一识别代码，由信息生成机构代码、信息类别、信息生成年度、年度信息流水号组成".
The default pattern is ``{code}/{year}-{serial:05d}`` (e.g. ``11110199000000010X1/2026-00001``);
``settings.GONGKAI_INDEX_NUMBER_PATTERN`` changes it (fields: code, year, month, genre, serial).
Serial numbers are allocated in one row-locked transaction per prefix and period, so concurrent
publications never get the same number; the unique constraint on the item is the last guard.
"""

import datetime as dt
import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import IndexNumberCounter, InformationItemPage

DEFAULT_PATTERN = "{code}/{year}-{serial:05d}"


def pattern() -> str:
    return getattr(settings, "GONGKAI_INDEX_NUMBER_PATTERN", DEFAULT_PATTERN)


def _period_key(fmt: str, date: dt.date, genre: str) -> tuple[str, dict]:
    fields = {"year": f"{date.year:04d}", "month": f"{date.month:02d}", "genre": genre}
    used = [name for name in ("year", "month", "genre") if "{" + name in fmt]
    return "-".join(fields[name] for name in used) or "all", fields


def next_serial(prefix: str, period: str) -> int:
    """Allocate the next serial number for ``prefix`` and ``period`` (atomic, row-locked)."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                counter, _created = IndexNumberCounter.objects.select_for_update().get_or_create(
                    prefix=prefix, period=period
                )
                counter.last_serial += 1
                counter.save(update_fields=["last_serial"])
                return counter.last_serial
        except IntegrityError:  # two first allocations raced to create the counter row
            continue
    raise RuntimeError(f"could not allocate an index number for {prefix}/{period}")


def format_number(code: str, date: dt.date, serial: int, genre: str = "", fmt: str | None = None) -> str:
    fmt = fmt or pattern()
    _key, fields = _period_key(fmt, date, genre)
    return fmt.format(code=code, serial=serial, **fields)


def allocate(unit, date: dt.date, genre: str = "") -> str:
    """A new, unused index number for information of ``unit`` produced on ``date``."""
    fmt = pattern()
    period, _fields = _period_key(fmt, date, genre)
    while True:
        number = format_number(unit.index_code, date, next_serial(unit.index_code, period), genre, fmt)
        # Numbers imported from an old portal may already occupy the serial: skip past them.
        if not InformationItemPage.objects.filter(index_number=number).exists():
            return number


def ensure_assigned(item) -> bool:
    """Give ``item`` its index number and publication date at first publication. True if it changed."""
    updates = {}
    if not item.index_number:
        updates["index_number"] = allocate(item.unit, item.date_written or timezone.localdate(), item.genre)
    if not item.date_published:
        updates["date_published"] = timezone.localdate()
    if updates:
        InformationItemPage.objects.filter(pk=item.pk).update(**updates)
        for key, value in updates.items():
            setattr(item, key, value)
    return bool(updates)


_SERIAL_RE = re.compile(r"(\d+)$")


def reserve_imported(unit, number: str, date: dt.date, genre: str = "") -> None:
    """After importing ``number``, move the counter past it so new numbers never collide."""
    fmt = pattern()
    period, _fields = _period_key(fmt, date, genre)
    match = _SERIAL_RE.search(number)
    if not match or not number.startswith(unit.index_code):
        return
    serial = int(match.group(1))
    with transaction.atomic():
        counter, _created = IndexNumberCounter.objects.select_for_update().get_or_create(
            prefix=unit.index_code, period=period
        )
        if counter.last_serial < serial:
            counter.last_serial = serial
            counter.save(update_fields=["last_serial"])
