"""Admin integration: per-unit checks on page editing, the standard list, oversight reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from gongkai.organizations import permissions as org_permissions
from gongkai.organizations.policies import UnitScopedPermissionPolicy
from gongkai.organizations.viewsets import ScopedSnippetChooserViewSet

from . import admin_views
from .models import InformationItemPage, PolicyInterpretationPage, StandardCatalogueEntry
from .permissions import can_edit_page

UNIT_PAGE_TYPES = (InformationItemPage, PolicyInterpretationPage)


@hooks.register("before_create_page")
def check_create(request, parent_page, page_class):
    if issubclass(page_class, UNIT_PAGE_TYPES) and not can_edit_page(request.user, parent_page):
        return permission_denied(request)
    return None


@hooks.register("before_edit_page")
def check_edit(request, page):
    if isinstance(page.specific, UNIT_PAGE_TYPES) and not can_edit_page(request.user, page):
        return permission_denied(request)
    return None


@hooks.register("before_delete_page")
def check_delete(request, page):
    if isinstance(page.specific, UNIT_PAGE_TYPES) and not can_edit_page(request.user, page):
        return permission_denied(request)
    return None


# The standard catalogue is district-wide: staff read it, the disclosure office keeps it.
register_permission_policy(
    StandardCatalogueEntry, UnitScopedPermissionPolicy(StandardCatalogueEntry, unit_field=None)
)


class StandardCatalogueViewSet(SnippetViewSet):
    chooser_viewset_class = ScopedSnippetChooserViewSet
    copy_view_enabled = False
    model = StandardCatalogueEntry
    icon = "list-ul"
    menu_label = _("Standard catalogue")
    menu_name = "standard-catalogue"
    #: Listed in the disclosure oversight menu, not at the top level.
    add_to_admin_menu = False
    list_display = ["area", "item_level1", "item_level2", "responsible_unit", "frequency"]
    list_filter = ["area", "responsible_unit", "frequency"]
    search_fields = ["item_level1", "item_level2", "content"]


register_snippet(StandardCatalogueViewSet)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("disclosure/timeliness/", admin_views.timeliness_view, name="disclosure_timeliness"),
        path(
            "disclosure/interpretations/", admin_views.interpretations_view, name="disclosure_interpretations"
        ),
        path("disclosure/standard-list/", admin_views.standard_list_view, name="disclosure_standard_list"),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return org_permissions.is_staff_member(request.user)


@hooks.register("register_admin_menu_item")
def oversight_menu():
    items = [
        StaffMenuItem(_("Art. 26 timeliness"), reverse("disclosure_timeliness"), icon_name="time", order=1),
        StaffMenuItem(
            _("Policy interpretations"), reverse("disclosure_interpretations"), icon_name="help", order=2
        ),
        StaffMenuItem(
            _("Standard list status"), reverse("disclosure_standard_list"), icon_name="list-ul", order=3
        ),
        StaffMenuItem(
            _("Standard catalogue entries"),
            reverse("wagtailsnippets_disclosure_standardcatalogueentry:list"),
            icon_name="list-ul",
            order=4,
        ),
    ]
    return SubmenuMenuItem(_("Disclosure oversight"), Menu(items=items), icon_name="view", order=250)


@hooks.register("before_publish_page")
def check_publish(request, page):
    """Only proactively disclosed information is published on the portal."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _

    specific = page.specific
    if isinstance(specific, InformationItemPage) and specific.disclosure_attribute != "proactive":
        messages.error(
            request,
            _(
                "This information is marked “%(attr)s”: it is kept as a record and cannot be published on the portal."
            )
            % {"attr": specific.get_disclosure_attribute_display()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
