"""Content-Security-Policy on every page (issue 13); browser tests fail on any violation (conftest)."""

import pytest

pytestmark = pytest.mark.django_db


def test_portal_scripts_need_the_nonce_and_admin_keeps_its_inline_scripts(client):
    portal = client.get("/apply/")["Content-Security-Policy"]
    assert (
        "script-src 'self' 'nonce-" in portal
        and "unsafe-inline" not in portal.split("script-src")[1].split(";")[0]
    )
    assert "object-src 'none'" in portal and "frame-ancestors 'self'" in portal
    admin = client.get("/admin/login/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in admin and "nonce-" not in admin
