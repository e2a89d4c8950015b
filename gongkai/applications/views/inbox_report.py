"""The staff inbox as a Wagtail report view: filters, sorting, pagination and CSV/XLSX export with Chinese
headings, scoped to the user's units. Personal data is never in the export; the old ``?format=xlsx``
export (with the applicant for those handling the case) is kept."""

import django_filters

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from gongkai.organizations.models import Unit
from gongkai.organizations.permissions import is_staff_member

from .. import export
from ..inbox import due_soon_limit
from ..models import Application, Status


class InboxFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"), field_name="handling_unit", queryset=Unit.objects.none()
    )
    status = django_filters.ChoiceFilter(label=_("Stage"), choices=Status.choices)
    due = django_filters.ChoiceFilter(
        label=_("Deadline"), method="filter_due",
        choices=[("soon", _("Due within 5 working days")), ("overdue", _("Overdue"))],
    )  # fmt: skip
    q = django_filters.CharFilter(
        label=_("Tracking number"), field_name="tracking_number", lookup_expr="icontains"
    )

    class Meta:
        model = Application
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            self.filters["unit"].queryset = Unit.objects.for_user(request.user)

    def filter_due(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.open().filter(due_on__lt=today)
        if value == "soon":
            return queryset.open().filter(due_on__gte=today, due_on__lte=due_soon_limit(today))
        return queryset


class DueColumn(DateColumn):
    """The due date, flagged when it has passed on an open case."""

    def get_value(self, instance):
        return instance.due_on

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if instance.due_on and not instance.is_closed and instance.due_on < timezone.localdate():
            context["value"] = f"{instance.due_on:%Y-%m-%d} {_gettext('overdue')}"
        return context


class InboxView(ReportView):
    page_title = _("Applications for disclosure")
    header_icon = "mail"
    index_url_name = "applications_admin:inbox"
    index_results_url_name = "applications_admin:inbox_results"
    filterset_class = InboxFilterSet
    default_ordering = "due_on"
    paginate_by = 50
    columns = [
        TitleColumn(
            "tracking_number", label=_("Tracking number"), sort_key="tracking_number",
            get_url=lambda app: reverse("applications_admin:case", args=[app.tracking_number]),
        ),
        Column("handling_unit", label=_("Handling unit"), accessor="handling_unit.name"),
        Column("status", label=_("Stage"), accessor="get_status_display", sort_key="status"),
        DateColumn("received_on", label=_("Received on"), sort_key="received_on"),
        DueColumn("due_on", label=_("Due date"), sort_key="due_on"),
        Column("outcome", label=_("Outcome"), accessor="get_outcome_display"),
    ]  # fmt: skip
    list_export = ["tracking_number", "handling_unit.name", "get_status_display", "channel", "submitted_on",
                   "received_on", "due_on", "closed_on", "get_outcome_display"]  # fmt: skip
    export_headings = {
        "tracking_number": _("Tracking number"), "handling_unit.name": _("Handling unit"),
        "get_status_display": _("Stage"), "channel": _("Channel"), "submitted_on": _("Submitted on"),
        "received_on": _("Received on"), "due_on": _("Due date"), "closed_on": _("Closed on"),
        "get_outcome_display": _("Outcome"),
    }  # fmt: skip

    def dispatch(self, request, *args, **kwargs):
        if not is_staff_member(request.user):
            raise PermissionDenied(_gettext("Only staff of the district's units may see this."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":  # the full export, applicant shown only to those handling
            cases = self.filter_queryset(self.get_queryset())
            response = HttpResponse(
                export.cases_xlsx(cases[:5000], request.user),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = (
                f'attachment; filename="applications-{timezone.localdate()}.xlsx"'
            )
            return response
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Application.objects.for_user(self.request.user).select_related("handling_unit", "handler")

    def get_filename(self):
        return f"applications-{timezone.localdate()}"

    def get_header_buttons(self):
        from wagtail.admin.widgets.button import HeaderButton

        return [
            HeaderButton(
                _("Register an application"), url=reverse("applications_admin:register"), icon_name="plus"
            )
        ]
