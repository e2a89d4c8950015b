"""Staff screens beyond the generic viewsets: review queue, questions needing attention and hot
questions, import/export. Thin: each calls a service and renders the result."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gongkai.organizations import permissions
from gongkai.organizations.permissions import Action

from . import importing, kb, learning, proposals
from .models import Entry, QuestionLog, ReviewStatus


def _staff(request):
    if not permissions.is_staff_member(request.user):
        raise PermissionDenied(_("Only staff may use the assistant's screens."))


def review_queue(request):
    _staff(request)
    waiting = (
        Entry.objects.for_user(request.user, Action.REVIEW_CONTENT)
        .filter(status__in=[ReviewStatus.PENDING, ReviewStatus.PROPOSED])
        .select_related("unit")
        .order_by("status", "unit__sort_order", "external_id")
    )
    return render(
        request, "assistant/admin/review.html", {"page_title": _("Entries to review"), "entries": waiting}
    )


@require_POST
def review_decide(request, pk: int, decision: str):
    _staff(request)
    entry = get_object_or_404(Entry, pk=pk)
    note = request.POST.get("note", "")
    try:
        if decision == "approve":
            if entry.status == ReviewStatus.PROPOSED:
                proposals.accept(entry, request.user)
            else:
                kb.approve(entry, request.user, note)
        elif decision == "reject":
            kb.reject(entry, request.user, note)
        else:
            raise ValidationError(_("Unknown decision."))
        messages.success(request, _("Decision recorded for %(id)s.") % {"id": entry.external_id})
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("assistant_review")


def insights(request):
    _staff(request)
    return render(
        request,
        "assistant/admin/insights.html",
        {
            "page_title": _("Questions asked"),
            "groups": learning.attention_groups()[:50],
            "hot": learning.hot_questions(limit=20),
            "total": QuestionLog.objects.count(),
        },
    )


@require_POST
def draft_from_group(request):
    _staff(request)
    ids = [int(i) for i in request.POST.getlist("log") if i.isdigit()]
    texts = list(QuestionLog.objects.filter(pk__in=ids).values_list("text", flat=True))
    if not texts:
        messages.error(request, _("Choose at least one question."))
        return redirect("assistant_insights")
    units = permissions.units_for_action(request.user, Action.EDIT_CONTENT)
    entry = learning.draft_from_group(texts, request.user, unit=units.first())
    messages.success(request, _("Draft entry %(id)s created: write its answer.") % {"id": entry.external_id})
    return redirect("assistant_entry:edit", entry.pk)


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))
    skip_errors = forms.BooleanField(
        label=gettext_lazy("Load the good rows even if some rows are bad"), required=False
    )


def import_export(request):
    _staff(request)
    result, form = None, ImportForm()
    if request.method == "POST":
        if not permissions.is_office_admin(request.user):
            raise PermissionDenied(_("Only the disclosure office imports knowledge bases."))
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                rows = importing.read_rows(upload.read(), upload.name)
                # Imported entries go through review like any other change.
                result = importing.import_rows(
                    rows, skip_errors=form.cleaned_data["skip_errors"], status=ReviewStatus.PENDING
                )
            except importing.ImportFileError as exc:
                form.add_error("file", str(exc))
    return render(
        request,
        "assistant/admin/import.html",
        {"page_title": _("Import and export the knowledge base"), "form": form, "result": result},
    )


def export(request, fmt: str):
    _staff(request)
    queryset = Entry.objects.for_user(request.user)
    if fmt == "xlsx":
        data, kind = (
            importing.export_xlsx(queryset),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        data, kind, fmt = importing.export_csv(queryset), "text/csv; charset=utf-8", "csv"
    response = HttpResponse(data, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="knowledge-base.{fmt}"'
    return response
