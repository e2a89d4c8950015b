import pytest

from gongkai.assistant.models import Entry, ReviewStatus
from gongkai.organizations.factories import staff
from gongkai.organizations.models import Role

pytestmark = pytest.mark.django_db


def test_staff_screens_render_and_are_scoped(client, small_base, hrss):
    editor = staff(Role.UNIT_EDITOR, hrss)
    client.force_login(editor)
    listing = client.get("/admin/assistant_entry/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "SB004" in body and "HJ005" not in body  # HJ005 has no unit: not the editor's
    for url in ["/admin/assistant/review/", "/admin/assistant/questions/", "/admin/assistant/import/"]:
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/assistant/export/csv/").content.decode("utf-8-sig").startswith("id,question")


def test_editor_change_goes_to_review_and_reviewer_approves(client, small_base, hrss):
    entry = Entry.objects.get(external_id="SB004")
    client.force_login(staff(Role.UNIT_EDITOR, hrss))
    response = client.post(
        f"/admin/assistant_entry/edit/{entry.pk}/",
        {
            "external_id": "SB004",
            "question": entry.question,
            "variants": entry.variants,
            "answer": '{"blocks":[{"key":"a","text":"新答案","type":"unstyled","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
            "category": "社会保险",
            "unit": hrss.pk,
            "sources": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry.refresh_from_db()
    assert entry.status == ReviewStatus.PENDING
    client.force_login(staff(Role.UNIT_REVIEWER, hrss))
    assert "SB004" in client.get("/admin/assistant/review/").content.decode()
    client.post(f"/admin/assistant/review/{entry.pk}/approve/")
    entry.refresh_from_db()
    assert entry.status == ReviewStatus.APPROVED


def test_non_staff_cannot_use_the_screens(client, small_base):
    from gongkai.organizations.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get("/admin/assistant/questions/").status_code in (302, 403)
