from django import template
from wagtail.models import Site

from ..models import ColumnPage

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_nav(context):
    """The columns shown in the header: the site root's children marked "show in menus"."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    return ColumnPage.objects.child_of(site.root_page).live().in_menu().order_by("path")


@register.simple_tag
def district_office():
    from gongkai.organizations.services import district_government

    return district_government()
