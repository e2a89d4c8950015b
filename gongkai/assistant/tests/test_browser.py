"""As a new user would: on a phone-sized screen, ask Pingping and get the answer with its sources."""

import pytest

pytestmark = pytest.mark.browser


def test_widget_answers_on_a_phone_with_sources(transactional_db, small_base, live_server, phone_page):
    page = phone_page
    page.goto(f"{live_server.url}/assistant/")
    question = page.get_by_label("您的问题")
    question.fill("社保卡弄丢了怎么补")
    question.press("Enter")
    answer = page.locator(".qa-log .qa-answer").first
    answer.wait_for(timeout=15_000)
    assert "社会保障卡遗失" in answer.inner_text()
    sources = page.locator(".qa-log .qa-sources a")
    assert sources.count() >= 2
    assert sources.first.get_attribute("href") == "/zwgk/bszn/sbk/"
    assert page.locator(".qa-log[aria-live=polite]").count() == 1
    # The panel fits the phone screen and the answer can be rated.
    box = page.locator(".qa-panel").bounding_box()
    assert box["width"] <= 390
    page.get_by_role("button", name="有帮助").first.click()
    page.get_by_text("感谢您的评价").wait_for(timeout=5_000)


def test_widget_says_when_it_does_not_know_and_gives_a_phone(
    transactional_db, small_base, live_server, phone_page
):
    page = phone_page
    page.goto(f"{live_server.url}/assistant/")
    page.get_by_label("您的问题").fill("推荐一部好看的电影")
    page.get_by_role("button", name="发送").click()
    contact = page.locator(".qa-log .qa-contact").first
    contact.wait_for(timeout=15_000)
    assert "010-69700001" in contact.inner_text()
