"""Deadlines of a reconsideration or litigation case, in calendar days.

⚠️ Not in domain-rules.md (no source there); the periods are those of the statutes, to be checked by
the legal office before relying on them:
- 《行政复议法》(2023 revision) art. 48: the respondent answers in writing within 10 days of receiving
  the copy of the application; art. 62: a decision within 60 days of acceptance (extendable by 30).
- 《行政诉讼法》art. 67: the defendant files its defence within 15 days of receiving the complaint;
  art. 81: first-instance judgment within 6 months of the case being filed.
"""

import datetime

from .models import AppealCase, AppealKind

ANSWER_DAYS = {AppealKind.RECONSIDERATION: 10}
ANSWER_DAYS_LITIGATION = 15
RECONSIDERATION_DECISION_DAYS = 60
LITIGATION_DECISION_MONTHS = 6


def answer_due(case: AppealCase) -> datetime.date | None:
    start = case.served_on or case.filed_on
    if start is None:
        return None
    days = ANSWER_DAYS.get(case.kind, ANSWER_DAYS_LITIGATION)
    return start + datetime.timedelta(days=days)


def decision_due(case: AppealCase) -> datetime.date | None:
    if case.filed_on is None:
        return None
    if case.kind == AppealKind.RECONSIDERATION:
        return case.filed_on + datetime.timedelta(days=RECONSIDERATION_DECISION_DAYS)
    return add_months(case.filed_on, LITIGATION_DECISION_MONTHS)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for dom in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, dom)
        except ValueError:
            continue
    raise ValueError(day)


def fill_deadlines(case: AppealCase) -> None:
    """Set the computed deadlines that staff have not set by hand."""
    if case.answer_due_on is None:
        case.answer_due_on = answer_due(case)
    if case.decision_due_on is None:
        case.decision_due_on = decision_due(case)


def overdue_answers(today: datetime.date):
    return AppealCase.objects.filter(answer_due_on__lt=today, decided_on__isnull=True)
