"""Information processing fees for section 六 (2021 format: "收取信息处理费的情况，在此处专门报告"; §1.2, §4)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum

from gongkai.applications.models import FeeNotice

from .tables.table3 import year_bounds


@dataclass
class FeeSummary:
    notices: int
    charged_yuan: Decimal
    collected_yuan: Decimal

    def sentence(self, year: int) -> str:
        """The sentence for 六, in the wording real reports use."""
        if not self.notices and not self.collected_yuan:
            return f"{year}年，本机关依据《政府信息公开信息处理费管理办法》收取信息处理费的情况：无收取信息处理费情况，发出收费通知0件，收费金额0元，实际收取0元。"
        return (
            f"{year}年，本机关依据《政府信息公开信息处理费管理办法》发出收费通知{self.notices}件，"
            f"收费金额{_yuan(self.charged_yuan)}元，实际收取{_yuan(self.collected_yuan)}元。"
        )


def _yuan(value: Decimal) -> str:
    value = Decimal(value or 0)
    return (
        f"{value:,.2f}".rstrip("0").rstrip(".") if value != value.to_integral_value() else f"{int(value):,}"
    )


def fee_notices(unit_ids, year: int):
    start, end = year_bounds(year)
    return FeeNotice.objects.filter(
        application__handling_unit_id__in=list(unit_ids), issued_on__gte=start, issued_on__lte=end
    )


def fee_payments(unit_ids, year: int):
    start, end = year_bounds(year)
    return FeeNotice.objects.filter(
        application__handling_unit_id__in=list(unit_ids), paid_on__gte=start, paid_on__lte=end
    )


def fee_summary(unit_ids, year: int) -> FeeSummary:
    """Notices issued in the year and their amount; amounts actually paid in the year."""
    issued = fee_notices(unit_ids, year).aggregate(n=Count("pk"), amount=Sum("amount_yuan"))
    paid = fee_payments(unit_ids, year).aggregate(amount=Sum("paid_amount_yuan"))
    return FeeSummary(issued["n"] or 0, issued["amount"] or Decimal(0), paid["amount"] or Decimal(0))
