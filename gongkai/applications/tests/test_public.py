"""Public form: art. 29 fields, attachments (size and type), idempotency, status lookup."""

import datetime as dt

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.models import Application, Attachment

from .helpers import VALID, at, real_png

PNG = real_png()


def form_data(unit, **extra):
    data = {**VALID, "handling_unit": unit.pk, "idempotency_key": "form-key-1"}
    data["identity_proof"] = SimpleUploadedFile("id.png", PNG, content_type="image/png")
    data.update(extra)
    return data


@pytest.mark.django_db
def test_apply_page_reads_chinese(client, unit):
    resp = client.get("/apply/")
    assert resp.status_code == 200
    assert "申请" in resp.content.decode() and 'name="idempotency_key"' in resp.content.decode()


def test_double_submitted_form_creates_one_application(client, unit):
    """Never lose a submission, never duplicate it: the second POST with the same key returns the first."""
    with at(dt.date(2025, 9, 19)):
        first = client.post("/apply/", form_data(unit))
        second = client.post("/apply/", form_data(unit))
        page = client.get(first.url)
    assert first.status_code == second.status_code == 302
    assert first.url == second.url
    assert Application.objects.count() == 1
    app = Application.objects.get()
    assert app.tracking_number in page.content.decode()
    assert Attachment.objects.filter(application=app, kind="identity").count() == 1


def test_oversized_file_gets_a_clear_message(client, unit):
    big = SimpleUploadedFile(
        "big.pdf", b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024), content_type="application/pdf"
    )
    resp = client.post("/apply/", form_data(unit, identity_proof=big))
    assert resp.status_code == 200
    assert "10 MB" in resp.content.decode()
    assert Application.objects.count() == 0


def test_wrong_file_type_gets_a_clear_message(client, unit):
    exe = SimpleUploadedFile("id.png", b"MZ\x90\x00" + b"\x00" * 100, content_type="image/png")
    resp = client.post("/apply/", form_data(unit, identity_proof=exe))
    assert resp.status_code == 200 and "PDF" in resp.content.decode()
    assert Application.objects.count() == 0


def test_missing_fields_are_named(client, unit):
    resp = client.post("/apply/", {"handling_unit": unit.pk})
    assert resp.status_code == 200
    assert resp.content.decode().count('role="alert"') >= 3
    org = client.post("/apply/", form_data(unit, applicant_type="commercial"))
    assert org.status_code == 200 and Application.objects.count() == 0


def test_status_lookup(client, unit):
    with at(dt.date(2025, 9, 19)):
        client.post("/apply/", form_data(unit))
        app = Application.objects.get()
        code = client.session["gongkai_application_receipts"][app.tracking_number]
    ok = client.post(reverse("applications:status"), {"tracking_number": app.tracking_number, "code": code})
    page = ok.content.decode()
    assert 'id="status-result"' in page and VALID["applicant_name"] not in page
    assert unit.name in page and 'id="due-explanation"' in page
    # Issue 12: the code never travels in a URL — a GET with it in the query string looks nothing up.
    leaked = client.get(
        reverse("applications:status"), {"tracking_number": app.tracking_number, "code": code}
    )
    assert 'id="status-result"' not in leaked.content.decode()
    bad = client.post(
        reverse("applications:status"), {"tracking_number": app.tracking_number, "code": "NOPE2345"}
    )
    assert 'id="status-result"' not in bad.content.decode() and bad.status_code == 200
    unknown = client.post(reverse("applications:status"), {"tracking_number": "GK1", "code": "X"})
    assert unknown.status_code == 200
