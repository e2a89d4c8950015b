"""Demo appeals for the Qinghe district (idempotent): a few cases per busy unit, linked to applications."""

import datetime as dt

from gongkai.applications.models import Application
from gongkai.organizations.models import Unit

from .deadlines import fill_deadlines
from .models import AppealCase, AppealKind, AppealResult

# (case number, unit slug, kind, filed, decided, result, co-defendant slug)
CASES = [
    (
        "清复决字〔2025〕3号",
        "hrss",
        AppealKind.RECONSIDERATION,
        dt.date(2025, 3, 10),
        dt.date(2025, 5, 6),
        AppealResult.UPHELD,
        None,
    ),
    (
        "清复决字〔2025〕11号",
        "housing",
        AppealKind.RECONSIDERATION,
        dt.date(2025, 6, 2),
        dt.date(2025, 7, 25),
        AppealResult.CORRECTED,
        None,
    ),
    (
        "（2025）京0199行初58号",
        "housing",
        AppealKind.LITIGATION_DIRECT,
        dt.date(2025, 8, 18),
        None,
        AppealResult.PENDING,
        None,
    ),
    (
        "（2025）京0199行初73号",
        "hrss",
        AppealKind.LITIGATION_AFTER_RECONSIDERATION,
        dt.date(2025, 6, 1),
        dt.date(2025, 11, 20),
        AppealResult.UPHELD,
        "district",
    ),
    (
        "清复决字〔2024〕21号",
        "chengbei",
        AppealKind.RECONSIDERATION,
        dt.date(2024, 11, 5),
        dt.date(2025, 1, 8),
        AppealResult.OTHER,
        None,
    ),
]


def load(command) -> None:
    units = {u.slug: u for u in Unit.objects.all()}
    for number, slug, kind, filed, decided, result, co in CASES:
        if slug not in units:
            continue
        case, _ = AppealCase.objects.update_or_create(
            case_number=number,
            defaults={
                "kind": kind,
                "respondent_unit": units[slug],
                "co_defendant_unit": units.get(co) if co else None,
                "appellant_name": "申请人（演示）",
                "reviewing_body": "清河区人民政府"
                if kind == AppealKind.RECONSIDERATION
                else "清河区人民法院",
                "filed_on": filed,
                "decided_on": decided,
                "result": result,
            },
        )
        case.answer_due_on = case.decision_due_on = None
        fill_deadlines(case)
        case.save()
        apps = Application.objects.filter(handling_unit=units[slug], closed_on__lt=filed).order_by(
            "-closed_on"
        )[:1]
        case.applications.set(apps)
