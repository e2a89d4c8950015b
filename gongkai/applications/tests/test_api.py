"""API scenarios: submission, status, the clock across holidays, scoping, decisions (art. 29–37)."""

import datetime as dt

import pytest

from gongkai.applications.models import Application, Status

from .helpers import VALID, at, bearer

D = dt.date


def post(client, path, data, **headers):
    return client.post(path, data, content_type="application/json", **headers)


@pytest.fixture
def submitted(client, unit):
    with at(D(2025, 9, 19)):
        resp = post(
            client, "/api/v1/applications", {**VALID, "handling_unit": unit.slug}, HTTP_IDEMPOTENCY_KEY="k-1"
        )
    assert resp.status_code == 201, resp.content
    return resp.json()


def test_double_submission_creates_one_application(client, unit, submitted):
    """Architecture: "make submission idempotent, and show the tracking number"."""
    with at(D(2025, 9, 19)):
        again = post(
            client, "/api/v1/applications", {**VALID, "handling_unit": unit.slug}, HTTP_IDEMPOTENCY_KEY="k-1"
        )
    assert again.status_code == 200
    assert again.json()["tracking_number"] == submitted["tracking_number"]
    assert again.json()["verification_code"] == submitted["verification_code"]
    assert Application.objects.count() == 1
    other = post(
        client,
        "/api/v1/applications",
        {**VALID, "handling_unit": unit.slug, "description": "别的"},
        HTTP_IDEMPOTENCY_KEY="k-1",
    )
    assert other.status_code == 409 and other.json()["message"]


def test_missing_fields_get_clear_messages(client, unit):
    resp = post(
        client, "/api/v1/applications", {**VALID, "handling_unit": unit.slug, "description": "", "phone": ""}
    )
    assert resp.status_code == 422
    body = resp.json()
    assert set(body["fields"]) >= {"description", "phone"} and body["message"]
    resp = post(client, "/api/v1/applications", {"applicant_name": "x"})
    assert resp.status_code == 422 and resp.json()["message"]
    resp = post(client, "/api/v1/applications", {**VALID, "handling_unit": "nope"})
    assert resp.status_code == 422 and "handling_unit" in resp.json()["fields"]


def test_status_needs_the_right_code(client, submitted, unit):
    tn = submitted["tracking_number"]
    ok = client.get(f"/api/v1/applications/{tn}", {"code": submitted["verification_code"]})
    assert ok.status_code == 200 and ok.json()["status"] == Status.SUBMITTED
    assert "applicant_name" not in ok.json() and "张三" not in ok.content.decode()
    assert client.get(f"/api/v1/applications/{tn}", {"code": "WRONG123"}).status_code == 404
    by_header = client.get(
        f"/api/v1/applications/{tn}", headers={"X-Verification-Code": submitted["verification_code"]}
    )
    assert by_header.status_code == 200 and by_header.json()["handling_unit"] == unit.name
    assert client.get("/api/v1/applications/GK000", {"code": "X"}).status_code == 404
    with at(D(2025, 9, 19)):
        b = post(
            client, "/api/v1/applications", {**VALID, "handling_unit": unit.slug, "applicant_name": "李四"}
        )
    # Another applicant's code does not open this case.
    assert (
        client.get(f"/api/v1/applications/{tn}", {"code": b.json()["verification_code"]}).status_code == 404
    )


def test_scenario_national_day_consultation_extension_and_close(
    client, submitted, unit, handler, reviewer, office, head
):
    """Art. 31(三) online: received the day both sides confirm; art. 33: consultation excluded, extension ≤ 20."""
    tn, h, o = submitted["tracking_number"], bearer(handler), bearer(office)
    hd = bearer(head)
    base = f"/api/v1/applications/staff/cases/{tn}"
    with at(D(2025, 9, 22)):
        r = post(client, f"{base}/receipt", {"on": "2025-09-22"}, **h)
        assert r.status_code == 200, r.content
        assert r.json()["received_on"] == "2025-09-22" and r.json()["due_date"] == "2025-10-24"
    with at(D(2025, 9, 26)):
        r = post(
            client,
            f"{base}/consultations",
            {"kind": "third_party", "party": "某公司", "sent_on": "2025-09-26"},
            **h,
        )
        assert r.json()["status"] == Status.CONSULTATION
    with at(D(2025, 10, 13)):
        r = post(client, f"{base}/consultations/end", {"answered_on": "2025-10-13", "answer": "同意"}, **h)
        assert r.json()["due_date"] == "2025-11-04"
    with at(D(2025, 10, 20)):
        r = post(
            client,
            f"{base}/extensions",
            {"approved_on": "2025-10-20", "working_days": 21, "reason": "x"},
            **hd,
        )
        assert r.status_code == 422 and "20" in r.json()["message"]
        r = post(
            client,
            f"{base}/extensions",
            {"approved_on": "2025-10-20", "working_days": 20, "reason": "档案调取"},
            **h,
        )
        assert r.status_code == 403
        r = post(
            client,
            f"{base}/extensions",
            {"approved_on": "2025-10-20", "working_days": 20, "reason": "档案调取"},
            **hd,
        )
        assert r.json()["due_date"] == "2025-12-02"
        kinds = [s["kind"] for s in r.json()["clock"]]
        assert kinds == ["running", "third_party", "running", "extension"]
    with at(D(2025, 11, 3)):
        r = post(
            client, f"{base}/decision", {"outcome": "partial", "text": "部分公开", "withheld_parts": []}, **h
        )
        assert r.status_code == 422
        r = post(
            client, f"{base}/decision", {"outcome": "granted", "legal_basis": "第十四条", "text": "公开"}, **h
        )
        assert r.status_code == 422  # basis does not fit the outcome (§1.9)
        parts = [{"description": "第三方商业信息", "ground": "deny_third_party", "reason": "第三方不同意"}]
        r = post(
            client,
            f"{base}/decision",
            {"outcome": "partial", "text": "部分公开", "withheld_parts": parts},
            **h,
        )
        assert r.json()["status"] == Status.REVIEW
        assert post(client, f"{base}/decision/approve", {}, **h).status_code == 403
        r = post(client, f"{base}/decision/approve", {}, **bearer(reviewer))
        assert r.json()["status"] == Status.SIGN_OFF
        assert post(client, f"{base}/decision/sign", {}, **bearer(reviewer)).status_code == 403
        r = post(client, f"{base}/decision/sign", {"replied_on": "2025-11-03"}, **o)
        body = r.json()
    assert (
        body["status"] == Status.CLOSED and body["outcome"] == "partial" and body["closed_on"] == "2025-11-03"
    )
    assert body["legal_basis"] == "第三十七条"
    # Every notice the law requires was issued through the API itself, not only the reply (issue 12).
    assert [x["kind"] for x in body["letters"]] == ["acknowledgement", "third_party", "extension", "reply"]
    # working days used: 09-23…26 (4) + 10-14…11-03 (15) = 19
    assert body["working_days_used"] == 19


def test_scenario_spring_festival_correction_restart(client, unit, handler):
    """Art. 30: the reply period restarts from receipt of the corrected application."""
    with at(D(2025, 1, 20)):
        r = post(client, "/api/v1/applications", {**VALID, "handling_unit": unit.slug})
        tn = r.json()["tracking_number"]
        base = f"/api/v1/applications/staff/cases/{tn}"
        h = bearer(handler)
        assert post(client, f"{base}/receipt", {"on": "2025-01-20"}, **h).json()["due_date"] == "2025-02-21"
    with at(D(2025, 1, 24)):
        r = post(client, f"{base}/correction", {"notice_on": "2025-01-24", "items": "请明确文件名称"}, **h)
        assert r.json()["status"] == Status.CORRECTION and r.json()["due_date_provisional"]
    with at(D(2025, 2, 10)):
        r = post(client, f"{base}/correction/received", {"on": "2025-02-10"}, **h)
    assert r.json()["due_date"] == "2025-03-10" and r.json()["working_days_used"] == 0


def test_units_cannot_see_each_others_cases(client, submitted, other_handler, office):
    """Architecture: "unit A never sees unit B's cases"."""
    tn = submitted["tracking_number"]
    r = client.get("/api/v1/applications/staff/cases", **bearer(other_handler))
    assert r.status_code == 200 and r.json()["count"] == 0
    assert client.get(f"/api/v1/applications/staff/cases/{tn}", **bearer(other_handler)).status_code == 404
    assert (
        post(
            client,
            f"/api/v1/applications/staff/cases/{tn}/receipt",
            {"on": "2025-09-22"},
            **bearer(other_handler),
        ).status_code
        == 404
    )
    assert client.get("/api/v1/applications/staff/cases", **bearer(office)).json()["count"] == 1
    assert client.get("/api/v1/applications/staff/cases").status_code == 401
    assert (
        client.get("/api/v1/applications/staff/cases", HTTP_AUTHORIZATION="Bearer gk_bad").status_code == 401
    )


def test_withdrawal_counts_as_other_other(client, submitted, handler):
    """§1.4/§1.9: a withdrawn application is closed as ``other_other``."""
    base = f"/api/v1/applications/staff/cases/{submitted['tracking_number']}"
    with at(D(2025, 9, 23)):
        post(client, f"{base}/receipt", {"on": "2025-09-22"}, **bearer(handler))
        r = post(
            client,
            f"{base}/close",
            {"outcome": "granted", "closed_on": "2025-09-23", "reason": "x"},
            **bearer(handler),
        )
        assert r.status_code == 422
        r = post(
            client,
            f"{base}/close",
            {"outcome": "other_other", "closed_on": "2025-09-23", "reason": "申请人撤回"},
            **bearer(handler),
        )
    assert r.json()["outcome"] == "other_other" and r.json()["status"] == Status.CLOSED


def test_openapi_schema_documents_the_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert "/api/v1/applications" in paths and "/api/v1/applications/{tracking_number}" in paths
    assert "/api/v1/applications/staff/cases/{tracking_number}/extensions" in paths
