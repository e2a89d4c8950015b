"""Staff API for the whole of casework (issue 12): every channel with its art. 31 receipt rule, the letters
(list, download, re-issue, delivery), the transfer and the fee notice's receipt; every notice e-mailed."""

import datetime as dt

import pytest

from django.core import mail

from gongkai.applications.models import Letter, LetterKind

from .helpers import VALID, at, bearer

pytestmark = pytest.mark.django_db
D = dt.date


def post(client, path, data, **headers):
    return client.post(path, data, content_type="application/json", **headers)


@pytest.mark.parametrize(
    ("channel", "extra", "received_on"),
    [
        ("in_person", {}, "2026-11-30"),  # art. 31(一): the day of submission
        (
            "oral",
            {"oral_record": "申请人口头申请公开本区养老服务补贴发放名单，工作人员代为填写。"},
            "2026-11-30",
        ),
        ("post_signed", {"signed_for_on": "2026-12-01"}, "2026-12-01"),  # art. 31(二): the day signed for
        ("post_ordinary", {}, None),  # art. 31(二): not until confirmed with the applicant
        ("fax", {"confirmed_on": "2026-12-01"}, "2026-12-01"),  # art. 31(三): the day both sides confirm
        ("online", {}, None),
    ],
)
def test_staff_register_on_every_channel_with_the_art31_receipt_day(
    client, unit, handler, django_capture_on_commit_callbacks, channel, extra, received_on
):
    payload = {**VALID, "handling_unit": unit.slug, "channel": channel, "submitted_on": "2026-11-30", **extra}
    with at(D(2026, 12, 2)), django_capture_on_commit_callbacks(execute=True):
        r = post(client, "/api/v1/applications/staff/cases", payload, **bearer(handler))
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["channel"] == channel and body["received_on"] == received_on
    assert body["verification_code"]
    if received_on:
        assert body["due_date"] and body["letters"][0]["kind"] == LetterKind.ACKNOWLEDGEMENT
        # The acknowledgement letter reaches the applicant by e-mail, as PDF.
        sent = [m for m in mail.outbox if m.attachments]
        assert sent and sent[0].to == [VALID["email"]] and sent[0].attachments[0][2] == "application/pdf"
    else:
        assert body["due_date"] is None and body["letters"] == []


def test_staff_registration_is_refused_with_reasons(client, unit, other_unit, handler):
    base = {**VALID, "handling_unit": unit.slug, "submitted_on": "2026-11-30"}
    with at(D(2026, 12, 2)):
        r = post(
            client, "/api/v1/applications/staff/cases", {**base, "channel": "post_signed"}, **bearer(handler)
        )
        assert r.status_code == 422 and "signed_for_on" in r.json()["fields"]
        r = post(client, "/api/v1/applications/staff/cases", {**base, "channel": "oral"}, **bearer(handler))
        assert r.status_code == 422 and "oral_record" in r.json()["fields"]
        r = post(
            client, "/api/v1/applications/staff/cases",
            {**base, "channel": "in_person", "submitted_on": "2026-12-09"}, **bearer(handler),
        )  # fmt: skip
        assert r.status_code == 422
        r = post(
            client, "/api/v1/applications/staff/cases",
            {**base, "channel": "in_person", "handling_unit": other_unit.slug}, **bearer(handler),
        )  # fmt: skip
        assert r.status_code in (403, 422)


def test_letters_are_listed_downloaded_reissued_and_delivery_recorded(
    client, unit, handler, other_handler, django_capture_on_commit_callbacks
):
    payload = {**VALID, "handling_unit": unit.slug, "channel": "in_person", "submitted_on": "2026-11-30"}
    h = bearer(handler)
    with at(D(2026, 12, 2)):
        with django_capture_on_commit_callbacks(execute=True):
            tn = post(client, "/api/v1/applications/staff/cases", payload, **h).json()["tracking_number"]
        base = f"/api/v1/applications/staff/cases/{tn}"
        # A correction through the API issues its notice and e-mails it (no web view involved).
        with django_capture_on_commit_callbacks(execute=True):
            r = post(
                client,
                f"{base}/correction",
                {"notice_on": "2026-12-02", "items": "请写明所需信息的文号"},
                **h,
            )
        assert r.status_code == 200, r.content
        listing = client.get(f"{base}/letters", **h).json()["letters"]
        assert [x["kind"] for x in listing] == ["acknowledgement", "correction"]
        assert all(x["emailed_at"] for x in listing)
        pdf = client.get(f"{base}/letters/{listing[1]['id']}.pdf", **h)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        assert client.get(f"{base}/letters/{listing[1]['id']}.exe", **h).status_code == 404
        assert client.get(f"{base}/letters", **bearer(other_handler)).status_code == 404
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            assert post(client, f"{base}/letters/{listing[1]['id']}/reissue", {}, **h).status_code == 200
        assert len(mail.outbox) == before + 1
        delivery = f"{base}/letters/{listing[1]['id']}/delivery"
        assert (
            post(client, delivery, {"delivered_on": "2026-12-02", "note": "电子送达"}, **h).status_code == 200
        )
        assert post(client, delivery, {"delivered_on": "2026-11-01", "note": "x"}, **h).status_code == 422
    letter = Letter.objects.get(pk=listing[1]["id"])
    assert letter.delivered_on == D(2026, 12, 2) and letter.delivery_note == "电子送达"


def test_transfer_and_fee_notice_receipt(client, unit, handler):
    """Art. 36(5) names the agency; the fee is due 20 working days from the day after the applicant's receipt."""
    payload = {**VALID, "handling_unit": unit.slug, "channel": "in_person", "submitted_on": "2025-09-01"}
    h = bearer(handler)
    with at(D(2025, 9, 2)):
        tn = post(client, "/api/v1/applications/staff/cases", payload, **h).json()["tracking_number"]
        base = f"/api/v1/applications/staff/cases/{tn}"
        r = post(
            client,
            f"{base}/transfer",
            {"agency": "北京市规划和自然资源委员会", "contact": "010-55595000"},
            **h,
        )
        assert r.json()["transferred_to"] == "北京市规划和自然资源委员会"
        r = post(
            client,
            f"{base}/fee-notices",
            {"method": "per_page", "quantity": 300, "issued_on": "2025-09-02"},
            **h,
        )
        notice = r.json()["fee_notices"][0]
        assert notice["due_on"] == "2025-09-29"  # 20 working days after 09-02 (Sunday 09-28 is a make-up day)
    with at(D(2025, 9, 8)):
        r = post(client, f"{base}/fee-notices/{notice['id']}/received", {"on": "2025-09-05"}, **h)
        assert r.json()["fee_notices"][0]["due_on"] == "2025-10-10"  # from 09-06; National Day skipped


def test_reasonable_later_deadline_under_art35(client, unit, handler):
    """Art. 35: "可以确定延迟答复的合理期限并告知申请人" — the deadline is after the statutory one, has a reason,
    becomes the due date and is told to the applicant in a letter."""
    payload = {**VALID, "handling_unit": unit.slug, "channel": "in_person", "submitted_on": "2025-09-01"}
    h = bearer(handler)
    with at(D(2025, 9, 10)):
        tn = post(client, "/api/v1/applications/staff/cases", payload, **h).json()["tracking_number"]
        url = f"/api/v1/applications/staff/cases/{tn}/reasonable-deadline"
        too_early = post(
            client, url, {"decided_on": "2025-09-10", "deadline_on": "2025-09-15", "reason": "数量过多"}, **h
        )
        assert too_early.status_code == 422
        assert (
            post(
                client, url, {"decided_on": "2025-09-10", "deadline_on": "2025-12-31", "reason": " "}, **h
            ).status_code
            == 422
        )
        r = post(
            client,
            url,
            {"decided_on": "2025-09-10", "deadline_on": "2025-12-31", "reason": "一次申请300项信息"},
            **h,
        )
    body = r.json()
    assert (
        r.status_code == 200
        and body["due_date"] == "2025-12-31"
        and body["reasonable_deadline_on"] == "2025-12-31"
    )
    assert body["letters"][-1]["kind"] == LetterKind.DEADLINE


def test_ordinary_letter_arrival_is_kept_and_a_late_confirmation_needs_a_reason(client, unit, handler):
    """Art. 31(二): an ordinary letter is received the day receipt is confirmed with the applicant; the
    arrival day is recorded, unconfirmed letters are reminded about, and a late confirmation needs a reason."""
    from gongkai.applications.reminders import send_reminders

    handler.email = "h@example.org"
    handler.save()
    payload = {**VALID, "handling_unit": unit.slug, "channel": "post_ordinary", "submitted_on": "2025-09-01"}
    h = bearer(handler)
    with at(D(2025, 9, 1)):
        body = post(client, "/api/v1/applications/staff/cases", payload, **h).json()
    assert body["arrived_on"] == "2025-09-01" and body["received_on"] is None
    with at(D(2025, 9, 4)):
        send_reminders()
    reminder = next(m for m in mail.outbox if m.to == ["h@example.org"])
    assert body["tracking_number"] in reminder.body and "2025-09-01" in reminder.body
    base = f"/api/v1/applications/staff/cases/{body['tracking_number']}"
    with at(D(2025, 9, 10)):
        late = post(client, f"{base}/receipt", {"on": "2025-09-10"}, **h)
        assert late.status_code == 422 and "2025-09-01" in late.json()["message"]
        ok = post(
            client,
            f"{base}/receipt",
            {"on": "2025-09-10", "note": "申请人电话一直无法接通，9月10日确认"},
            **h,
        )
    assert ok.status_code == 200 and ok.json()["received_on"] == "2025-09-10"
