"""The cached site lookup and view-restriction shortcut must not change what a visitor may see."""

import pytest

from wagtail.models import PageViewRestriction, Site

from gongkai.disclosure.factories import InformationItemFactory
from gongkai.organizations.factories import UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(db):
    from gongkai.disclosure.structure import ensure_standard_columns

    ensure_standard_columns()
    return InformationItemFactory(unit=UnitFactory(), title="清河区2026年部门预算")


def test_a_view_restriction_added_later_is_enforced(item, client):
    assert client.get(item.url).status_code == 200  # caches "no restrictions"
    restriction = PageViewRestriction.objects.create(page=item.get_parent(), restriction_type="login")
    response = client.get(item.url)
    assert response.status_code == 302 and "login" in response["Location"]
    restriction.delete()
    assert client.get(item.url).status_code == 200


def test_a_changed_site_is_seen_at_once(item, client):
    assert client.get(item.url).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.site_name = "清河区人民政府门户网站（新）"
    site.save()
    assert "清河区人民政府门户网站（新）" in client.get(item.url).content.decode()
