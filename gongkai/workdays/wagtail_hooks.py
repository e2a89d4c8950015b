"""Staff screens for the working-day calendar overrides."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from gongkai.organizations.permissions import is_office_admin
from gongkai.organizations.policies import UnitScopedPermissionPolicy
from gongkai.organizations.viewsets import UnitScopedViewSetMixin

from . import views
from .coverage import next_year_warning
from .models import CalendarYear, DayOverride

# The calendar is district-wide: staff read it, the disclosure office keeps it.
register_permission_policy(DayOverride, UnitScopedPermissionPolicy(DayOverride, unit_field=None))
register_permission_policy(CalendarYear, UnitScopedPermissionPolicy(CalendarYear, unit_field=None))


class DayOverrideViewSet(UnitScopedViewSetMixin, ModelViewSet):
    model = DayOverride
    icon = "date"
    menu_label = _("Calendar overrides")
    list_display = ["date", "kind", "name", "note"]
    list_filter = ["kind"]
    search_fields = ["name", "note"]
    form_fields = ["date", "kind", "name", "note"]


class CalendarYearViewSet(UnitScopedViewSetMixin, ModelViewSet):
    model = CalendarYear
    icon = "calendar-alt"
    menu_label = _("Years entered by hand")
    name = "workdays_years"
    list_display = ["year", "note"]
    form_fields = ["year", "note"]


class WorkdaysGroup(ViewSetGroup):
    menu_label = _("Working-day calendar")
    menu_icon = "calendar"
    menu_order = 810
    items = (DayOverrideViewSet, CalendarYearViewSet)


@hooks.register("register_admin_viewset")
def register_workdays():
    return WorkdaysGroup()


@hooks.register("register_admin_urls")
def register_notice_url():
    return [path("workdays/notice/", views.import_notice_view, name="workdays_import_notice")]


class OfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_office_admin(request.user)


@hooks.register("register_admin_menu_item")
def notice_menu_item():
    return OfficeMenuItem(
        _("Enter next year's holidays"), reverse("workdays_import_notice"), icon_name="calendar", order=811
    )


class CalendarWarningPanel(Component):
    """From 1 November, until next year's holiday arrangement is entered (issue 12, 1c)."""

    name = "calendar_warning"
    order = 10
    template_name = "workdays/calendar_warning_panel.html"

    def __init__(self, warning):
        self.warning = warning

    def get_context_data(self, parent_context):
        return {"warning": self.warning, "url": reverse("workdays_import_notice")}


@hooks.register("construct_homepage_panels")
def add_calendar_warning(request, panels):
    if is_office_admin(request.user):
        warning = next_year_warning()
        if warning is not None:
            panels.insert(0, CalendarWarningPanel(warning))
