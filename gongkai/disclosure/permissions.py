"""Who may edit which column and item: a unit's staff their own unit's; the office everything.

Wagtail's page permissions (granted per unit subtree in ``unit_access``) decide what the admin
shows; these checks repeat the rule in the service layer with the organizations' roles, so a
mis-set group can never let one unit edit another's pages.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from gongkai.organizations import permissions
from gongkai.organizations.permissions import Action

from .models import ColumnPage


def unit_of_page(page):
    """The unit that owns ``page``: the nearest unit column at or above it, else the page's own unit."""
    column = (
        ColumnPage.objects.ancestor_of(page, inclusive=True)
        .filter(column_kind="unit", unit__isnull=False)
        .order_by("-depth")
        .select_related("unit")
        .first()
    )
    if column is not None:
        return column.unit
    return getattr(page.specific, "unit", None)


def can_edit_page(user, page) -> bool:
    if permissions.is_office_admin(user):
        return True
    unit = unit_of_page(page)
    return unit is not None and permissions.can(user, Action.EDIT_CONTENT, unit)


def require_edit_page(user, page) -> None:
    if not can_edit_page(user, page):
        raise PermissionDenied(_("You may only edit the columns and items of your own unit."))


def editable_units(user):
    return permissions.units_for_action(user, Action.EDIT_CONTENT)
