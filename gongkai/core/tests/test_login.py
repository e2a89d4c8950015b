"""Staff log-in: Argon2 hashing, lock-out after repeated failures, optional TOTP."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings as django_settings
from django.contrib.auth.hashers import identify_hasher
from django.urls import reverse

from gongkai.organizations.factories import UnitFactory, staff
from gongkai.organizations.models import Role

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def test_production_hasher_is_argon2():
    import gongkai.settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_argon2_hash(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = staff(Role.UNIT_EDITOR)
    user.set_password(PASSWORD)
    assert identify_hasher(user.password).algorithm == "argon2"


def login(client, username, password, token=None):
    data = {"username": username, "password": password}
    if token is not None:
        data["otp_token"] = token
    return client.post(reverse("wagtailadmin_login"), data)


def test_staff_log_in_to_the_admin_in_chinese(client):
    user = staff(Role.UNIT_EDITOR, UnitFactory())
    page = client.get(reverse("wagtailadmin_login"))
    assert "登录" in page.content.decode()
    response = login(client, user.username, PASSWORD)
    assert response.status_code == 302
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert 'lang="zh-hans"' in dashboard.content.decode().lower()


def test_lock_out_after_repeated_failures(client):
    user = staff(Role.UNIT_EDITOR)
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        login(client, user.username, "wrong-password")
    response = login(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert "锁定" in response.content.decode()


def test_totp_is_required_once_set_up(client):
    user = staff(Role.OFFICE_ADMIN)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    response = login(client, user.username, PASSWORD)
    assert response.status_code == 200
    assert "验证码" in response.content.decode()
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = login(client, user.username, PASSWORD, token=token)
    assert response.status_code == 302
    assert client.session.get("otp_device_id")


def test_a_wrong_totp_code_is_refused(client):
    user = staff(Role.OFFICE_ADMIN)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    response = login(client, user.username, PASSWORD, token="000000")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_two_factor_setup_page(client):
    user = staff(Role.UNIT_EDITOR)
    client.force_login(user)
    response = client.get(reverse("gongkai_twofactor"))
    assert response.status_code == 200
    assert "<svg" in response.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    client.post(reverse("gongkai_twofactor"), {"token": token})
    device.refresh_from_db()
    assert device.confirmed
