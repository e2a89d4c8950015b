import pytest

from django.contrib.auth import get_user_model

from gongkai.organizations import permissions

pytestmark = pytest.mark.django_db


def test_public_user_can_register_and_has_no_staff_rights(client):
    response = client.post(
        "/accounts/register/",
        {
            "username": "citizen1",
            "email": "c@example.org",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="citizen1")
    assert not permissions.is_staff_member(user)
    assert not user.has_perm("wagtailadmin.access_admin")


def test_registration_errors_are_shown_in_chinese(client):
    response = client.post("/accounts/register/", {"username": "", "password1": "x", "password2": "y"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "必需字段" in html
    assert "输入的两个密码不一致" in html


def test_english_pages_under_en_prefix(client):
    response = client.get("/en/accounts/login/")
    assert response.status_code == 200
    assert "Log in" in response.content.decode()


def test_unreadable_api_body_gets_a_chinese_message(client):
    response = client.post("/api/v1/applications", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_body"
    assert "JSON" in response.json()["message"]
    assert "无法读取" in response.json()["message"]


def test_missing_staff_token_gets_a_chinese_message(client):
    response = client.get("/api/v1/applications/staff/cases")
    assert response.status_code == 401
    assert "令牌" in response.json()["message"]
