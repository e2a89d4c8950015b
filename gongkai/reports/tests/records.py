"""Build application rows for report tests quickly (bulk, no clock or letters)."""

import datetime as dt
import itertools

from gongkai.applications.models import Application, Status

_seq = itertools.count(1)


def application(unit, applicant_type, received_on, closed_on=None, outcome="", **extra) -> Application:
    n = next(_seq)
    return Application(
        tracking_number=f"RPT{n:09d}",
        verification_code_hash="-",
        handling_unit=unit,
        applicant_type=applicant_type,
        applicant_name=f"申请人{n}",
        description="测试申请",
        information_form="electronic",
        delivery_method="email",
        submitted_on=received_on or dt.date(2025, 1, 1),
        received_on=received_on,
        closed_on=closed_on,
        status=Status.CLOSED if closed_on else Status.IN_PROGRESS,
        outcome=outcome if closed_on else "",
        **extra,
    )


def expected_cells(app: Application, year: int, fmt: str) -> list[str]:
    """The Table III rows an application lands in, counted by hand from the §1.4 definitions."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows = []
    if app.received_on is None:
        return rows
    if start <= app.received_on <= end:
        rows.append("new_received")
    if app.received_on < start and (app.closed_on is None or app.closed_on >= start):
        rows.append("carried_over")
    if app.closed_on and start <= app.closed_on <= end:
        rows.append("total_processed")
        outcome = app.outcome
        if fmt == "2019" and outcome.startswith("other_"):
            outcome = "other_processing"
        rows.append(outcome)
    if app.received_on <= end and (app.closed_on is None or app.closed_on > end):
        rows.append("carried_forward")
    return rows
