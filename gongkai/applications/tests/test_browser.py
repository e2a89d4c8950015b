"""A real Chromium: an applicant applies on a phone-sized screen, the disclosure office closes the case."""

import pytest

from gongkai.applications.models import Application, Status
from gongkai.organizations.factories import UnitFactory, staff
from gongkai.organizations.models import Role

from .helpers import real_png

PNG = real_png()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_apply_on_phone_and_staff_close(live_server, phone_page, desktop_page, tmp_path):
    unit = UnitFactory(slug="hrss-b", name="测试区人力资源和社会保障局")
    office = staff(Role.OFFICE_ADMIN, UnitFactory(slug="gov-office-b"), username="office_b")
    proof = tmp_path / "id.png"
    proof.write_bytes(PNG)

    page = phone_page
    page.goto(f"{live_server.url}/apply/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 392  # no sideways scrolling at 390px
    page.select_option("#id_handling_unit", str(unit.pk))
    page.check("input[name=applicant_type][value=natural]")
    page.fill("#id_applicant_name", "王小明")
    page.select_option("#id_id_document_type", "resident_id")
    page.fill("#id_id_document_number", "110101199001011234")
    page.set_input_files("#id_identity_proof", str(proof))
    page.fill("#id_phone", "13900000000")
    page.fill("#id_email", "wxm@example.org")
    page.fill("#id_description", "2025年本区就业补贴发放情况")
    page.check("input[name=information_form][value=electronic]")
    page.check("input[name=delivery_method][value=email]")
    page.click("#apply-submit")
    page.wait_for_selector("#tracking-number")
    tracking = page.inner_text("#tracking-number").strip()
    code = page.inner_text("#verification-code").strip()
    assert Application.objects.filter(tracking_number=tracking).count() == 1

    admin = desktop_page
    admin.goto(f"{live_server.url}/admin/login/")
    admin.fill("input[name=username]", "office_b")
    admin.fill("input[name=password]", "correct-horse-battery")
    admin.click("button[type=submit]")
    admin.wait_for_url("**/admin/**")
    admin.goto(f"{live_server.url}/admin/applications/{tracking}/")
    admin.click("#do-confirm")
    admin.wait_for_selector("#draft-form")
    admin.select_option("#draft-outcome", "granted")
    admin.fill("#draft-text", "经查，您申请的信息可以公开，现予提供。")
    admin.click("#do-draft")
    admin.click("#do-approve")
    admin.click("#do-sign")
    admin.wait_for_selector("#case-outcome")
    app = Application.objects.get(tracking_number=tracking)
    assert app.status == Status.CLOSED and app.outcome == "granted" and office.pk

    page.goto(f"{live_server.url}/apply/status/")
    page.fill("#id_tracking_number", tracking)
    page.fill("#id_code", code)
    page.click("#status-lookup")
    assert "予以公开" in page.inner_text("#outcome")
