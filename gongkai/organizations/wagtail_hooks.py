"""Staff screens for units and memberships."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import Membership, Unit
from .policies import UnitScopedPermissionPolicy
from .viewsets import UnitScopedViewSetMixin

# Staff read their own unit and its roles; the disclosure office sets up units and grants roles.
register_permission_policy(Unit, UnitScopedPermissionPolicy(Unit, unit_field="pk"))
register_permission_policy(Membership, UnitScopedPermissionPolicy(Membership))


class UnitViewSet(UnitScopedViewSetMixin, ModelViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    inspect_view_enabled = True
    list_display = ["name", "kind", "parent", "code", "office_phone", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "code"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("parent")]),
                    FieldPanel("code"),
                    FieldRowPanel([FieldPanel("sort_order"), FieldPanel("is_active")]),
                    FieldPanel("functions"),
                ],
                heading=_("Unit"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("office_name"),
                            FieldPanel("office_address"),
                            FieldRowPanel([FieldPanel("office_postcode"), FieldPanel("office_hours")]),
                            FieldRowPanel([FieldPanel("office_phone"), FieldPanel("office_fax")]),
                            FieldRowPanel([FieldPanel("office_email"), FieldPanel("website")]),
                        ],
                        heading=_("Disclosure work office (Regulations art. 12)"),
                    )
                ],
                heading=_("Disclosure office"),
            ),
            ObjectList([InlinePanel("leaders", label=_("Leaders"))], heading=_("Leaders")),
        ]
    )


class MembershipViewSet(UnitScopedViewSetMixin, ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Staff roles")
    list_display = ["user", "unit", "role", "is_active"]
    list_filter = ["role", "unit", "is_active"]
    search_fields = ["user__username", "user__first_name", "unit__name"]
    form_fields = ["user", "unit", "role", "is_active"]


class OrganizationsGroup(ViewSetGroup):
    menu_label = _("Organizations")
    menu_icon = "site"
    menu_order = 800
    items = (UnitViewSet, MembershipViewSet)


@hooks.register("register_admin_viewset")
def register_organizations():
    return OrganizationsGroup()
