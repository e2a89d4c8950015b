"""As a person would: the zh-Hans home page and the staff login to the Wagtail admin, in Chromium."""

import pytest

from django.core.management import call_command

from gongkai.organizations.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    with open("/dev/null", "w") as null:
        call_command("load_demo", "--quiet", "--only", "organizations,disclosure", stdout=null)


def test_home_page_and_staff_login(demo, live_server, desktop_page, settings):
    settings.ALLOWED_HOSTS = ["*"]
    page = desktop_page
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "清河区" in page.title() or "清河区" in page.content()

    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "hrss_editor")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    assert page.locator("html").get_attribute("lang").lower() == "zh-hans"
    assert "控制面板" in page.title()
