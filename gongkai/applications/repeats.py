"""Repeat and volume signals for the handler (art. 35, 36(6)). Evidence only: the handler decides."""

from dataclasses import dataclass

import rjieba

from django.utils.translation import gettext as _

from .fees import same_applicant

SIMILARITY_THRESHOLD = 0.5
MONTHLY_VOLUME_THRESHOLD = 10  # 109号 art. 4: beyond 10 a month, volume is charged for


@dataclass
class Signal:
    kind: str
    message: str
    related: list


def _tokens(text: str) -> set[str]:
    return {t for t in rjieba.cut(text or "") if len(t.strip()) > 1}


def similarity(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def signals(app) -> list[Signal]:
    """Art. 36(6): a similar application of the same applicant already answered; art. 35: unusual volume."""
    found = []
    earlier = same_applicant(app).select_related("handling_unit")
    text = f"{app.information_title} {app.description}"
    similar = [
        (round(similarity(text, f"{o.information_title} {o.description}"), 2), o)
        for o in earlier.filter(closed_on__isnull=False)
    ]
    similar = sorted([s for s in similar if s[0] >= SIMILARITY_THRESHOLD], key=lambda s: -s[0])[:5]
    if similar:
        found.append(
            Signal("repeat", _("The same applicant made similar applications that were already answered (art. 36(6))."),
                   [{"app": o, "score": score} for score, o in similar])
        )  # fmt: skip
    day = app.received_on or app.submitted_on
    month = earlier.filter(submitted_on__year=day.year, submitted_on__month=day.month)
    count = month.count() + 1
    if count > MONTHLY_VOLUME_THRESHOLD:
        found.append(
            Signal("volume", _("The same applicant made %(n)s applications this calendar month (art. 35, 42).") % {"n": count},
                   [{"app": o, "score": None} for o in month.order_by("-submitted_on")[:10]])
        )  # fmt: skip
    return found
