"""Demo annual-report data (idempotent): Table II figures and draft 2025 reports for some units."""

from decimal import Decimal

from gongkai.organizations.models import Unit

from .models import AnnualReport, ReportKind, Table2Entry
from .services import create_report

TABLE2 = {
    "hrss": {
        "licensing_decisions": 1260,
        "penalty_decisions": 84,
        "compulsion_decisions": 3,
        "fee_amount_wan": Decimal("0"),
    },
    "housing": {
        "licensing_decisions": 932,
        "penalty_decisions": 41,
        "compulsion_decisions": 7,
        "fee_amount_wan": Decimal("12.6"),
    },
    "market": {
        "licensing_decisions": 5820,
        "penalty_decisions": 416,
        "compulsion_decisions": 25,
        "fee_amount_wan": Decimal("0"),
    },
    "chengbei": {
        "licensing_decisions": 0,
        "penalty_decisions": 12,
        "compulsion_decisions": 0,
        "fee_amount_wan": Decimal("0"),
    },
}
DRAFTS = [
    ("hrss", ReportKind.UNIT),
    ("housing", ReportKind.UNIT),
    ("chengbei", ReportKind.UNIT),
    ("district", ReportKind.DISTRICT_SUMMARY),
]
YEAR = 2025


def load(command) -> None:
    units = {u.slug: u for u in Unit.objects.all()}
    for slug, figures in TABLE2.items():
        if slug in units:
            Table2Entry.objects.update_or_create(unit=units[slug], year=YEAR, defaults=figures)
    for slug, kind in DRAFTS:
        if slug in units and not AnnualReport.objects.filter(unit=units[slug], year=YEAR, kind=kind).exists():
            create_report(
                unit=units[slug],
                year=YEAR,
                kind=kind,
                problems="一是部分信息更新不够及时；二是依申请公开答复文书规范化有待加强。下一步将加强培训和审核把关。",
            )
