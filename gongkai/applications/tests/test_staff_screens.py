"""Staff screens: scoping, case page, actions, export, private files."""

import datetime as dt
import io

from openpyxl import load_workbook

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications import intake
from gongkai.applications.forms import APPLICANT_FIELDS
from gongkai.applications.models import Status

from .helpers import VALID, at, real_pdf

PDF = real_pdf()


def make(unit, **kw):
    data = {**{k: v for k, v in VALID.items() if k in APPLICANT_FIELDS}, "handling_unit": unit, **kw}
    up = SimpleUploadedFile("id.pdf", PDF, content_type="application/pdf")
    with at(dt.date(2025, 9, 19)):
        return intake.submit(data, [("identity", up)]).application


def test_units_see_only_their_cases_on_screens(client, unit, other_unit, handler, other_handler):
    """Architecture: "unit A never sees unit B's cases"."""
    mine = make(unit)
    client.force_login(other_handler)
    resp = client.get("/admin/applications/")
    assert resp.status_code == 200 and mine.tracking_number not in resp.content.decode()
    assert client.get(f"/admin/applications/{mine.tracking_number}/").status_code == 404
    att = mine.attachments.get()
    assert client.get(f"/admin/applications/{mine.tracking_number}/files/{att.pk}/").status_code == 404
    client.force_login(handler)
    assert mine.tracking_number in client.get("/admin/applications/").content.decode()
    page = client.get(f"/admin/applications/{mine.tracking_number}/")
    assert page.status_code == 200 and VALID["applicant_name"] in page.content.decode()
    f = client.get(f"/admin/applications/{mine.tracking_number}/files/{att.pk}/")
    assert f.status_code == 200 and b"".join(f.streaming_content) == PDF


def test_case_flow_on_screens_and_export(client, unit, handler, reviewer, office):
    app = make(unit)
    tn = app.tracking_number
    with at(dt.date(2025, 9, 22)):
        client.force_login(handler)
        client.post(f"/admin/applications/{tn}/do/confirm_receipt/", {"on": "2025-09-22"})
        client.post(f"/admin/applications/{tn}/do/draft/", {"outcome": "granted", "text": "予以公开"})
        client.force_login(reviewer)
        client.post(f"/admin/applications/{tn}/do/approve/", {})
        client.force_login(office)
        client.post(f"/admin/applications/{tn}/do/sign/", {"on": "2025-09-22"})
    client.force_login(office)  # the session made under time travel has expired by now
    app.refresh_from_db()
    assert app.status == Status.CLOSED and app.outcome == "granted" and app.closed_on == dt.date(2025, 9, 22)
    assert [x.kind for x in app.letters.all()] == ["acknowledgement", "reply"]
    reply = app.letters.get(kind="reply")
    assert "60日内" in reply.body and "6个月内" in reply.body and "第三十六条" in reply.body
    pdf = client.get(f"/admin/applications/{tn}/letters/{reply.pk}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    docx = client.get(f"/admin/applications/{tn}/letters/{reply.pk}.docx")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    xlsx = client.get("/admin/applications/?format=xlsx")
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    assert ws.max_row == 2 and ws.cell(2, 1).value == tn
    bad = client.post(f"/admin/applications/{tn}/do/extend/", {"on": "bad", "days": "x"})
    assert bad.status_code == 302


def test_evaluator_sees_case_without_applicant_data(client, unit):
    from gongkai.organizations.factories import staff
    from gongkai.organizations.models import Role

    app = make(unit)
    evaluator = staff(Role.EVALUATOR, username="evaluator")
    client.force_login(evaluator)
    page = client.get(f"/admin/applications/{app.tracking_number}/")
    assert page.status_code == 200 and VALID["id_document_number"] not in page.content.decode()


def test_dashboard_shows_each_role_its_own_queues(client, unit, other_unit, handler, reviewer, office):
    """Issue 11: a dashboard panel per role — my cases due soon and overdue, decisions awaiting my review."""
    import datetime as dt

    from gongkai.applications import decisions
    from gongkai.applications.factories import ApplicationFactory
    from gongkai.applications.outcomes import Outcome, default_basis

    from .helpers import at

    with at(dt.date(2025, 10, 20)):
        overdue = ApplicationFactory(
            handling_unit=unit, received_on=dt.date(2025, 9, 1), due_on=dt.date(2025, 9, 29)
        )
        other = ApplicationFactory(
            handling_unit=other_unit, received_on=dt.date(2025, 9, 1), due_on=dt.date(2025, 9, 29)
        )
        review = ApplicationFactory(
            handling_unit=unit, received_on=dt.date(2025, 10, 10), due_on=dt.date(2025, 11, 7)
        )
        draft = decisions.draft(
            review,
            handler,
            outcome=Outcome.GRANTED,
            legal_basis=default_basis(Outcome.GRANTED).articles,
            text="予以公开。",
        )
        decisions.submit(draft, handler)
        client.force_login(handler)
        page = client.get("/admin/").content.decode()
        assert (
            'id="my-cases"' in page and overdue.tracking_number in page and other.tracking_number not in page
        )
        client.force_login(reviewer)
        page = client.get("/admin/").content.decode()
        assert review.tracking_number in page and overdue.tracking_number not in page
        client.force_login(office)
        assert client.get("/admin/").status_code == 200


def test_inbox_is_a_wagtail_report_with_filters_sorting_and_chinese_export(client, unit, other_unit, handler):
    """Issue 11: the inbox is a Wagtail listing (filters, sorting, pagination, CSV/XLSX with Chinese
    headings), scoped to the user's units, with no personal data in the export."""
    import io

    from openpyxl import load_workbook

    from gongkai.applications.factories import ApplicationFactory

    mine = ApplicationFactory(handling_unit=unit, applicant_name="王秘密")
    theirs = ApplicationFactory(handling_unit=other_unit)
    client.force_login(handler)
    page = client.get("/admin/applications/?ordering=-due_on").content.decode()
    assert mine.tracking_number in page and theirs.tracking_number not in page
    assert client.get("/admin/applications/results/?status=closed").status_code == 200
    xlsx = client.get("/admin/applications/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    headings = [c.value for c in sheet[1]]
    assert "受理编号" in headings and any(h and h.startswith("承办") for h in headings), headings
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert mine.tracking_number in values and theirs.tracking_number not in values and "王秘密" not in values
    csv_text = b"".join(client.get("/admin/applications/?export=csv").streaming_content).decode()
    assert mine.tracking_number in csv_text
