"""Appeal cases: model rules, deadlines, permissions, the staff screens, and Table IV from them."""

import datetime as dt

import pytest

from django.core.exceptions import ValidationError

from gongkai.appeals.deadlines import answer_due, decision_due
from gongkai.appeals.factories import AppealCaseFactory
from gongkai.appeals.models import AppealCase, AppealKind, AppealResult
from gongkai.applications.factories import ApplicationFactory
from gongkai.organizations.factories import UnitFactory, staff
from gongkai.organizations.models import Role
from gongkai.reports.tables.table4 import compute_table4, table4_queryset

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_decided_case_needs_a_date_and_a_result():
    case = AppealCaseFactory.build(respondent_unit=UnitFactory(), result=AppealResult.UPHELD)
    with pytest.raises(ValidationError) as exc:
        case.full_clean()
    assert "decided_on" in exc.value.message_dict
    case.result, case.decided_on = AppealResult.PENDING, D(2025, 4, 1)
    with pytest.raises(ValidationError):
        case.full_clean()


def test_deadlines_from_filing_and_service():
    case = AppealCaseFactory.build(filed_on=D(2025, 3, 1))
    assert answer_due(case) == D(2025, 3, 11)  # 行政复议法 art. 48: 10 days
    assert decision_due(case) == D(2025, 4, 30)  # art. 62: 60 days
    case.kind, case.served_on = AppealKind.LITIGATION_DIRECT, D(2025, 3, 5)
    assert answer_due(case) == D(2025, 3, 20)  # 行政诉讼法 art. 67: 15 days
    case.filed_on = D(2025, 8, 31)
    assert decision_due(case) == D(2026, 2, 28)  # art. 81: 6 months


def test_table4_counts_each_group_and_result_as_of_31_december():
    unit = UnitFactory()
    AppealCaseFactory(respondent_unit=unit, filed_on=D(2025, 2, 1), decided=True)  # upheld in 2025
    AppealCaseFactory(
        respondent_unit=unit, filed_on=D(2025, 6, 1), result=AppealResult.CORRECTED, decided_on=D(2025, 9, 1)
    )
    AppealCaseFactory(
        respondent_unit=unit, kind=AppealKind.LITIGATION_DIRECT, filed_on=D(2025, 11, 1)
    )  # pending
    late = AppealCaseFactory(
        respondent_unit=unit,
        kind=AppealKind.LITIGATION_AFTER_RECONSIDERATION,
        filed_on=D(2025, 12, 1),
        result=AppealResult.OTHER,
        decided_on=D(2026, 2, 1),
    )
    AppealCaseFactory(respondent_unit=unit, filed_on=D(2024, 3, 1), decided_on=D(2024, 6, 1), result="upheld")
    table = compute_table4([unit.pk], 2025)
    assert table["reconsideration"] == {"upheld": 1, "corrected": 1, "other": 0, "pending": 0, "total": 2}
    assert table["litigation_direct"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}
    # Decided only in 2026: pending at the end of 2025, decided in the 2026 table (§1.6 item 7).
    assert table["litigation_after_reconsideration"]["pending"] == 1
    assert compute_table4([unit.pk], 2026)["litigation_after_reconsideration"]["other"] == 1
    assert list(table4_queryset([unit.pk], 2025, "litigation_after_reconsideration", "pending")) == [late]
    assert table4_queryset([unit.pk], 2025, "reconsideration", "total").count() == 2


def test_co_defendant_reconsideration_body_does_not_count_the_case():
    # §1.2: "行政复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量，不计算行政复议机关的案件数量".
    government, bureau = UnitFactory(), UnitFactory()
    AppealCaseFactory(
        respondent_unit=bureau,
        co_defendant_unit=government,
        kind=AppealKind.LITIGATION_AFTER_RECONSIDERATION,
        filed_on=D(2025, 5, 1),
    )
    assert compute_table4([bureau.pk], 2025)["litigation_after_reconsideration"]["total"] == 1
    assert compute_table4([government.pk], 2025)["litigation_after_reconsideration"]["total"] == 0
    # In the district total the case counts once.
    assert compute_table4([bureau.pk, government.pk], 2025)["litigation_after_reconsideration"]["total"] == 1


def test_unit_staff_see_only_their_cases():
    mine, other = UnitFactory(), UnitFactory()
    handler = staff(Role.UNIT_CASE_HANDLER, mine)
    evaluator = staff(Role.EVALUATOR, other)
    own = AppealCaseFactory(respondent_unit=mine)
    AppealCaseFactory(respondent_unit=other)
    assert list(AppealCase.objects.for_user(handler)) == [own]
    assert AppealCase.objects.for_user(evaluator).count() == 2
    assert AppealCase.objects.for_user(evaluator, action="handle_case").count() == 0


def test_cases_entered_through_the_screens_show_in_table4(client):
    unit = UnitFactory()
    handler = staff(Role.UNIT_CASE_HANDLER, unit)
    application = ApplicationFactory(handling_unit=unit, tracking_number="GK2025000777")
    client.force_login(handler)
    form = {
        "kind": "reconsideration",
        "case_number": "清复决字〔2025〕3号",
        "respondent_unit": unit.pk,
        "appellant_name": "李四",
        "reviewing_body": "清河区人民政府",
        "filed_on": "2025-04-01",
        "result": "pending",
        "tracking_numbers": "GK2025000777",
    }
    response = client.post("/admin/appeals/new/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = AppealCase.objects.get()
    assert list(case.applications.all()) == [application]
    assert case.answer_due_on == D(2025, 4, 11)
    assert compute_table4([unit.pk], 2025)["reconsideration"]["pending"] == 1

    response = client.post(
        f"/admin/appeals/edit/{case.pk}/",
        {**form, "result": "corrected", "decided_on": "2025-05-20", "tracking_numbers": "GK2025000777"},
    )
    assert response.status_code == 302
    assert compute_table4([unit.pk], 2025)["reconsideration"] == {
        "upheld": 0,
        "corrected": 1,
        "other": 0,
        "pending": 0,
        "total": 1,
    }
    from gongkai.core.audit import entries_for

    assert any((e.additional_data or {}).get("event") == "appeal_decided" for e in entries_for(case))

    # A tracking number that does not exist is a form error, not a 500.
    response = client.post("/admin/appeals/new/", {**form, "tracking_numbers": "GK-NOPE"})
    assert response.status_code == 200
    assert "GK-NOPE" in response.content.decode()


def test_another_units_case_is_not_reachable(client):
    mine, other = UnitFactory(), UnitFactory()
    handler = staff(Role.UNIT_CASE_HANDLER, mine)
    theirs = AppealCaseFactory(respondent_unit=other)
    AppealCaseFactory(respondent_unit=mine, case_number="MINE-1")
    client.force_login(handler)
    assert client.get(f"/admin/appeals/edit/{theirs.pk}/").status_code == 404
    page = client.get("/admin/appeals/").content.decode()
    assert "MINE-1" in page and theirs.case_number not in page
    # Nor can they create a case against another unit.
    response = client.post(
        "/admin/appeals/new/",
        {
            "kind": "reconsideration",
            "respondent_unit": other.pk,
            "appellant_name": "x",
            "reviewing_body": "y",
            "filed_on": "2025-04-01",
            "result": "pending",
        },
    )
    assert response.status_code == 200
    assert AppealCase.objects.filter(respondent_unit=other).count() == 1
