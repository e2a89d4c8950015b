"""Staff screens for reconsideration and litigation cases and their documents."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from gongkai.organizations.viewsets import ScopedCreateView, ScopedEditView, UnitScopedViewSetMixin

from .forms import AppealCaseForm, AppealDocumentForm
from .models import AppealCase, AppealDocument
from .policies import AppealPermissionPolicy
from .services import save_case

register_permission_policy(AppealCase, AppealPermissionPolicy(AppealCase))
register_permission_policy(AppealDocument, AppealPermissionPolicy(AppealDocument))


class CaseCreateView(ScopedCreateView):
    def save_instance(self):
        return save_case(
            self.form.instance,
            user=self.request.user,
            applications=getattr(self.form, "linked_applications", []),
        )


class CaseEditView(ScopedEditView):
    def save_instance(self):
        return save_case(
            self.form.instance,
            user=self.request.user,
            applications=getattr(self.form, "linked_applications", None),
        )


class AppealCaseViewSet(UnitScopedViewSetMixin, ModelViewSet):
    model = AppealCase
    #: Staff record cases through the service (deadlines, links to applications, events).
    form_class = AppealCaseForm
    add_view_class = CaseCreateView
    edit_view_class = CaseEditView
    inspect_view_enabled = True
    icon = "doc-full"
    menu_label = _("Reconsideration and litigation")
    url_prefix = "appeals"
    name = "appeals"
    list_filter = ["kind", "result", "respondent_unit"]
    search_fields = ["case_number", "appellant_name", "reviewing_body"]
    list_display = [
        Column("case_number", label=_("Case number")),
        Column("get_kind_display", label=_("Kind")),
        Column("respondent_unit", label=_("Respondent")),
        Column("filed_on", label=_("Filed on")),
        Column("answer_due_on", label=_("Answer due on")),
        Column("decided_on", label=_("Decided on")),
        Column("get_result_display", label=_("Result")),
    ]
    ordering = ["-filed_on"]

    def get_form_class(self, for_update=False):
        return AppealCaseForm


class AppealDocumentViewSet(UnitScopedViewSetMixin, ModelViewSet):
    model = AppealDocument
    form_class = AppealDocumentForm
    icon = "doc-empty"
    menu_label = _("Case documents")
    url_prefix = "appeal-documents"
    name = "appeal_documents"
    list_filter = ["kind"]
    list_display = [
        Column("title", label=_("Title")),
        Column("case", label=_("Case")),
        Column("get_kind_display", label=_("Kind")),
        Column("dated", label=_("Dated")),
    ]

    def get_form_class(self, for_update=False):
        return AppealDocumentForm


class AppealsGroup(ViewSetGroup):
    menu_label = _("Appeals")
    menu_icon = "doc-full"
    menu_order = 320
    items = (AppealCaseViewSet, AppealDocumentViewSet)


@hooks.register("register_admin_viewset")
def register_appeals():
    return AppealsGroup()


def download_document(request, pk):
    """Case documents are private: served only to staff who may see the case."""
    document = get_object_or_404(AppealDocument.objects.select_related("case"), pk=pk)
    if not AppealPermissionPolicy(AppealDocument).user_has_permission_for_instance(
        request.user, "view", document
    ):
        raise Http404
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1]
    )


@hooks.register("register_admin_urls")
def register_download():
    return [path("appeal-documents/<int:pk>/download/", download_document, name="appeals_document_download")]
