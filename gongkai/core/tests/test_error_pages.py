"""A public visitor who follows a dead link gets the portal's page in their language, not a bare error."""

import pytest

pytestmark = pytest.mark.django_db


def test_missing_page_is_a_translated_404_with_search(client, settings):
    from gongkai.disclosure.structure import ensure_standard_columns

    ensure_standard_columns()
    settings.DEBUG = False
    response = client.get("/zfxxgk/no-such-column/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在" in html and 'action="/search/"' in html
    english = client.get("/en/zfxxgk/no-such-column/")
    assert english.status_code == 404 and "Page not found" in english.content.decode()
