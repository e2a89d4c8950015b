"""A year's report from records: identities, figures against an independent count, review and
publication, the downloads, the HTML import, deadlines."""

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.appeals.factories import AppealCaseFactory
from gongkai.applications.factories import FeeNoticeFactory
from gongkai.applications.models import Application
from gongkai.organizations.factories import UnitFactory, staff
from gongkai.organizations.models import Role, UnitKind
from gongkai.reports import workflow
from gongkai.reports.assembly import check_report, report_data
from gongkai.reports.deadlines import dashboard, deadline, send_due_reminders
from gongkai.reports.exports import export_report
from gongkai.reports.importers.html import parse_html
from gongkai.reports.importers.json import ImportFailed, parse
from gongkai.reports.models import AnnualReportPage, ReportKind, ReportStatus, Table2Entry
from gongkai.reports.services import create_report
from gongkai.reports.validation import validate

from .records import application

pytestmark = pytest.mark.django_db
D = dt.date
DATA = Path(__file__).parent / "data"


@pytest.fixture
def year_of_records():
    unit = UnitFactory()
    rows = [
        application(unit, "natural", D(2024, 12, 20)),  # carried over, still open
        application(unit, "natural", D(2024, 12, 28), D(2025, 1, 10), "granted"),
        application(unit, "commercial", D(2025, 3, 1), D(2025, 3, 20), "partial"),
        application(unit, "natural", D(2025, 4, 1), D(2025, 4, 15), "unable_not_held"),
        application(unit, "legal_service", D(2025, 5, 1), D(2025, 6, 1), "other_overdue_fee"),
        application(unit, "natural", D(2025, 12, 30)),  # carried forward
    ]
    Application.objects.bulk_create(rows)
    notice = FeeNoticeFactory(
        application=Application.objects.get(tracking_number=rows[4].tracking_number), amount_yuan=700
    )
    notice.issued_on = D(2025, 5, 10)
    notice.save()
    AppealCaseFactory(respondent_unit=unit, filed_on=D(2025, 7, 1), decided=True, decided_on=D(2025, 9, 1))
    Table2Entry.objects.create(
        unit=unit,
        year=2025,
        licensing_decisions=120,
        penalty_decisions=15,
        compulsion_decisions=2,
        fee_amount_wan=Decimal("3.5"),
    )
    return unit


def test_report_from_records_satisfies_every_identity_and_matches_the_records(year_of_records):
    unit = year_of_records
    report = create_report(unit=unit, year=2025, kind=ReportKind.UNIT)
    data = report_data(report)
    assert report.format == "2021" and len(data.table3) == 25
    assert validate(data).errors == []
    # Counted independently from the fixture above.
    assert data.table3["new_received"] == [2, 1, 0, 0, 1, 0, 4]
    assert data.table3["carried_over"][-1] == 2
    assert data.table3["total_processed"][-1] == 4
    assert data.table3["other_overdue_fee"] == [0, 0, 0, 0, 1, 0, 1]
    assert data.table3["carried_forward"] == [2, 0, 0, 0, 0, 0, 2]
    assert data.table4["reconsideration"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": 0,
        "total": 1,
    }
    assert data.table2["licensing"] == {"decisions": 120}
    assert data.table2["fees"]["amount_wan"] == Decimal("3.5")
    # Sections 一 and 六 are drafted from the figures; 六 states the processing fees.
    assert "共收到政府信息公开申请4件" in report.overview
    assert "发出收费通知1件" in report.other_matters and "收费金额700元" in report.other_matters
    assert "narrative.applications_received" not in check_report(report).rules()


def test_review_approval_and_publication(year_of_records, client):
    unit = year_of_records
    editor = staff(Role.UNIT_EDITOR, unit)
    reviewer = staff(Role.UNIT_REVIEWER, unit)
    outsider = staff(Role.UNIT_REVIEWER, UnitFactory())
    report = create_report(user=editor, unit=unit, year=2025, kind=ReportKind.UNIT, problems="问题与改进。")
    with pytest.raises(ValidationError):
        workflow.approve(report, reviewer)  # not submitted yet
    workflow.submit(report, editor)
    with pytest.raises(PermissionDenied):
        workflow.approve(report, outsider)
    workflow.approve(report, reviewer)
    assert report.status == ReportStatus.APPROVED and report.snapshot["table3"]["new_received"][-1] == 4
    # Records entered after approval do not change the approved report.
    Application.objects.bulk_create([application(unit, "natural", D(2025, 11, 1))])
    assert report_data(report).table3["new_received"][-1] == 4
    page = workflow.publish(report, reviewer)
    assert isinstance(page, AnnualReportPage) and page.live
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "三、收到和处理政府信息公开申请情况" in html and "结转下年度继续办理" in html
    assert client.get(f"/annual-reports/{report.pk}/json/").status_code == 200
    from gongkai.core.audit import entries_for

    events = [(e.additional_data or {}).get("event") for e in entries_for(report)]
    assert {"report_submitted", "report_approved", "report_published"} <= set(events)


def test_a_draft_is_not_downloadable_by_the_public(year_of_records, client):
    report = create_report(unit=year_of_records, year=2025)
    assert client.get(f"/annual-reports/{report.pk}/pdf/").status_code == 404


def test_downloads_open_and_show_the_tables(year_of_records):
    report = create_report(unit=year_of_records, year=2025)
    document = Document(io.BytesIO(export_report(report, "docx")[0]))
    text = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "一、本年新收政府信息公开申请数量" in text and "结果维持" in text and "行政许可" in text
    headings = [p.text for p in document.paragraphs]
    assert "六、其他需要报告的事项" in headings
    table3 = next(t for t in document.tables if len(t.rows) > 3 and "本年新收" in t.cell(3, 0).text)
    assert [c.text for c in table3.rows[3].cells][-7:] == ["2", "1", "0", "0", "1", "0", "4"]

    pdf = export_report(report, "pdf")[0]
    assert pdf.startswith(b"%PDF")
    from pypdf import PdfReader

    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "本年新收" in pdf_text.replace(" ", "").replace("\n", "")

    book = load_workbook(io.BytesIO(export_report(report, "xlsx")[0]))
    sheet = book["三、收到和处理申请"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] and str(r[0]).startswith("一、本年新收"))
    assert list(row[-7:]) == [2, 1, 0, 0, 1, 0, 4]

    exported = json.loads(export_report(report, "json")[0])
    data, findings = parse(exported)
    assert not findings and validate(data).errors == []


def test_html_page_of_a_published_report():
    html = (DATA / "changping_2021_national_layout.html").read_text(encoding="utf-8")
    assert 'rowspan="22"' in html
    data, findings = parse_html(html)
    expected, _ = parse(json.loads((DATA / "changping_2021_consistent.json").read_text(encoding="utf-8")))
    assert not findings
    assert (data.agency, data.year, data.format) == ("北京市昌平区人民政府", 2021, "2021")
    assert data.table3 == expected.table3
    assert data.table4 == expected.table4
    assert "全区共办理政府信息公开申请923件" in data.narrative["overview"]
    assert validate(data).valid
    # The same page with a figure changed is flagged.
    broken = html.replace("&nbsp;923&nbsp;", "&nbsp;925&nbsp;", 1)
    assert "table3.outcomes_sum" in validate(parse_html(broken)[0]).rules()


def test_a_page_that_is_not_a_report():
    with pytest.raises(ImportFailed) as failure:
        parse_html("<html><body><table><tr><td>天气</td></tr></table></body></html>")
    assert failure.value.findings[0].rule == "html.no_report_tables"


def test_check_screen_gives_a_message_for_bad_input(client):
    admin = staff(Role.OFFICE_ADMIN)
    client.force_login(admin)
    from django.core.files.uploadedfile import SimpleUploadedFile

    cases = (
        ("x.html", b"<p>hello</p>", "html.no_report_tables"),
        ("x.json", b"{oops", "schema.invalid_json"),
        ("x.json", b"\xff\xfe\x00", "schema.encoding"),
    )
    for name, content, rule in cases:
        response = client.post("/admin/annual-reports/check/", {"file": SimpleUploadedFile(name, content)})
        assert response.status_code == 200
        assert rule in response.content.decode()
    good = (DATA / "changping_2021_consistent.json").read_bytes()
    response = client.post("/admin/annual-reports/check/", {"file": SimpleUploadedFile("r.json", good)})
    assert "北京市昌平区人民政府" in response.content.decode()


def test_staff_screens_and_drill_down(year_of_records, client):
    unit = year_of_records
    editor = staff(Role.UNIT_EDITOR, unit)
    other_editor = staff(Role.UNIT_EDITOR, UnitFactory())
    report = create_report(unit=unit, year=2025)
    client.force_login(editor)
    page = client.get(f"/admin/annual-reports/{report.pk}/")
    assert page.status_code == 200
    cell = client.get(f"/admin/annual-reports/{report.pk}/cell/table3/carried_forward/natural/")
    assert cell.status_code == 200 and cell.content.decode().count("RPT") == 2
    assert client.get(f"/admin/annual-reports/{report.pk}/cell/table3/bogus/natural/").status_code == 404
    assert client.get(f"/admin/annual-reports/{report.pk}/download/docx/").status_code == 200
    client.force_login(other_editor)
    assert client.get(f"/admin/annual-reports/{report.pk}/").status_code == 404


def test_deadlines_and_reminders(settings):
    assert deadline(ReportKind.UNIT, 2025) == D(2026, 1, 31)
    assert deadline(ReportKind.DISTRICT_SUMMARY, 2025) == D(2026, 2, 20)
    assert deadline(ReportKind.GOVERNMENT, 2025) == D(2026, 3, 31)
    district = UnitFactory(kind=UnitKind.DISTRICT_GOVERNMENT)
    bureau = UnitFactory(parent=district)
    staff(Role.UNIT_EDITOR, bureau, email="editor@example.org")
    rows = dashboard(2025)
    assert {(r.unit, r.kind) for r in rows} >= {
        (bureau, ReportKind.UNIT),
        (district, ReportKind.DISTRICT_SUMMARY),
        (district, ReportKind.GOVERNMENT),
    }
    sent = send_due_reminders(D(2026, 1, 24))  # 7 days before 31 January
    assert any(s.unit == bureau for s in sent)
    assert any("editor@example.org" in m.to for m in mail.outbox)
    assert not [s for s in send_due_reminders(D(2026, 1, 24)) if s.unit == bureau]  # once only
