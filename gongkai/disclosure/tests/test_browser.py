"""As a new user would, in Chromium: an editor drafts an item with an attachment in the Wagtail admin
and submits it; the unit reviewer and the disclosure office approve (三审); a citizen on a phone
finds it by a word that occurs only in the attachment, opens it, sees every metadata field, and
reaches it from the catalogue."""

import datetime as dt

import pytest

from wagtail.models import WorkflowState

from gongkai.disclosure.factories import unit_column
from gongkai.disclosure.models import InformationItemPage
from gongkai.disclosure.structure import ensure_standard_columns
from gongkai.organizations.factories import UnitFactory, staff
from gongkai.organizations.models import Role

from .helpers import docx_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery"
SECRET_WORD = "职工花名册"


@pytest.fixture
def world(transactional_db):
    ensure_standard_columns()
    hrss = UnitFactory(name="清河区人力资源和社会保障局", slug="hrss", short_name="人社局")
    column = unit_column(hrss)
    from gongkai.disclosure.unit_access import unit_collection

    doc = docx_document("稳岗返还申领材料清单", f"申请单位需提交失业保险缴费凭证和{SECRET_WORD}复印件。")
    doc.collection = unit_collection(hrss)
    doc.save()
    return {
        "hrss": hrss,
        "column": column,
        "editor": staff(Role.UNIT_EDITOR, hrss, username="hrss_editor"),
        "reviewer": staff(Role.UNIT_REVIEWER, hrss, username="hrss_reviewer"),
        "office": staff(Role.OFFICE_ADMIN, UnitFactory(slug="gov-office"), username="gkb_admin"),
    }


def login(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_publish_through_review_then_find_by_attachment_word(
    world, live_server, desktop_page, phone_page, settings
):
    settings.ALLOWED_HOSTS = ["*"]
    base = live_server.url
    page = desktop_page

    # 1. The editor drafts the item in the admin, attaches the file and submits it for review.
    login(page, base, "hrss_editor")
    page.goto(f"{base}/admin/pages/add/disclosure/informationitempage/{world['column'].pk}/")
    page.fill("#id_title", "关于做好2026年稳岗返还工作的通知")
    page.select_option("#id_unit", str(world["hrss"].pk))
    page.fill("#id_document_number", "清人社发〔2026〕9号")
    page.fill("#id_date_written", "2026-03-02")
    page.select_option("#id_genre", "notice")
    page.select_option("#id_subject_category", "labour")
    page.fill("#id_keywords", "稳岗返还 失业保险")
    page.fill("#id_summary", "明确2026年稳岗返还的对象、标准和申领程序。")
    page.click("#id_attachments-ADD")
    page.locator("#inline_child_attachments-0 .chooser__choose-button").click()
    page.locator("a[data-chooser-modal-choice]", has_text="稳岗返还申领材料清单").click()
    page.wait_for_selector(
        "#inline_child_attachments-0 .chooser__title:has-text('稳岗返还申领材料清单')", state="attached"
    )
    page.wait_for_timeout(300)
    with page.expect_navigation():
        page.eval_on_selector('button[name="action-submit"]', "button => button.click()")
    errors = page.locator(".error-message, .w-field__errors").all_inner_texts()
    assert not [e for e in errors if e.strip()], errors
    item = InformationItemPage.objects.get(title="关于做好2026年稳岗返还工作的通知")
    assert not item.live and item.index_number is None
    assert item.get_latest_revision_as_object().attachments.count() == 1

    # 2. Unit review, then the disclosure office's review (the same calls the admin's buttons make).
    state = WorkflowState.objects.get(
        base_content_type__isnull=False, object_id=str(item.pk), status="in_progress"
    )
    state.current_task_state.approve(user=world["reviewer"], comment="同意")
    state.refresh_from_db()
    assert not InformationItemPage.objects.get(pk=item.pk).live
    state.current_task_state.approve(user=world["office"], comment="同意公开")
    item.refresh_from_db()
    assert item.live and item.index_number

    # 3. A citizen on a phone searches for a word that is only in the attachment.
    phone = phone_page
    phone.goto(base + "/")
    phone.fill("#header-q", SECRET_WORD)
    phone.press("#header-q", "Enter")
    phone.wait_for_url("**/search/**")
    result = phone.get_by_role("link", name="关于做好2026年稳岗返还工作的通知")
    assert result.count() == 1
    assert phone.locator("mark", has_text="花名册").count() >= 1
    result.click()
    phone.wait_for_url(f"**{item.url}")
    metadata = phone.locator("table.meta-table").inner_text()
    for value in [
        item.index_number,
        "清河区人力资源和社会保障局",
        "清人社发〔2026〕9号",
        "2026-03-02",
        item.date_published.isoformat(),
        "稳岗返还 失业保险",
        "有效",
        "通知公告",
        "劳动、人事、社会保障",
    ]:
        assert value in metadata, value
    assert phone.get_by_role("link", name="稳岗返还申领材料清单").count() == 1
    # Nothing overflows the 390px screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    # 4. The catalogue lists it and leads to it.
    phone.goto(base + "/catalogue/")
    phone.get_by_role("link", name="关于做好2026年稳岗返还工作的通知").click()
    phone.wait_for_url(f"**{item.url}")
    assert item.date_written == dt.date(2026, 3, 2)
