"""Staff screens for reconsideration and litigation cases and their documents."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .forms import AppealCaseForm, AppealDocumentForm
from .models import AppealCase, AppealDocument
from .policies import AppealPermissionPolicy
from .services import save_case

register_permission_policy(AppealCase, AppealPermissionPolicy(AppealCase))
register_permission_policy(AppealDocument, AppealPermissionPolicy(AppealDocument))


class ScopedObjectMixin:
    """Look objects up only among those the user may see; another unit's case is a 404."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        policy = self.permission_policy
        if not policy.user_has_permission_for_instance(self.request.user, "view", obj):
            raise Http404
        if self.permission_required in ("change", "delete") and not policy.user_has_permission_for_instance(
            self.request.user, self.permission_required, obj
        ):
            raise PermissionDenied
        return obj


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["view"])


class CaseCreateView(generic.CreateView):
    def save_instance(self):
        return save_case(
            self.form.instance,
            user=self.request.user,
            applications=getattr(self.form, "linked_applications", []),
        )


class CaseEditView(ScopedObjectMixin, generic.EditView):
    def save_instance(self):
        return save_case(
            self.form.instance,
            user=self.request.user,
            applications=getattr(self.form, "linked_applications", None),
        )


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class AppealCaseViewSet(ModelViewSet):
    model = AppealCase
    #: Staff record cases through the service (deadlines, links to applications, events).
    form_class = AppealCaseForm
    index_view_class = ScopedIndexView
    add_view_class = CaseCreateView
    edit_view_class = CaseEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
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


class AppealDocumentViewSet(ModelViewSet):
    model = AppealDocument
    form_class = AppealDocumentForm
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    copy_view_enabled = False
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
