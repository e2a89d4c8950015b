"""Template tags of the portal's chrome (navigation, footer contacts, language links).

Navigation and the office's contacts change rarely and appear on every page: they are kept in the
cache for ``CHROME_TTL`` seconds and dropped when a column is published or a unit is saved
(``signals.py``); the page content itself is always rendered fresh.
"""

from django import template
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Site

from ..models import ColumnPage

register = template.Library()
CHROME_TTL = 300
NAV_KEY = "disclosure:nav:{site}:{lang}"
OFFICE_KEY = "disclosure:office"


@register.simple_tag(takes_context=True)
def portal_nav(context):
    """The columns shown in the header: the site root's children marked "show in menus"."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    key = NAV_KEY.format(site=site.pk, lang=get_language())
    nav = cache.get(key)
    if nav is None:
        nav = [
            {"title": column.title, "url": column.get_url(request), "path": column.path}
            for column in ColumnPage.objects.child_of(site.root_page).live().in_menu().order_by("path")
        ]
        cache.set(key, nav, CHROME_TTL)
    return nav


@register.simple_tag
def district_office():
    office = cache.get(OFFICE_KEY)
    if office is None:
        from gongkai.organizations.services import district_government

        unit = district_government()
        office = (
            {
                name: getattr(unit, name)
                for name in ("name", "office_name", "office_address", "office_phone", "office_email")
            }
            if unit
            else {}
        )
        cache.set(OFFICE_KEY, office, CHROME_TTL)
    return office


def forget_chrome() -> None:
    from ..columns import COLUMN_TREE_KEY

    cache.delete_many([OFFICE_KEY, COLUMN_TREE_KEY])
    for site in Site.objects.values_list("pk", flat=True):
        cache.delete_many([NAV_KEY.format(site=site, lang=code) for code in ("zh-hans", "en")])


@register.simple_tag(takes_context=True)
def language_url(context, code):
    """The current page in language ``code`` (zh-Hans without prefix, English under /en/)."""
    request = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.get_full_path(), code)
