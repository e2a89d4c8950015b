import pytest

from gongkai.organizations.factories import UnitFactory, staff
from gongkai.organizations.models import Role


@pytest.fixture
def unit(db):
    return UnitFactory(slug="hrss-test", name="测试区人力资源和社会保障局")


@pytest.fixture
def other_unit(db):
    return UnitFactory(slug="housing-test", name="测试区住房和城乡建设委员会")


@pytest.fixture
def handler(unit):
    return staff(Role.UNIT_CASE_HANDLER, unit, username="handler")


@pytest.fixture
def reviewer(unit):
    return staff(Role.UNIT_REVIEWER, unit, username="reviewer")


@pytest.fixture
def office(db):
    return staff(Role.OFFICE_ADMIN, UnitFactory(slug="gov-office-test"), username="office")


@pytest.fixture
def other_handler(other_unit):
    return staff(Role.UNIT_CASE_HANDLER, other_unit, username="other_handler")


@pytest.fixture
def head(unit):
    """The head of the handling unit's own disclosure office (art. 33 ¶2)."""
    return staff(Role.OFFICE_HEAD, unit, username="head")
