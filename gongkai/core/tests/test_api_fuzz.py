"""Schemathesis over every operation of the OpenAPI schema, with a staff token (issue 13): no answer is a
server error, whatever the input, and every answer (status code, content type, body) is what the schema documents."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from gongkai.wsgi import application

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("fuzz")]
EXAMPLES = 15


@pytest.fixture
def staff_token():
    from gongkai.applications import tokens
    from gongkai.applications.factories import ApplicationFactory
    from gongkai.organizations.factories import UnitFactory, staff
    from gongkai.organizations.models import Role

    unit = UnitFactory(slug="hrss")
    ApplicationFactory(handling_unit=unit, tracking_number="GK2026000001")
    return tokens.create(staff(Role.OFFICE_ADMIN, unit, username="fuzz_office"), "fuzz")[1]


def _fuzz(operation, staff_token, problems, *, with_token=True):
    documented = {str(code) for code in operation.definition.raw.get("responses", {})}

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case):
        response = case.call(headers={"Authorization": f"Bearer {staff_token}"} if with_token else {})
        label = f"{operation.method.upper()} {operation.path} → {response.status_code}"
        if response.status_code >= 500:
            problems.append(f"{label} (server error: {case.query} {case.path_parameters})")
        elif str(response.status_code) not in documented and "default" not in documented:
            problems.append(f"{label} (not in the schema: {sorted(documented)})")
        else:
            try:
                case.validate_response(
                    response, checks=[response_schema_conformance, content_type_conformance]
                )
            except Exception as exc:  # noqa: BLE001 - collect every violation, report them together
                problems.append(f"{label} (response does not match the schema: {str(exc)[:300]})")

    return run


@pytest.fixture
def keep_test_connection():
    """Requests made in-process must not close the test's database connection (Django's test client
    disconnects the same handler)."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_no_operation_answers_a_server_error_or_an_undocumented_status(staff_token, keep_test_connection):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    problems, operations = [], 0
    for result in schema.get_all_operations():
        operations += 1
        operation = result.ok()
        _fuzz(operation, staff_token, problems)()
        if "/staff/" in operation.path:  # and without a token: a documented 401, never a crash
            _fuzz(operation, staff_token, problems, with_token=False)()
    assert operations >= 20
    assert not problems, "\n".join(sorted(set(problems)))
