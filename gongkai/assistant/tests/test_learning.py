import pytest

from gongkai.assistant import kb, learning, proposals
from gongkai.assistant.answering import answer
from gongkai.assistant.models import Band, Channel, Entry, Origin, ReviewStatus
from gongkai.core.audit import entries_for
from gongkai.organizations.factories import staff
from gongkai.organizations.models import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text, hidden",
    [
        ("我的身份证号110101199003071234怎么查", "110101199003071234"),
        ("电话010-69701234打不通", "69701234"),
        ("邮箱a.b@example.com", "a.b@example.com"),
        ("我叫张三丰想问低保", "张三丰"),
    ],
)
def test_personal_data_is_redacted(text, hidden):
    assert hidden not in learning.redact(text)


def test_unanswered_questions_are_grouped_by_meaning(small_base):
    for question in ["护照怎么办理", "护照在哪里办理", "如何办护照", "今天天气怎么样"]:
        outcome = answer(question)
        learning.log_question(question, outcome.result, Channel.WIDGET, outcome.query_vector)
    groups = learning.attention_groups()
    assert sum(g.count for g in groups) == 4
    biggest = groups[0]
    assert biggest.count >= 2 and all("护照" in t for t in biggest.examples)
    draft = learning.draft_from_group(biggest.examples, user=None)
    assert draft.status == ReviewStatus.DRAFT and draft.origin == Origin.LEARNED and "护照" in draft.question


def test_review_follows_unit_permissions_and_is_audited(small_base, hrss):
    entry = Entry.objects.get(external_id="SB004")
    editor = staff(Role.UNIT_EDITOR, hrss)
    reviewer = staff(Role.UNIT_REVIEWER, hrss)
    outsider = staff(Role.UNIT_EDITOR)
    with pytest.raises(kb.PermissionDenied):
        kb.submit_for_review(entry, outsider)
    kb.submit_for_review(entry, editor)
    assert Entry.objects.live().filter(pk=entry.pk).count() == 0
    with pytest.raises(kb.PermissionDenied):
        kb.approve(entry, editor)
    with pytest.raises(kb.ValidationError):
        kb.reject(entry, reviewer, note="")
    kb.approve(entry, reviewer, note="ok")
    assert Entry.objects.live().filter(pk=entry.pk).exists()
    events = [e.additional_data.get("event") for e in entries_for(entry) if e.additional_data]
    assert "assistant_entry_approved" in events and "assistant_entry_submitted" in events


def test_proposals_from_unit_data_are_idempotent_and_accepted_by_staff(small_base, hrss):
    counts = proposals.propose_all()
    assert counts["created"] >= 3 + len(proposals.RULES)
    phone = Entry.objects.get(proposal_key="unit-hrss-phone")
    assert phone.status == ReviewStatus.PROPOSED and "010-69700009" in phone.answer
    assert proposals.propose_all()["created"] == 0
    admin = staff(Role.OFFICE_ADMIN)
    proposals.accept(phone, admin)
    hrss.office_phone = "010-11111111"
    hrss.save()
    proposals.propose_all()
    phone.refresh_from_db()
    assert phone.status == ReviewStatus.APPROVED and "010-69700009" in phone.answer  # staff decision sticks
    assert answer("清河区人力资源和社会保障局的联系电话是多少？").result.answer_id == phone.external_id


def test_band_counts_feed_attention_list(small_base):
    outcome = answer("结婚登记要带什么")
    log = learning.log_question("结婚登记要带什么", outcome.result, Channel.API, outcome.query_vector)
    assert log.band == Band.ANSWER
    learning.rate(log.public_id, helpful=False)
    assert [g.not_helpful for g in learning.attention_groups()] == [1]
