"""Reading the State Council's yearly holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知).

The office pastes the notice's text; every holiday period ("2月15日（农历腊月二十八、周日）至23日（农历
正月初七、周一）放假调休，共9天") and every make-up working day ("2月14日（周六）、2月28日（周六）上班") is read,
checked against itself (the weekday names the notice gives, its "共N天" day counts, make-up days on
weekends) and, once the office has seen the year month by month, written as ``DayOverride`` rows with a
``CalendarYear`` in one audited change. A notice that does not check out is refused with the line at fault.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.audit import record_event

from .models import CalendarYear, DayOverride, OverrideKind
from .signals import calendar_changed

CN_NUMERALS = "一二三四五六七八九十"
WEEKDAYS = "一二三四五六日"  # Monday .. Sunday, as in 周一 … 周日
TITLE_YEAR = re.compile(r"关于\s*(\d{4})\s*年\s*部分节假日安排")
# A section starts at a Chinese numeral with 、 at the start of the text, a line or a sentence:
# "农历正月初七、周二" inside parentheses must not start one.
SECTION = re.compile(rf"(?:^|(?<=[。\s]))([{CN_NUMERALS}]{{1,3}})、\s*([^：:。\n]{{1,30}})[：:]")
DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*(?:[（(]([^）)]*)[）)])?")
WEEKDAY = re.compile(r"(?:周|星期)([一二三四五六日天])")
DAY_COUNT = re.compile(r"(?:共|放假)\s*(\d{1,2})\s*天")


@dataclass(frozen=True)
class NoticeDay:
    date: dt.date
    kind: str  # OverrideKind
    name: str


@dataclass
class Problem:
    line: str
    message: str

    def __str__(self):
        return f"{self.message}（{self.line}）"


@dataclass
class ParsedNotice:
    year: int | None
    days: list[NoticeDay] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.year is not None and not self.problems and bool(self.days)

    def holidays(self) -> list[NoticeDay]:
        return [d for d in self.days if d.kind == OverrideKind.HOLIDAY]

    def make_up_workdays(self) -> list[NoticeDay]:
        return [d for d in self.days if d.kind == OverrideKind.WORKDAY]

    def months(self) -> list[dict]:
        """The year month by month, for the office to confirm: weeks of (date, kind, name) cells."""
        if self.year is None:
            return []
        by_date = {d.date: d for d in self.days}
        months = []
        for month in range(1, 13):
            weeks = []
            for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(self.year, month):
                row = []
                for date in week:
                    if date.month != month:
                        row.append(None)
                        continue
                    day = by_date.get(date)
                    if day is not None:
                        kind = "holiday" if day.kind == OverrideKind.HOLIDAY else "make_up_workday"
                    else:
                        kind = "weekend" if date.weekday() >= 5 else "workday"
                    row.append({"date": date, "kind": kind, "name": day.name if day else ""})
                weeks.append(row)
            months.append({"month": month, "weeks": weeks})
        return months


def parse_notice(text: str, year: int | None = None) -> ParsedNotice:
    text = (text or "").replace("\u3000", " ").replace("\r", "")
    match = TITLE_YEAR.search(text)
    notice_year = year or (int(match.group(1)) if match else None)
    parsed = ParsedNotice(year=notice_year)
    if notice_year is None:
        parsed.problems.append(
            Problem(
                text[:40],
                _("Give the year: the title of the notice (关于YYYY年部分节假日安排的通知) was not found."),
            )
        )
        return parsed
    starts = list(SECTION.finditer(text))
    if not starts:
        parsed.problems.append(
            Problem(text[:40], _("No holiday arrangement (一、元旦：…) was found in the text."))
        )
        return parsed
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        name = start.group(2).strip()
        body = text[start.end() : end]
        parsed.sections.append(name)
        _parse_section(parsed, notice_year, name, body)
    _check_conflicts(parsed)
    parsed.days.sort(key=lambda d: d.date)
    return parsed


def _parse_section(parsed: ParsedNotice, year: int, name: str, body: str) -> None:
    found = len(parsed.days)
    _parse_sentences(parsed, year, name, body)
    if not any(d.kind == OverrideKind.HOLIDAY for d in parsed.days[found:]) and not parsed.problems:
        parsed.problems.append(
            Problem(f"{name}：{body.strip()[:60]}", _("No holiday period was found here."))
        )


def _parse_sentences(parsed: ParsedNotice, year: int, name: str, body: str) -> None:
    for sentence in (s.strip() for s in body.split("。")):
        if not sentence:
            continue
        line = f"{name}：{sentence}。"
        if "放假" in sentence:
            before = sentence.split("放假", 1)[0]
            dates = _dates(parsed, line, before, year)
            if dates is None:
                continue
            if not dates:
                continue  # prose such as "节假日期间…" rather than an arrangement
            if "至" in before and len(dates) == 2:
                first, last = dates
            elif len(dates) == 1:
                first = last = dates[0]
            else:
                parsed.problems.append(Problem(line, _("A holiday is one date or a range “A至B”.")))
                continue
            if last < first:
                parsed.problems.append(Problem(line, _("The holiday ends before it starts.")))
                continue
            span = (last - first).days + 1
            count = DAY_COUNT.search(sentence)
            if count and int(count.group(1)) != span:
                parsed.problems.append(
                    Problem(
                        line,
                        _("The notice says %(said)s days, but %(first)s to %(last)s is %(span)s days.")
                        % {"said": count.group(1), "first": first, "last": last, "span": span},
                    )
                )
                continue
            if span > 15:
                parsed.problems.append(
                    Problem(line, _("A holiday period longer than 15 days is not plausible."))
                )
                continue
            for offset in range(span):
                parsed.days.append(NoticeDay(first + dt.timedelta(days=offset), OverrideKind.HOLIDAY, name))
        elif "上班" in sentence:
            dates = _dates(parsed, line, sentence.split("上班", 1)[0], year)
            for date in dates or []:
                if date.weekday() < 5:
                    parsed.problems.append(
                        Problem(
                            line,
                            _("%(date)s is a weekday; a make-up working day is a Saturday or Sunday.")
                            % {"date": date},
                        )
                    )
                    continue
                parsed.days.append(NoticeDay(date, OverrideKind.WORKDAY, name))


def _dates(parsed: ParsedNotice, line: str, fragment: str, year: int) -> list[dt.date] | None:
    """The dates in ``fragment``; a date without month or year takes the previous date's (``23日`` after
    ``2月15日``), and a range into January crosses into the next year. ``None`` when one is wrong."""
    dates: list[dt.date] = []
    month = None
    for match in DATE.finditer(fragment):
        y, m, d, paren = match.groups()
        if m is None and month is None:
            parsed.problems.append(Problem(line, _("The month of “%(d)s日” is missing.") % {"d": d}))
            return None
        this_year = int(y) if y else (dates[-1].year if dates else year)
        this_month = int(m) if m else month
        if dates and not y and this_month < dates[-1].month:
            this_year += 1  # 12月31日至1月2日
        try:
            date = dt.date(this_year, this_month, int(d))
        except ValueError:
            parsed.problems.append(
                Problem(line, _("%(m)s月%(d)s日 is not a date.") % {"m": this_month, "d": d})
            )
            return None
        given = WEEKDAY.search(paren or "")
        if given:
            said = WEEKDAYS.index("日" if given.group(1) == "天" else given.group(1))
            if said != date.weekday():
                parsed.problems.append(
                    Problem(
                        line,
                        _("%(date)s is a 周%(actual)s, but the notice says 周%(said)s.")
                        % {"date": date, "actual": WEEKDAYS[date.weekday()], "said": WEEKDAYS[said]},
                    )
                )
                return None
        dates.append(date)
        month = this_month
    return dates


def _check_conflicts(parsed: ParsedNotice) -> None:
    seen: dict[dt.date, NoticeDay] = {}
    for day in parsed.days:
        other = seen.get(day.date)
        if other is not None and other.kind != day.kind:
            parsed.problems.append(
                Problem(
                    f"{other.name} / {day.name}",
                    _("%(date)s is both a holiday and a working day.") % {"date": day.date},
                )
            )
        seen[day.date] = day
    parsed.days[:] = list(seen.values())


@transaction.atomic
def apply_notice(parsed: ParsedNotice, actor, source: str) -> CalendarYear:
    """Write the confirmed arrangement: the year's overrides are replaced and the year marked entered."""
    if not parsed.ok:
        raise ValueError(_("The notice has problems; correct them first."))
    year = parsed.year
    replaced = DayOverride.objects.filter(date__year=year).count()
    DayOverride.objects.filter(date__year=year).delete()
    note = source[:300]
    DayOverride.objects.bulk_create(
        DayOverride(date=d.date, kind=d.kind, name=d.name[:60], note=note)
        for d in parsed.days
        if d.date.year == year or not DayOverride.objects.filter(date=d.date).exists()
    )
    entry, _created = CalendarYear.objects.update_or_create(year=year, defaults={"note": note})
    record_event(
        entry,
        "holiday_notice_entered",
        actor=actor,
        changes={
            "holidays": [replaced, len(parsed.holidays())],
            "make_up_workdays": ["", len(parsed.make_up_workdays())],
        },
        message=note,
    )
    # Provisional dates in this year are recomputed on the entered arrangement (cached due dates etc.).
    transaction.on_commit(lambda: calendar_changed.send(sender=CalendarYear, year=year))
    return entry
