import pytest

from django.core.exceptions import ValidationError

from gongkai.core.audit import LogEntry
from gongkai.organizations.factories import UnitFactory
from gongkai.organizations.models import validate_unit_code

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["11110114MB1234567X", "000014349", "11341702486344515H", "01441633X"])
def test_valid_codes(code):
    """Index numbers use an 18-character unified social credit code or a 9-character organization code."""
    validate_unit_code(code)


@pytest.mark.parametrize("code", ["", "123", "11110114mb1234567x", "1111011IMB1234567X", "0000143490"])
def test_invalid_codes(code):
    with pytest.raises(ValidationError):
        validate_unit_code(code)


def test_hierarchy_and_no_cycles():
    district = UnitFactory(slug="district", kind="district_government")
    bureau = UnitFactory(slug="bureau", parent=district)
    street = UnitFactory(slug="street", parent=bureau)
    assert street.ancestors() == [district, bureau]
    assert set(district.descendants()) == {bureau, street}
    district.parent = street
    with pytest.raises(ValidationError):
        district.full_clean()


def test_guide_contact_completeness():
    """Art. 12: the guide shows the office's name, address, hours, telephone, fax and internet contact."""
    unit = UnitFactory()
    assert unit.guide_contact_complete
    unit.office_fax = ""
    assert not unit.guide_contact_complete


def test_unit_changes_are_audited_with_before_and_after():
    unit = UnitFactory(office_phone="010-1")
    unit.office_phone = "010-2"
    unit.save()
    entries = LogEntry.objects.get_for_object(unit).order_by("timestamp", "pk")
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    assert entries.last().changes_dict["office_phone"] == ["010-1", "010-2"]
