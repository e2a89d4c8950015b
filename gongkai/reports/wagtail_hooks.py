"""Staff screens of annual reports: the reports, Table II figures, checking outside reports, deadlines."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from gongkai.organizations import permissions
from gongkai.organizations.permissions import Action
from gongkai.organizations.policies import CONTENT, UnitScopedPermissionPolicy
from gongkai.organizations.viewsets import (
    ScopedCreateView,
    ScopedEditView,
    ScopedIndexView,
    UnitScopedViewSetMixin,
)

from . import views
from .models import AnnualReport, ReportStatus, Table2Entry
from .services import prepare

# A unit's editors and reviewers make its report; the office the district's and any other.
register_permission_policy(AnnualReport, UnitScopedPermissionPolicy(AnnualReport, actions=CONTENT))
register_permission_policy(Table2Entry, UnitScopedPermissionPolicy(Table2Entry, actions=CONTENT))


class UnitScopedForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "unit" in self.fields:
            self.fields["unit"].queryset = permissions.units_for_action(for_user, Action.EDIT_CONTENT)


class AnnualReportForm(UnitScopedForm):
    class Meta:
        model = AnnualReport
        fields = [
            "unit",
            "year",
            "kind",
            "include_subunits",
            "title",
            "overview",
            "problems",
            "other_matters",
        ]
        widgets = {"overview": forms.Textarea(attrs={"rows": 14})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["overview"].help_text = _(
            "Left empty, it is drafted from the year's figures. 2021 format: at most 1,000 characters."
        )
        if self.instance.pk and self.instance.status != ReportStatus.DRAFT:
            for field in self.fields.values():
                field.disabled = True

    def clean(self):
        data = super().clean()
        if self.instance.pk and self.instance.status != ReportStatus.DRAFT:
            raise forms.ValidationError(_("Only a draft can be changed; ask a reviewer to return it."))
        return data


class ScopedIndex(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("unit")


class ReportCreate(ScopedCreateView):
    def save_instance(self):
        report = self.form.instance
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "add", report):
            raise PermissionDenied(_("You do not have permission to do this for this unit."))
        prepare(report)
        report.save()
        return report

    def get_success_url(self):
        return reverse("reports_detail", args=[self.object.pk])


class ReportEdit(ScopedEditView):
    def get_delete_url(self):
        return None  # reports are never deleted from the screens (the audit trail keeps every version)

    def get_success_url(self):
        return reverse("reports_detail", args=[self.object.pk])


class AnnualReportViewSet(UnitScopedViewSetMixin, ModelViewSet):
    model = AnnualReport
    index_view_class = ScopedIndex
    add_view_class = ReportCreate
    edit_view_class = ReportEdit
    copy_view_enabled = False
    inspect_view_enabled = False
    icon = "doc-full-inverse"
    menu_label = _("Annual reports")
    url_prefix = "annual-reports"
    name = "annual_reports"
    list_filter = ["year", "kind", "status"]
    list_display = [
        TitleColumn("title", label=_("Title"), url_name="reports_detail"),
        Column("unit", label=_("Unit")),
        Column("year", label=_("Year")),
        Column("get_status_display", label=_("Status")),
        Column("get_origin_display", label=_("Origin")),
    ]

    def get_form_class(self, for_update=False):
        return AnnualReportForm

    def get_urlpatterns(self):
        # Deleting a report goes through the audit trail only for drafts; keep it out of the screens.
        return [p for p in super().get_urlpatterns() if p.name not in ("delete",)]


class Table2EntryForm(UnitScopedForm):
    class Meta:
        model = Table2Entry
        exclude = []


class Table2EntryViewSet(UnitScopedViewSetMixin, ModelViewSet):
    model = Table2Entry
    index_view_class = ScopedIndex
    icon = "table"
    menu_label = _("Table II figures")
    url_prefix = "table2-figures"
    name = "table2_figures"
    list_filter = ["year"]
    list_display = [
        "unit",
        "year",
        "licensing_decisions",
        "penalty_decisions",
        "compulsion_decisions",
        "fee_amount_wan",
    ]

    def get_form_class(self, for_update=False):
        return Table2EntryForm


class ReportsGroup(ViewSetGroup):
    menu_label = _("Annual reports")
    menu_icon = "doc-full-inverse"
    menu_order = 330
    items = (AnnualReportViewSet, Table2EntryViewSet)


@hooks.register("register_admin_viewset")
def register_reports():
    return ReportsGroup()


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("annual-reports/<int:pk>/", views.report_detail, name="reports_detail"),
        path(
            "annual-reports/<int:pk>/cell/<str:table>/<str:row>/<str:column>/",
            views.report_cell,
            name="reports_cell",
        ),
        path("annual-reports/<int:pk>/action/<str:action>/", views.report_action, name="reports_action"),
        path("annual-reports/<int:pk>/download/<str:kind>/", views.report_download, name="reports_download"),
        path("annual-reports/check/", views.check_upload, name="reports_check"),
        path("annual-reports/deadlines/", views.deadlines_view, name="reports_deadlines"),
        path("annual-reports/<int:pk>/open/", views.report_open, name="reports_open"),
    ]


class StaffMenuItem(MenuItem):
    def __init__(self, *args, check=permissions.is_staff_member, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


@hooks.register("register_admin_menu_item")
def check_menu_item():
    return StaffMenuItem(_("Check a report"), reverse("reports_check"), icon_name="tick", order=331)


@hooks.register("register_admin_menu_item")
def deadlines_menu_item():
    return StaffMenuItem(
        _("Report deadlines"),
        reverse("reports_deadlines"),
        icon_name="date",
        order=332,
        check=permissions.sees_all_units,
    )
