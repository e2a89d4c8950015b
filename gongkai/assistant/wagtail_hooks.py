"""Staff screens of the assistant: entries (scoped to the user's units, edits go to review),
synonyms, the review queue (incl. proposals), questions needing attention and hot questions,
import/export."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from gongkai.organizations import permissions
from gongkai.organizations.permissions import Action
from gongkai.organizations.policies import CONTENT, UnitScopedPermissionPolicy
from gongkai.organizations.viewsets import UnitScopedViewSetMixin

from . import admin_views, kb
from .models import Entry, ReviewStatus, Synonym

# A unit's editors and reviewers maintain its entries; the office all of them, and alone deletes them
# and changes the district-wide entries (no unit).
register_permission_policy(Entry, UnitScopedPermissionPolicy(Entry, actions=CONTENT))
# The synonym dictionary is shared by search and the assistant: the office keeps it.
register_permission_policy(Synonym, UnitScopedPermissionPolicy(Synonym, unit_field=None))


class EntryForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "unit" in self.fields:
            self.fields["unit"].queryset = permissions.units_for_action(self.for_user, Action.EDIT_CONTENT)
            self.fields["unit"].required = not permissions.is_office_admin(self.for_user)

    def save(self, commit=True):
        entry = super().save(commit=False)
        # A change by someone who may not approve it goes to the unit's reviewers first.
        if self.for_user is not None and not kb.may_review(self.for_user, entry):
            entry.status = ReviewStatus.PENDING
        if commit:
            entry.save()
        return entry


class EntryViewSet(UnitScopedViewSetMixin, ModelViewSet):
    model = Entry
    #: URL namespace used by the review and draft screens
    name = "assistant_entry"
    icon = "help"
    menu_label = _("Knowledge base")
    inspect_view_enabled = True
    list_display = ["external_id", "question", "category", "unit", "status", "updated_at"]
    list_filter = ["status", "origin", "category", "unit"]
    search_fields = ["external_id", "question", "variants"]
    #: review status is decided in the review queue, never typed in
    form_fields = [
        "external_id",
        "question",
        "variants",
        "answer",
        "category",
        "unit",
        "sources",
        "valid_from",
        "valid_until",
    ]

    def get_form_class(self, for_update=False):
        from django.forms.models import modelform_factory

        return modelform_factory(Entry, form=EntryForm, fields=self.form_fields)


class SynonymViewSet(UnitScopedViewSetMixin, ModelViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Synonyms")
    copy_view_enabled = False
    list_display = ["term", "canonical", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["term", "canonical"]
    form_fields = ["term", "canonical", "is_active"]


class AssistantGroup(ViewSetGroup):
    menu_label = _("Q&A assistant")
    menu_icon = "help"
    menu_order = 360
    items = (EntryViewSet, SynonymViewSet)


@hooks.register("register_admin_viewset")
def register_assistant():
    return AssistantGroup()


@hooks.register("register_admin_urls")
def register_assistant_urls():
    return [
        path("assistant/review/", admin_views.review_queue, name="assistant_review"),
        path("assistant/review/<int:pk>/<str:decision>/", admin_views.review_decide, name="assistant_decide"),
        path("assistant/questions/", admin_views.insights, name="assistant_insights"),
        path("assistant/questions/draft/", admin_views.draft_from_group, name="assistant_draft"),
        path("assistant/import/", admin_views.import_export, name="assistant_import"),
        path("assistant/export/<str:fmt>/", admin_views.export, name="assistant_export"),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.is_staff_member(request.user)


@hooks.register("register_admin_menu_item")
def review_menu_item():
    return StaffMenuItem(_("Assistant: review"), reverse("assistant_review"), icon_name="tick", order=361)


@hooks.register("register_admin_menu_item")
def insights_menu_item():
    return StaffMenuItem(
        _("Assistant: questions asked"), reverse("assistant_insights"), icon_name="help", order=362
    )


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return StaffMenuItem(
        _("Assistant: import/export"), reverse("assistant_import"), icon_name="download", order=363
    )
