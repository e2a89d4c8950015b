"""Information processing fees (信息处理费), 国办函〔2020〕109号 《政府信息公开信息处理费管理办法》.

domain-rules.md §4: art. 3 — per application or per volume, both excess-progressive, one standard per
application, never both; art. 4 — per applicant per calendar month: 1–10 free, 11–30 at 100 yuan each,
then bands of 10 with the rate rising by 100 yuan per band; art. 5 — per application by pages: 1–30
free, 31–100 at 10 yuan, 101–200 at 20 yuan, 201 and up at 40 yuan.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .models import FeeMethod

#: Art. 5 bands: (first page, last page or None, yuan per page).
PAGE_BANDS = ((1, 30, 0), (31, 100, 10), (101, 200, 20), (201, None, 40))
FREE_APPLICATIONS_PER_MONTH = 10
SECOND_BAND_END = 30
SECOND_BAND_RATE = 100
BAND_SIZE = 10
BAND_STEP = 100


@dataclass
class Band:
    first: int
    last: int | None
    rate_yuan: int
    count: int
    subtotal_yuan: int


@dataclass
class Quote:
    method: str
    quantity: int
    amount_yuan: int
    breakdown: list[Band] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "method": self.method,
            "quantity": self.quantity,
            "amount_yuan": self.amount_yuan,
            "breakdown": [asdict(b) for b in self.breakdown],
        }


def _progressive(quantity: int, bands) -> list[Band]:
    out = []
    for first, last, rate in bands:
        if quantity < first:
            break
        top = quantity if last is None else min(quantity, last)
        count = top - first + 1
        out.append(Band(first, last, rate, count, count * rate))
    return out


def application_bands(upto: int):
    """Art. 4 bands up to ``upto`` applications: 1–10 free, 11–30 at 100, 31–40 at 200, 41–50 at 300…"""
    yield 1, FREE_APPLICATIONS_PER_MONTH, 0
    yield FREE_APPLICATIONS_PER_MONTH + 1, SECOND_BAND_END, SECOND_BAND_RATE
    first, rate = SECOND_BAND_END + 1, SECOND_BAND_RATE + BAND_STEP
    while first <= upto:
        yield first, first + BAND_SIZE - 1, rate
        first, rate = first + BAND_SIZE, rate + BAND_STEP


def _check(quantity: int) -> None:
    if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 0:
        raise ValueError("quantity must be a non-negative integer")


def per_page(pages: int) -> Quote:
    """Fee for one application by volume (109号 art. 5), excess-progressive."""
    _check(pages)
    breakdown = _progressive(pages, PAGE_BANDS)
    return Quote(FeeMethod.PER_PAGE.value, pages, sum(b.subtotal_yuan for b in breakdown), breakdown)


def per_application(count: int) -> Quote:
    """Total fee for ``count`` applications by one applicant in one calendar month (109号 art. 4)."""
    _check(count)
    breakdown = _progressive(count, application_bands(count))
    return Quote(FeeMethod.PER_APPLICATION.value, count, sum(b.subtotal_yuan for b in breakdown), breakdown)


def per_application_marginal(earlier_in_month: int, items: int = 1) -> Quote:
    """Fee for ``items`` more applications when the applicant already made ``earlier_in_month`` (art. 4).

    The monthly count is cumulative, so the charge is the difference of the monthly totals.
    """
    _check(earlier_in_month)
    _check(items)
    before, after = per_application(earlier_in_month), per_application(earlier_in_month + items)
    bands = []
    for band in after.breakdown:
        prior = next((b.count for b in before.breakdown if b.first == band.first), 0)
        if band.count > prior:
            count = band.count - prior
            bands.append(Band(band.first, band.last, band.rate_yuan, count, count * band.rate_yuan))
    return Quote(FeeMethod.PER_APPLICATION.value, items, after.amount_yuan - before.amount_yuan, bands)


def same_applicant(application):
    """Applications by the same applicant: the same identity document, or else the same name and phone."""
    from .models import Application

    qs = Application.objects.exclude(pk=application.pk)
    if application.id_document_number:
        return qs.filter(id_document_number=application.id_document_number)
    return qs.filter(applicant_name=application.applicant_name, phone=application.phone)


def earlier_in_month(application) -> int:
    """How many applications the same applicant made earlier in the calendar month of receipt (art. 4)."""
    day = application.received_on or application.submitted_on
    qs = same_applicant(application).filter(received_on__year=day.year, received_on__month=day.month)
    return (
        qs.filter(received_on__lt=day).count()
        + qs.filter(received_on=day, pk__lt=application.pk or 0).count()
    )


def quote_for(application, method: str, quantity: int) -> Quote:
    """The fee for ``application`` under exactly one standard (109号 art. 3: never both)."""
    method = FeeMethod(method)
    if method == FeeMethod.PER_PAGE:
        return per_page(quantity)
    return per_application_marginal(earlier_in_month(application), max(quantity, 1))
