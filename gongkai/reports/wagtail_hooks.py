"""Staff screens of annual reports: the reports, Table II figures, checking outside reports, deadlines."""

from django import forms
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from gongkai.organizations import permissions
from gongkai.organizations.permissions import Action

from . import views
from .models import AnnualReport, ReportStatus, Table2Entry
from .services import prepare


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


class ScopedIndex(generic.IndexView):
    def get_base_queryset(self):
        return self.model.objects.filter(
            unit__in=permissions.units_visible_to(self.request.user)
        ).select_related("unit")


class ScopedEdit(generic.EditView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not permissions.can(self.request.user, Action.EDIT_CONTENT, obj.unit):
            raise Http404
        return obj


class ReportCreate(generic.CreateView):
    def save_instance(self):
        report = self.form.instance
        permissions.require(self.request.user, Action.EDIT_CONTENT, report.unit)
        prepare(report)
        report.save()
        return report

    def get_success_url(self):
        return reverse("reports_detail", args=[self.object.pk])


class ReportEdit(ScopedEdit):
    def get_success_url(self):
        return reverse("reports_detail", args=[self.object.pk])


class AnnualReportViewSet(ModelViewSet):
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


class Table2EntryViewSet(ModelViewSet):
    model = Table2Entry
    index_view_class = ScopedIndex
    edit_view_class = ScopedEdit
    copy_view_enabled = False
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
        path(
            "annual-reports/<int:pk>/open/",
            lambda request, pk: redirect("reports_detail", pk),
            name="reports_open",
        ),
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
