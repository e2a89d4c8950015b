"""The role × screen × unit matrix (issue 11).

Every staff URL is taken from the URL resolver and the admin viewset registry, not from a hand-kept
list: a new screen that is not classified in ``RULES`` fails ``test_every_staff_url_is_classified``.
For each URL, each role (anonymous, a citizen with an account, the editor, reviewer and case handler of
unit A and of unit B, the disclosure office, the evaluator) opens unit A's record, and the test asserts
exactly who gets it and who is refused, that listings never show unit B's records to unit A's staff,
that writes by refused roles change nothing, and that the applicant's personal data appears in no
response to a role not handling the case.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from auditlog.models import LogEntry

from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, reverse
from wagtail.admin.viewsets import viewsets as viewset_registry

from gongkai.appeals.factories import AppealCaseFactory
from gongkai.appeals.models import AppealDocument
from gongkai.applications import letters, tokens
from gongkai.applications.factories import ApplicationFactory
from gongkai.applications.models import Attachment, LetterKind, LetterTemplate
from gongkai.assistant.factories import EntryFactory, SynonymFactory
from gongkai.assistant.models import Entry
from gongkai.core.audit import record_event
from gongkai.disclosure.factories import StandardCatalogueEntryFactory
from gongkai.organizations.factories import UnitFactory, UserFactory, staff
from gongkai.organizations.models import Membership, Role
from gongkai.reports.models import AnnualReport, Table2Entry
from gongkai.reports.services import prepare
from gongkai.workdays.models import CalendarYear, DayOverride, OverrideKind

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("matrix")]

OUR_APPS = {
    "applications",
    "appeals",
    "assistant",
    "auditlog",
    "disclosure",
    "organizations",
    "reports",
    "workdays",
}
SECRET_A = "甲秘密申请人"  # the applicant of unit A's case: personal data
SECRET_ID = "110101199001011234"

A_STAFF = {"editor_a", "reviewer_a", "handler_a"}
B_STAFF = {"editor_b", "reviewer_b", "handler_b"}
ALL_STAFF = A_STAFF | B_STAFF | {"office", "evaluator"}
READ_A = A_STAFF | {"office", "evaluator"}
CONTENT_A = {"editor_a", "reviewer_a", "office"}
CASE_A = {"handler_a", "office"}
HANDLERS = {"handler_a", "handler_b", "office"}
CONTENT_ANY = {"editor_a", "reviewer_a", "editor_b", "reviewer_b", "office"}
OFFICE = {"office"}
OFFICE_READERS = {"office", "evaluator"}
ROLES = ["anonymous", "citizen", *sorted(A_STAFF), *sorted(B_STAFF), "office", "evaluator"]
PERSONAL_DATA_ROLES = {"handler_a", "office"}


def mirrored(roles: set) -> set:
    """A listing or a new record is not one unit's: unit B's roles get what unit A's get."""
    return roles | {r[:-1] + "b" for r in roles if r.endswith("_a")}


@dataclass(frozen=True)
class Rule:
    """Who may open the URL (GET) for unit A's record; ``record`` names the fixture record it takes."""

    allowed: set
    record: str | None = None
    method: str = "get"  # "post": only refused roles are tried, and must change nothing
    ok_status: int = 200


def viewset_rules(namespace, record, *, read, add, change, delete):
    rules = {
        "index": Rule(read),
        "index_results": Rule(read),
        "add": Rule(add),
        "edit": Rule(change, record),
        "delete": Rule(delete, record),
        "inspect": Rule(read, record),
        "history": Rule(change, record),
        "history_results": Rule(change, record),
        "usage": Rule(change, record),
        # Snippet viewsets name their views differently.
        "list": Rule(read),
        "list_results": Rule(read),
        "revisions_revert": Rule(change, record),
        "choose": Rule(read),
        "choose_results": Rule(read),
        "chosen": Rule(read, record),
        "chosen_multiple": Rule(read),
        "create": Rule(add),
        "copy": Rule(add, record),
    }
    return {f"{namespace}:{view}": rule for view, rule in rules.items()}


RULES: dict[str, Rule] = {
    **viewset_rules("annual_reports", "report", read=READ_A, add=CONTENT_ANY, change=CONTENT_A, delete=set()),
    **viewset_rules(
        "table2_figures", "table2", read=READ_A, add=CONTENT_ANY, change=CONTENT_A, delete=OFFICE
    ),
    **viewset_rules(
        "assistant_entry", "entry", read=READ_A, add=CONTENT_ANY, change=CONTENT_A, delete=OFFICE
    ),
    **viewset_rules("synonym", "synonym", read=ALL_STAFF, add=OFFICE, change=OFFICE, delete=OFFICE),
    **viewset_rules("appeals", "appeal", read=READ_A, add=HANDLERS, change=CASE_A, delete=CASE_A),
    **viewset_rules(
        "appeal_documents", "appeal_document", read=READ_A, add=HANDLERS, change=CASE_A, delete=CASE_A
    ),
    **viewset_rules("unit", "unit", read=READ_A, add=OFFICE, change=OFFICE, delete=OFFICE),
    **viewset_rules("membership", "membership", read=READ_A, add=OFFICE, change=OFFICE, delete=OFFICE),
    **viewset_rules("dayoverride", "day_override", read=ALL_STAFF, add=OFFICE, change=OFFICE, delete=OFFICE),
    **viewset_rules(
        "workdays_years", "calendar_year", read=ALL_STAFF, add=OFFICE, change=OFFICE, delete=OFFICE
    ),
    **viewset_rules(
        "wagtailsnippets_applications_lettertemplate",
        "letter_template",
        read=OFFICE,
        add=OFFICE,
        change=OFFICE,
        delete=OFFICE,
    ),
    **viewset_rules(
        "wagtailsnippets_disclosure_standardcatalogueentry",
        "catalogue_entry",
        read=ALL_STAFF,
        add=OFFICE,
        change=OFFICE,
        delete=OFFICE,
    ),
    **viewset_rules(
        "wagtailsnippetchoosers_applications_lettertemplate",
        "letter_template",
        read=OFFICE,
        add=OFFICE,
        change=OFFICE,
        delete=OFFICE,
    ),
    **viewset_rules(
        "wagtailsnippetchoosers_disclosure_standardcatalogueentry",
        "catalogue_entry",
        read=ALL_STAFF,
        add=OFFICE,
        change=OFFICE,
        delete=OFFICE,
    ),
    "audit_log:index": Rule(OFFICE_READERS),
    "audit_log:index_results": Rule(OFFICE_READERS),
    "audit_log:inspect": Rule(OFFICE_READERS, "log_entry"),
    # Casework.
    "applications_admin:inbox": Rule(ALL_STAFF),
    "applications_admin:inbox_results": Rule(ALL_STAFF),
    "applications_admin:register": Rule(HANDLERS),
    "applications_admin:case": Rule(READ_A, "application"),
    "applications_admin:action": Rule(CASE_A, "application", method="post"),
    "applications_admin:attachment": Rule(PERSONAL_DATA_ROLES, "attachment"),
    "applications_admin:letter": Rule(PERSONAL_DATA_ROLES, "letter"),
    "appeals_document_download": Rule(READ_A, "appeal_document"),
    # Annual reports.
    "reports_detail": Rule(READ_A, "report"),
    "reports_cell": Rule(READ_A, "report_cell"),
    "reports_action": Rule(CONTENT_A, "report_action", method="post"),
    "reports_download": Rule(READ_A, "report_download"),
    "reports_check": Rule(ALL_STAFF),
    "reports_deadlines": Rule(OFFICE_READERS),
    "reports_open": Rule(READ_A, "report", ok_status=302),
    # The assistant's staff screens.
    "assistant_review": Rule(ALL_STAFF),
    "assistant_decide": Rule(CONTENT_A, "entry_decision", method="post"),
    "assistant_insights": Rule(ALL_STAFF),
    "assistant_draft": Rule(CONTENT_ANY, method="post"),
    "assistant_import": Rule(ALL_STAFF),
    "assistant_export": Rule(ALL_STAFF, "export_format"),
    # Disclosure oversight and the calendar.
    "disclosure_timeliness": Rule(ALL_STAFF),
    "disclosure_interpretations": Rule(ALL_STAFF),
    "disclosure_standard_list": Rule(ALL_STAFF),
    "workdays_import_notice": Rule(OFFICE),
    "gongkai_twofactor": Rule(ALL_STAFF),
}


def staff_url_patterns():
    """(route, name) of every admin URL of our apps: our own views and our models' viewsets."""
    get_resolver().url_patterns  # noqa: B018 - populate the viewset registry
    namespaces = set()
    for viewset in viewset_registry.viewsets:
        model = getattr(viewset, "model", None)
        if hasattr(model, "_meta") and model._meta.app_label in OUR_APPS:
            namespaces.add(viewset.url_namespace)

    def walk(patterns, prefix="", ns=()):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(
                    p.url_patterns, prefix + str(p.pattern), ns + ((p.namespace,) if p.namespace else ())
                )
            else:
                yield prefix + str(p.pattern), ":".join((*ns, p.name or "")), p.callback

    for route, name, callback in walk(get_resolver().url_patterns):
        if not route.startswith("admin/"):
            continue
        ours = getattr(callback, "__module__", "").startswith("gongkai") or getattr(
            getattr(callback, "view_class", None), "__module__", ""
        ).startswith("gongkai")
        if ours or name.rsplit(":", 1)[0] in namespaces:
            yield route, name


def test_every_staff_url_is_classified():
    """A new screen that is not in the policy matrix fails here."""
    missing = sorted({name for _route, name in staff_url_patterns() if name not in RULES})
    assert not missing, f"Staff URLs without an authorization rule: {missing}"


@pytest.fixture
def world(client):
    unit_a = UnitFactory(slug="unit-a", name="甲区人力资源和社会保障局")
    unit_b = UnitFactory(slug="unit-b", name="甲区住房和城乡建设委员会")
    users = {
        "citizen": UserFactory(username="citizen"),
        "editor_a": staff(Role.UNIT_EDITOR, unit_a, username="editor_a"),
        "reviewer_a": staff(Role.UNIT_REVIEWER, unit_a, username="reviewer_a"),
        "handler_a": staff(Role.UNIT_CASE_HANDLER, unit_a, username="handler_a"),
        "editor_b": staff(Role.UNIT_EDITOR, unit_b, username="editor_b"),
        "reviewer_b": staff(Role.UNIT_REVIEWER, unit_b, username="reviewer_b"),
        "handler_b": staff(Role.UNIT_CASE_HANDLER, unit_b, username="handler_b"),
        "office": staff(Role.OFFICE_ADMIN, UnitFactory(slug="office"), username="office"),
        "evaluator": staff(Role.EVALUATOR, UnitFactory(slug="evaluation"), username="evaluator"),
    }
    records = {}
    for tag, unit in (("a", unit_a), ("b", unit_b)):
        app = ApplicationFactory(
            handling_unit=unit, applicant_name=SECRET_A if tag == "a" else "乙申请人", phone="13912345678",
            id_document_number=SECRET_ID if tag == "a" else "110101199001015678",
            address="甲区秘密路1号" if tag == "a" else "乙区某路2号", received_on=dt.date(2026, 11, 2),
            submitted_on=dt.date(2026, 11, 2),
        )  # fmt: skip
        letter = letters.issue(
            app, LetterKind.ACKNOWLEDGEMENT, actor=users["office"], issued_on=app.received_on
        )
        attachment = Attachment.objects.create(
            application=app, kind="identity", original_name="身份证.pdf", size=4, content_type="application/pdf",
            file=ContentFile(b"%PDF", name="id.pdf"),
        )  # fmt: skip
        record_event(
            app, "edited", actor=users["office"], changes={"applicant_name": ["", app.applicant_name]}
        )
        appeal = AppealCaseFactory(respondent_unit=unit, appellant_name=f"{tag}复议人")
        document = AppealDocument.objects.create(
            case=appeal,
            kind="other",
            title="答复书",
            dated=dt.date(2026, 3, 1),
            file=ContentFile(b"x", name="d.pdf"),
        )
        report = prepare(AnnualReport(unit=unit, year=2025))
        report.save()
        records[tag] = {
            "application": app, "letter": letter, "attachment": attachment, "appeal": appeal,
            "appeal_document": document, "report": report, "table2": Table2Entry.objects.create(unit=unit, year=2025),
            "entry": EntryFactory(unit=unit, question=f"{tag}单位的问题"), "unit": unit,
            "membership": Membership.objects.get(user=users[f"editor_{tag}"]),
        }  # fmt: skip
    shared = {
        "synonym": SynonymFactory(),
        "day_override": DayOverride.objects.create(
            date=dt.date(2027, 1, 1), kind=OverrideKind.HOLIDAY, name="元旦"
        ),
        "calendar_year": CalendarYear.objects.create(year=2030, note="test"),
        "letter_template": LetterTemplate.objects.create(kind="fee", title="收费", body="正文"),
        "catalogue_entry": StandardCatalogueEntryFactory(),
        "log_entry": LogEntry.objects.get_for_object(records["a"]["application"]).first(),
    }
    return {"users": users, "a": records["a"], "b": records["b"], "shared": shared}


def kwargs_for(name, route, record_key, world, tag):
    """URL arguments for unit ``tag``'s record (district-wide records have one instance)."""
    records = world[tag]
    shared = world["shared"]
    app = records["application"]
    if record_key is None:
        return {}
    if record_key in shared:
        return {"pk": shared[record_key].pk}
    if record_key == "application":
        kwargs = {"tracking_number": app.tracking_number}
        return {**kwargs, "action": "take"} if "<str:action>" in route else kwargs
    if record_key == "letter":
        return {"tracking_number": app.tracking_number, "letter_id": records["letter"].pk, "fmt": "pdf"}
    if record_key == "attachment":
        return {"tracking_number": app.tracking_number, "attachment_id": records["attachment"].pk}
    if record_key == "report_cell":
        return {"pk": records["report"].pk, "table": "table3", "row": "new_received", "column": "natural"}
    if record_key == "report_action":
        return {"pk": records["report"].pk, "action": "submit"}
    if record_key == "report_download":
        return {"pk": records["report"].pk, "kind": "json"}
    if record_key == "entry_decision":
        return {"pk": records["entry"].pk, "decision": "approve"}
    if record_key == "export_format":
        return {"fmt": "json"}
    return {"pk": records[record_key].pk}


def login(client, world, role):
    client.logout()
    if role != "anonymous":
        client.force_login(world["users"][role])


def refused(response) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code == 302:
        target = response["Location"]
        return "/login/" in target or target.rstrip("/").endswith("/admin")
    return False


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def snapshot(world):
    app = world["a"]["application"]
    app.refresh_from_db()
    report = world["a"]["report"]
    report.refresh_from_db()
    entry = world["a"]["entry"]
    entry.refresh_from_db()
    return (app.handler_id, app.status, report.status, entry.status, Entry.objects.count())


def test_role_screen_unit_matrix(client, world):
    problems = []
    patterns = {name: route for route, name in staff_url_patterns()}
    for name, route in sorted(patterns.items()):
        rule = RULES[name]
        allowed_roles = rule.allowed if rule.record else mirrored(rule.allowed)
        url_name = name
        if rule.record is not None and "<" not in route:
            continue  # a viewset view without arguments in this Wagtail version
        try:
            url_a = reverse(
                url_name, kwargs=kwargs_for(name, route, rule.record, world, "a") if "<" in route else {}
            )
        except Exception as exc:  # noqa: BLE001 - report which URL could not be built
            problems.append(f"{name}: cannot build URL ({exc})")
            continue
        for role in ROLES:
            login(client, world, role)
            if rule.method == "post":
                if role in allowed_roles:
                    continue
                before = snapshot(world)
                response = client.post(url_a, {"comment": "x"})
                if snapshot(world) != before:
                    problems.append(f"{name} POST as {role}: changed unit A's record")
                continue
            response = client.get(url_a)
            allowed = role in allowed_roles
            if allowed and response.status_code != rule.ok_status:
                problems.append(
                    f"{name} as {role}: {response.status_code}, expected {rule.ok_status} ({url_a})"
                )
            elif not allowed and not refused(response):
                problems.append(f"{name} as {role}: {response.status_code}, expected refusal ({url_a})")
            if response.status_code == 200 and role not in PERSONAL_DATA_ROLES:
                text = body(response)
                if SECRET_A in text or SECRET_ID in text:
                    problems.append(f"{name} as {role}: shows the applicant's personal data")
    assert not problems, "\n".join(problems)


LISTINGS = {
    "applications_admin:inbox": lambda w: w["b"]["application"].tracking_number,
    "annual_reports:index": lambda w: w["b"]["report"].title,
    "assistant_entry:index": lambda w: w["b"]["entry"].question,
    "appeals:index": lambda w: w["b"]["appeal"].case_number,
    "table2_figures:index": lambda w: w["b"]["unit"].name,
    "membership:index": lambda w: "editor_b",
}


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_listings_never_show_another_units_records(client, world, name):
    marker = LISTINGS[name](world)
    for role in sorted(A_STAFF):
        login(client, world, role)
        response = client.get(reverse(name))
        if response.status_code == 200:
            assert marker not in body(response), f"{name} shows unit B's record to {role}"
    login(client, world, "office")
    assert marker in body(client.get(reverse(name)))


def test_the_legitimate_case_action_is_not_refused(client, world):
    login(client, world, "handler_a")
    app = world["a"]["application"]
    client.post(reverse("applications_admin:action", args=[app.tracking_number, "take"]))
    app.refresh_from_db()
    assert app.handler == world["users"]["handler_a"]


def test_an_editor_cannot_move_another_units_entry_into_their_own(client, world):
    """Issue 11: an editor of unit A POSTing to unit B's entry neither overwrites it nor moves it."""
    entry_b = world["b"]["entry"]
    login(client, world, "editor_a")
    response = client.post(
        reverse("assistant_entry:edit", args=[entry_b.pk]),
        {
            "external_id": entry_b.external_id,
            "question": "改写",
            "answer": "x",
            "unit": world["a"]["unit"].pk,
        },
    )
    assert refused(response)
    entry_b.refresh_from_db()
    assert entry_b.question != "改写" and entry_b.unit == world["b"]["unit"]


STAFF_API = re.compile(r"^api/v1/.*staff")


def test_staff_api_is_scoped_and_masks_personal_data(client, world):
    """The staff API: unit B's handler gets 404 on unit A's case; the evaluator sees it without personal data."""
    app = world["a"]["application"]
    url = f"/api/v1/applications/staff/cases/{app.tracking_number}"
    for role, status, sees in (
        ("handler_a", 200, True), ("office", 200, True), ("evaluator", 200, False), ("editor_a", 200, False),
        ("handler_b", 404, False), ("editor_b", 404, False),
    ):  # fmt: skip
        _token, raw = tokens.create(world["users"][role], "matrix")
        response = client.get(url, headers={"authorization": f"Bearer {raw}"})
        assert response.status_code == status, (role, response.status_code)
        if status == 200:
            data = response.json()
            assert (data.get("applicant", {}).get("name") == SECRET_A) is sees, role
            assert SECRET_A not in str(data) or sees, role
    _token, raw = tokens.create(world["users"]["handler_b"], "matrix")
    listing = client.get("/api/v1/applications/staff/cases", headers={"authorization": f"Bearer {raw}"})
    assert app.tracking_number not in body(listing)
    assert client.get(url).status_code == 401


def test_audit_log_reads_in_chinese_and_masks_for_the_evaluator(client, world):
    """Issue 11: verbose field names and event labels, not model keys; personal data masked for evaluators."""
    login(client, world, "office")
    page = body(client.get(reverse("audit_log:index")))
    assert "申请人姓名" in page and "制发文书" in page and "applicant_name" not in page
    assert SECRET_A in page  # the office answers for the data and sees it
    login(client, world, "evaluator")
    page = body(client.get(reverse("audit_log:index")))
    assert "申请人姓名" in page and SECRET_A not in page and "＊＊＊" in page
