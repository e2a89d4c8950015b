"""Staff screens for the working-day calendar overrides."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import CalendarYear, DayOverride


class DayOverrideViewSet(ModelViewSet):
    model = DayOverride
    icon = "date"
    menu_label = _("Calendar overrides")
    copy_view_enabled = False
    list_display = ["date", "kind", "name", "note"]
    list_filter = ["kind"]
    search_fields = ["name", "note"]
    form_fields = ["date", "kind", "name", "note"]


class CalendarYearViewSet(ModelViewSet):
    model = CalendarYear
    icon = "calendar-alt"
    menu_label = _("Years entered by hand")
    copy_view_enabled = False
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
