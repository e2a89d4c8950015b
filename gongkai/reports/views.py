"""Staff views of annual reports (thin: they ask the services and permissions, then render)."""

import datetime
import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.organizations import permissions
from gongkai.organizations.permissions import Action

from . import workflow
from .assembly import check_report
from .checking import check_data
from .deadlines import dashboard
from .exports import export_report
from .importers.html import parse_html
from .importers.json import ImportFailed, loads
from .models import AnnualReport, ReportOrigin, ReportStatus
from .rendering import report_context
from .services import save_entered
from .tables.table2 import table2_queryset
from .tables.table3 import table3_queryset
from .tables.table4 import table4_queryset


def visible_report(request, pk) -> AnnualReport:
    report = get_object_or_404(AnnualReport.objects.select_related("unit"), pk=pk)
    if not permissions.can(request.user, Action.VIEW, report.unit):
        raise Http404
    return report


def report_detail(request, pk):
    report = visible_report(request, pk)

    def links(table, row, column):
        if report.origin != ReportOrigin.COMPUTED:
            return None
        return reverse("reports_cell", args=[report.pk, table, row, column])

    context = report_context(report, links)
    result = check_report(report)
    can_edit = permissions.can(request.user, Action.EDIT_CONTENT, report.unit)
    can_review = permissions.can(request.user, Action.REVIEW_CONTENT, report.unit)
    context.update(
        result=result,
        can_submit=can_edit and report.status == ReportStatus.DRAFT,
        can_review=can_review and report.status == ReportStatus.SUBMITTED,
        can_publish=can_review and report.status == ReportStatus.APPROVED,
        page_title=report.title,
        downloads=["docx", "pdf", "xlsx", "json"],
    )
    return render(request, "reports/admin/detail.html", context)


def report_open(request, pk):
    return redirect("reports_detail", visible_report(request, pk).pk)


def report_cell(request, pk, table, row, column):
    """Drill-down: the records behind one figure. The list is the query that computed it."""
    report = visible_report(request, pk)
    ids = report.unit_ids()
    try:
        if table == "table3":
            records = table3_queryset(ids, report.year, row, column, report.format)
            kind = "applications"
        elif table == "table4":
            records = table4_queryset(ids, report.year, row, column)
            kind = "appeals"
        elif table == "table2":
            records = table2_queryset(ids, report.year, row, column)
            kind = "table2"
        else:
            raise Http404
    except KeyError as exc:
        raise Http404 from exc
    return render(
        request,
        "reports/admin/cell.html",
        {
            "report": report,
            "table": table,
            "row": row,
            "column": column,
            "kind": kind,
            "records": records[:500],
            "count": records.count(),
            "page_title": _("Records behind a figure"),
        },
    )


def report_action(request, pk, action):
    report = visible_report(request, pk)
    if request.method != "POST":
        return redirect("reports_detail", pk)
    try:
        if action == "submit":
            workflow.submit(report, request.user)
        elif action == "approve":
            workflow.approve(report, request.user)
        elif action == "return":
            workflow.return_for_changes(report, request.user, request.POST.get("note", ""))
        elif action == "publish":
            page = workflow.publish(report, request.user)
            messages.success(request, _("Published at %(url)s") % {"url": page.url or page.url_path})
        else:
            raise Http404
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("reports_detail", pk)


def report_download(request, pk, kind):
    report = visible_report(request, pk)
    return _download(report, kind)


def _download(report, kind):
    try:
        content, mime = export_report(report, kind)
    except KeyError as exc:
        raise Http404 from exc
    response = HttpResponse(content, content_type=mime)
    filename = f"annual-report-{report.year}-{report.unit.slug}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def public_download(request, pk, kind):
    """Downloads of a published report, for everyone."""
    report = get_object_or_404(AnnualReport, pk=pk, status=ReportStatus.PUBLISHED)
    return _download(report, kind)


class CheckForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Report file (JSON exchange format or the report's HTML page)"))
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Keep it as the report of"), queryset=None, required=False
    )
    source_url = forms.URLField(
        label=gettext_lazy("Address of the published page"), required=False, assume_scheme="https"
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = permissions.units_for_action(user, Action.EDIT_CONTENT)


def check_upload(request):
    """Check a report written elsewhere with the same validator; optionally keep it."""
    if not permissions.is_staff_member(request.user):
        raise PermissionDenied
    result = None
    form = CheckForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        raw = upload.read(10 * 1024 * 1024)
        try:
            if upload.name.lower().endswith(".json"):
                data, findings = loads(raw.decode("utf-8-sig"))
            else:
                data, findings = parse_html(raw)
            result = check_data(data, findings)
            if form.cleaned_data["unit"] and data.year:
                report = save_entered(
                    form.cleaned_data["unit"],
                    data,
                    user=request.user,
                    source_url=form.cleaned_data["source_url"],
                )
                messages.success(request, _("Kept as %(title)s.") % {"title": report.title})
        except ImportFailed as failure:
            result = {
                "valid": False,
                "agency": None,
                "year": None,
                "errors": [f.as_dict() for f in failure.findings],
                "warnings": [],
            }
        except UnicodeDecodeError:
            result = {
                "valid": False,
                "agency": None,
                "year": None,
                "warnings": [],
                "errors": [
                    {"rule": "schema.encoding", "cells": [], "detail": _("The file is not UTF-8 text.")}
                ],
            }
    return render(
        request,
        "reports/admin/check.html",
        {
            "form": form,
            "result": result,
            "result_json": json.dumps(result, ensure_ascii=False, indent=1) if result else "",
            "page_title": _("Check a report"),
        },
    )


def deadlines_view(request):
    if not permissions.sees_all_units(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year - 1 if today.month <= 6 else today.year))
    except ValueError:
        year = today.year - 1
    rows = dashboard(year)
    summary = {
        state: sum(1 for r in rows if r.state == state) for state in ("on_time", "late", "missing", "open")
    }
    return render(
        request,
        "reports/admin/deadlines.html",
        {
            "rows": rows,
            "year": year,
            "summary": summary,
            "today": today,
            "page_title": _("Annual report deadlines"),
            "years": list(range(datetime.date.today().year, 2018, -1)),
        },
    )
