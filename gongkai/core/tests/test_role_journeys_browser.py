"""Each staff journey in a real Chromium, logged in as the role that does it in real life (issue 11):
a case handler drafts, the unit reviewer approves from the case page, the disclosure office signs; the
office makes the district's annual report for last year, drills into a figure, edits the narrative,
approves and publishes it; an evaluator reads the same screens without changing anything or seeing the
applicant's personal data. Every journey logs in as the role that does it."""

import datetime as dt

import pytest

from gongkai.applications.factories import ApplicationFactory
from gongkai.applications.models import Status
from gongkai.organizations.factories import UnitFactory, staff
from gongkai.organizations.models import Role, UnitKind
from gongkai.reports.models import AnnualReport, ReportStatus

PASSWORD = "correct-horse-battery"


def login(page, url, username):
    page.context.clear_cookies()
    page.goto(f"{url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/**")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_journeys_as_their_roles(live_server, desktop_page):
    district = UnitFactory(slug="district-j", name="甲区人民政府", kind=UnitKind.DISTRICT_GOVERNMENT)
    unit = UnitFactory(slug="hrss-j", name="甲区人力资源和社会保障局", parent=district)
    staff(Role.UNIT_CASE_HANDLER, unit, username="handler_j")
    staff(Role.UNIT_REVIEWER, unit, username="reviewer_j")
    staff(Role.OFFICE_ADMIN, UnitFactory(slug="office-j", parent=district), username="office_j")
    staff(Role.EVALUATOR, UnitFactory(slug="eval-j"), username="evaluator_j")
    today = dt.date.today()
    app = ApplicationFactory(
        handling_unit=unit, applicant_name="甲申请人", received_on=today - dt.timedelta(days=7),
        submitted_on=today - dt.timedelta(days=7), status=Status.IN_PROGRESS,
    )  # fmt: skip
    page, url = desktop_page, live_server.url
    case_url = f"{url}/admin/applications/{app.tracking_number}/"

    # The case handler drafts the decision and submits it for review.
    login(page, url, "handler_j")
    page.goto(case_url)
    page.select_option("#draft-outcome", "granted")
    page.fill("#draft-text", "经查，您申请的信息可以公开，现予提供。")
    page.click("#do-draft")
    page.wait_for_selector("text=审核")
    assert page.locator("#do-approve").count() == 0  # the drafter cannot approve their own decision

    # The unit reviewer approves from the case page.
    login(page, url, "reviewer_j")
    page.goto(case_url)
    page.click("#do-approve")
    page.wait_for_selector("#do-sign", state="detached")
    app.refresh_from_db()
    assert app.status == Status.SIGN_OFF

    # The disclosure office signs off; the reply letter is issued.
    login(page, url, "office_j")
    page.goto(case_url)
    page.click("#do-sign")
    page.wait_for_selector("#case-outcome")
    app.refresh_from_db()
    assert app.status == Status.CLOSED and app.letters.filter(kind="reply").exists()

    # The office makes the district government's annual report for last year.
    page.goto(f"{url}/admin/annual-reports/new/")
    page.select_option("#id_unit", str(district.pk))
    page.fill("#id_year", str(today.year - 1))
    page.select_option("#id_kind", "government")
    page.check("#id_include_subunits")
    page.locator("#w-editor-form button[type=submit]").first.click()
    page.wait_for_url("**/annual-reports/*/")
    report = AnnualReport.objects.get(unit=district, year=today.year - 1)
    assert "甲区" in page.content()
    page.locator("a[href*='/cell/']").first.click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").split("/")[-4] == "cell"
    page.goto(f"{url}/admin/annual-reports/edit/{report.pk}/")
    page.fill("#id_problems", "一是主动公开的及时性有待提高；二是依申请公开答复文书需进一步规范。")
    page.locator("#w-editor-form button[type=submit]").first.click()
    page.wait_for_url(f"**/annual-reports/{report.pk}/")
    for label in ("提交审核", "审核通过", "在门户网站公开"):
        page.get_by_role("button", name=label).click()
        page.wait_for_load_state()
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED and "及时性" in report.problems

    # The evaluator reads everything, changes nothing, and never sees the applicant.
    login(page, url, "evaluator_j")
    page.goto(case_url)
    text = page.content()
    assert "甲申请人" not in text and page.locator("#actions").count() == 0
    page.goto(f"{url}/admin/annual-reports/{report.pk}/")
    assert page.get_by_role("button", name="在门户网站公开").count() == 0
    response = page.goto(f"{url}/admin/annual-reports/edit/{report.pk}/")
    assert response.status in (403, 404) or "/admin/annual-reports/edit/" not in page.url
    response = page.goto(
        f"{url}/admin/applications/{app.tracking_number}/letters/{app.letters.first().pk}.pdf"
    )
    # Refused with a Chinese message (Wagtail sends a refused staff member back to the dashboard).
    assert response.status == 403 or page.url.rstrip("/").endswith("/admin")
    assert "%PDF" not in page.content() and ("抱歉" in page.content() or "权限" in page.content())
