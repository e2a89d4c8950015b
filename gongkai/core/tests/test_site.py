import pytest

from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_home_page_is_zh_hans(client):
    call_command("load_demo", "--quiet", "--only", "organizations,disclosure", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="zh-Hans"' in html
    assert "清河区" in html


def test_load_demo_is_idempotent():
    from gongkai.organizations.models import Membership, Unit

    null = open("/dev/null", "w")  # noqa: SIM115
    # Each app tests its own demo data; here the district and its staff.
    call_command("load_demo", "--quiet", "--only", "organizations", stdout=null)
    counts = (Unit.objects.count(), Membership.objects.count())
    call_command("load_demo", "--quiet", "--only", "organizations", stdout=null)
    assert (Unit.objects.count(), Membership.objects.count()) == counts
    assert counts[0] >= 20


def test_health(client):
    assert client.get("/healthz").json() == {"status": "ok"}
