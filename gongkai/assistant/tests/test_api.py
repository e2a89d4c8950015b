import pytest

from gongkai.assistant.models import Band, Feedback, QuestionLog

pytestmark = pytest.mark.django_db

ASK = "/api/v1/assistant/ask"


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()


def test_ask_answers_logs_without_personal_data_and_takes_feedback(client, small_base):
    response = client.post(
        ASK,
        {"question": "身份证掉了怎么办 我的电话13812345678", "channel": "widget"},
        content_type="application/json",
    )
    assert response.status_code == 200
    data = response.json()
    assert data["answer_id"] == "HJ003" and data["band"] == Band.ANSWER and data["sources"]
    log = QuestionLog.objects.get()
    assert "13812345678" not in log.text and "[手机号]" in log.text
    assert log.entry.external_id == "HJ003" and log.channel == "widget" and log.vector
    rated = client.post(
        "/api/v1/assistant/feedback",
        {"log_id": data["log_id"], "helpful": False},
        content_type="application/json",
    )
    assert rated.status_code == 200
    assert QuestionLog.objects.get().feedback == Feedback.NOT_HELPFUL
    missing = client.post(
        "/api/v1/assistant/feedback",
        {"log_id": "00000000-0000-0000-0000-000000000000", "helpful": True},
        content_type="application/json",
    )
    assert missing.status_code == 404


@pytest.mark.parametrize("question", ["", "问" * 10_000])
def test_bad_questions_get_422_with_a_message(client, small_base, question):
    response = client.post(ASK, {"question": question}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_question" and "问" in response.json()["message"]


def test_malformed_body_is_422_not_500(client, db):
    response = client.post(ASK, "not json", content_type="application/json")
    assert response.status_code in (400, 422)


def test_rate_limit_per_address(client, small_base, settings):
    settings.ASSISTANT_RATE_LIMIT_PER_MINUTE = 3
    codes = [
        client.post(ASK, {"question": "结婚登记"}, content_type="application/json").status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    limited = client.post(
        ASK, {"question": "x"}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert limited.status_code == 429 and "一分钟" in limited.json()["message"]
    other = client.post(
        ASK, {"question": "结婚登记"}, content_type="application/json", REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 200


def test_entry_endpoint_and_openapi_schema(client, small_base):
    assert client.get("/api/v1/assistant/entries/HJ005").json()["answer_id"] == "HJ005"
    assert client.get("/api/v1/assistant/entries/NOPE").status_code == 404
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/assistant/ask", "/api/v1/assistant/feedback", "/api/v1/assistant/hot"} <= set(paths)


def test_hot_questions_of_the_week(client, small_base):
    for _ in range(2):
        client.post(ASK, {"question": "如何办理结婚登记？"}, content_type="application/json")
    client.post(ASK, {"question": "居民身份证丢失后如何补办？"}, content_type="application/json")
    hot = client.get("/api/v1/assistant/hot").json()
    assert [h["answer_id"] for h in hot] == ["HJ005", "HJ003"] and hot[0]["asked"] == 2


def test_entry_page_and_assistant_page_show_the_widget(client, small_base):
    page = client.get("/assistant/q/SB004/")
    assert page.status_code == 200 and "社会保障卡遗失" in page.content.decode()
    assert client.get("/assistant/q/NOPE/").status_code == 404
    html = client.get("/assistant/").content.decode()
    assert 'class="qa-widget"' in html and 'aria-live="polite"' in html and 'for="qa-input"' in html
