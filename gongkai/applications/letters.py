"""Letters of a case: acknowledgement, notices and the reply letter (答复书), as PDF and DOCX.

Texts come from editable ``LetterTemplate`` rows, else ``letter_templates.DEFAULTS``. The rendered text
is frozen in a ``Letter`` row when issued, so a later template edit never changes an issued letter.
"""

from __future__ import annotations

import datetime as dt
import io
import logging

from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import timezone

from gongkai.core.audit import record_event
from gongkai.workdays.calendar import WorkdayCalendar, first_uncovered_year

from . import clock
from .letter_templates import DEFAULTS
from .models import Letter, LetterKind, LetterTemplate
from .outcomes import LEGAL_BASIS

log = logging.getLogger(__name__)

NUMBER_WORD = {
    LetterKind.REPLY: "答",
    LetterKind.CORRECTION: "补",
    LetterKind.EXTENSION: "延",
    LetterKind.FEE: "费",
    LetterKind.THIRD_PARTY: "征",
    LetterKind.OTHER_AGENCY: "征",
    LetterKind.ACKNOWLEDGEMENT: "登",
    LetterKind.DEADLINE: "期",
}


def template_for(kind: str) -> tuple[str, str]:
    row = LetterTemplate.objects.filter(kind=kind).first()
    return (row.title, row.body) if row else DEFAULTS[kind]


def last_entered_day() -> dt.date:
    return dt.date(first_uncovered_year() - 1, 12, 31)


def _correction_period(segment) -> int | None:
    if segment is None or segment.expected_end_on is None:
        return None
    return WorkdayCalendar().working_days_between(segment.started_on, segment.expected_end_on).working_days


def context_for(app, **extra) -> dict:
    unit = app.handling_unit
    decision = extra.get("decision")
    basis = ""
    if decision is not None:
        basis = next(
            (b.citation for b in LEGAL_BASIS[decision.outcome] if b.articles == decision.legal_basis), ""
        )
    return {
        "app": app,
        "unit": unit,
        "applicant": app.organization_name or app.applicant_name,
        "clock": clock.compute(app),
        # Dates after this day rest on a holiday arrangement not yet entered: letters state periods instead.
        "calendar_last_day": last_entered_day(),
        "correction_period": _correction_period(extra.get("segment")),
        "withheld": list(app.withheld_parts.all()),
        "basis": basis,
        **extra,
    }


def render_text(kind: str, app, **extra) -> tuple[str, str]:
    title, body = template_for(kind)
    return title, Template(body).render(Context(context_for(app, **extra), autoescape=False))


def _next_number(app, kind: str, year: int) -> str:
    unit = app.handling_unit
    prefix = f"{unit.short_name or unit.name}依申{NUMBER_WORD[LetterKind(kind)]}〔{year}〕"
    used = Letter.objects.filter(number__startswith=prefix).count()
    return f"{prefix}{used + 1}号"


def issue(app, kind: str, *, actor=None, issued_on: dt.date | None = None, **extra) -> Letter:
    """Issue a letter of ``kind`` on ``app`` (Regulations art. 30, 32–36; fee measures)."""
    issued_on = issued_on or timezone.localdate()
    title, body = render_text(kind, app, **extra)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                letter = Letter.objects.create(
                    application=app, kind=kind, title=title, body=body, issued_on=issued_on, created_by=actor,
                    number=_next_number(app, kind, issued_on.year),
                )  # fmt: skip
                record_event(
                    app, "letter_issued", actor=actor, changes={"letter": ["", letter.number]}, message=title
                )
                transaction.on_commit(lambda letter_id=letter.pk: _send(letter_id))
                return letter
        except IntegrityError:
            continue
    raise RuntimeError("could not allocate a letter number")


def resend(letter: Letter, actor) -> Letter:
    """Queue the letter's e-mail again; the letter itself (text, number) never changes."""
    from gongkai.organizations.permissions import Action, require

    require(actor, Action.HANDLE_CASE, letter.application.handling_unit)
    record_event(letter.application, "letter_resent", actor=actor, changes={"letter": ["", letter.number]})
    transaction.on_commit(lambda: _send(letter.pk))
    return letter


def record_delivery(letter: Letter, actor, *, delivered_on: dt.date, note: str) -> Letter:
    """送达: the day and way the letter reached the addressee."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from gongkai.organizations.permissions import Action, require

    require(actor, Action.HANDLE_CASE, letter.application.handling_unit)
    if delivered_on < letter.issued_on or delivered_on > timezone.localdate():
        raise ValidationError(_("A letter is delivered between the day it is issued and today."))
    if not note.strip():
        raise ValidationError(_("Say how the letter was delivered (post, in person, electronically)."))
    letter.delivered_on, letter.delivery_note = delivered_on, note.strip()[:200]
    letter.save(update_fields=["delivered_on", "delivery_note"])
    record_event(
        letter.application, "letter_delivered", actor=actor,
        changes={"letter": ["", letter.number], "delivered_on": [None, delivered_on]}, message=letter.delivery_note,
    )  # fmt: skip
    return letter


def _send(letter_id: int) -> None:
    """Queue the e-mail of the letter; a queue failure never loses the letter (it can be re-sent)."""
    try:
        from .tasks import send_letter

        send_letter.enqueue(letter_id)
    except Exception:  # noqa: BLE001
        log.exception("letter %s not queued for e-mail", letter_id)


def html(letter: Letter) -> str:
    return render_to_string(
        "applications/letter.html",
        {"letter": letter, "unit": letter.application.handling_unit, "paragraphs": letter.body.split("\n")},
    )


def pdf(letter: Letter) -> bytes:
    from weasyprint import HTML

    return HTML(string=html(letter)).write_pdf()


def docx(letter: Letter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "FangSong"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    style.font.size = Pt(16)
    head = doc.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = head.add_run(letter.application.handling_unit.name + "\n" + letter.title)
    run.bold = True
    run.font.size = Pt(22)
    number = doc.add_paragraph(letter.number)
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for paragraph in letter.body.split("\n"):
        doc.add_paragraph(paragraph)
    for line in (letter.application.handling_unit.name, f"{letter.issued_on:%Y年%-m月%-d日}"):
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def file_response(letter: Letter, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404
    content = pdf(letter) if fmt == "pdf" else docx(letter)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    name = f"{letter.application.tracking_number}-{letter.kind}-{letter.pk}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
