"""Hostile and broken input is refused clearly in Chinese, never a 500 (issue 13)."""

from unittest import mock

import pytest

from django.db import OperationalError

from .helpers import VALID, bearer, real_pdf, real_png

pytestmark = pytest.mark.django_db


def post(client, path, data, **headers):
    return client.post(path, data, content_type="application/json", **headers)


def test_negative_offset_and_limit_are_refused_not_crashed(client, handler):
    for query in ("offset=-1", "limit=0", "limit=100000", "offset=abc"):
        r = client.get(f"/api/v1/applications/staff/cases?{query}", **bearer(handler))
        assert r.status_code == 422, query
        assert "无效" in r.json()["message"] or "缺少" in r.json()["message"]


def test_empty_consultation_kind_is_a_rule_violation(client, unit, handler):
    payload = {**VALID, "handling_unit": unit.slug, "channel": "in_person", "submitted_on": "2026-12-01"}
    tn = post(client, "/api/v1/applications/staff/cases", payload, **bearer(handler)).json()[
        "tracking_number"
    ]
    r = post(
        client, f"/api/v1/applications/staff/cases/{tn}/consultations",
        {"kind": "", "party": "x", "sent_on": "2026-12-01"}, **bearer(handler),
    )  # fmt: skip
    assert r.status_code == 422 and r.json()["error"] == "rule_violated"


def test_lone_surrogate_and_oversize_text_are_refused(client, unit):
    r = post(
        client, "/api/v1/applications", {**VALID, "handling_unit": unit.slug, "description": "养老\ud800补贴"}
    )
    assert r.status_code == 422 and "description" in r.json()["fields"]
    r = post(
        client, "/api/v1/applications", {**VALID, "handling_unit": unit.slug, "description": "字" * 1_000_000}
    )
    assert r.status_code == 422 and "description" in r.json()["fields"]


def test_a_giant_body_gets_a_translated_json_400(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    r = client.post(
        "/api/v1/applications", "{" + '"a":"' + "x" * 4000 + '"}', content_type="application/json"
    )
    assert r.status_code == 400 and r.json()["error"] == "too_large" and "过大" in r.json()["message"]


def test_a_database_outage_is_a_503_json_with_retry_after(client, handler):
    with mock.patch(
        "gongkai.applications.models.ApplicationQuerySet.for_user",
        side_effect=OperationalError("server closed"),
    ):
        r = client.get("/api/v1/applications/staff/cases", **bearer(handler))
    assert r.status_code == 503 and r["Retry-After"] == "5" and r.json()["error"] == "service_unavailable"


@pytest.mark.parametrize(
    "content",
    [
        real_png() + b"<html><script>alert(1)</script></html>",  # PNG/HTML polyglot
        b"\xff\xd8\xff\xe0" + b"<html><body onload=alert(1)>",  # JPEG signature, no image
        b"%PDF-1.4\n<html><script>alert(1)</script>",  # PDF signature, HTML body
        b"%PDF-1.7\n" + b"0" * 400,  # does not parse as a PDF
    ],
)
def test_polyglots_and_fakes_are_refused_by_parsing(content):
    """Issue 13: uploads are checked by parsing, not by their first bytes."""
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.applications.attachments import validate_upload

    with pytest.raises(ValidationError):
        validate_upload(SimpleUploadedFile("x.pdf", content))
    assert validate_upload(SimpleUploadedFile("ok.png", real_png())) == "image/png"
    assert validate_upload(SimpleUploadedFile("ok.pdf", real_pdf())) == "application/pdf"


def test_nul_and_surrogates_in_the_url_are_refused_in_chinese(client, handler):
    r = client.get("/api/v1/applications/staff/cases?status=a%00b", **bearer(handler))
    assert r.status_code == 400 and "无效字符" in r.json()["message"]
    r = client.get("/api/v1/applications/GK%00X?code=1")
    assert r.status_code == 400


def test_staff_free_text_is_bounded(client, unit, handler):
    payload = {**VALID, "handling_unit": unit.slug, "channel": "in_person", "submitted_on": "2026-12-01"}
    tn = post(client, "/api/v1/applications/staff/cases", payload, **bearer(handler)).json()[
        "tracking_number"
    ]
    r = post(
        client, f"/api/v1/applications/staff/cases/{tn}/correction",
        {"notice_on": "2026-12-01", "items": "补" * 5000}, **bearer(handler),
    )  # fmt: skip
    assert r.status_code == 422 and r.json()["error"] == "invalid_input"


def test_the_schema_lists_the_agencies_one_may_apply_to(client, unit):
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert unit.slug in schema["ApplicationIn"]["properties"]["handling_unit"]["enum"]
    assert "enum" not in schema["PublicStatus"]["properties"]["handling_unit"]
