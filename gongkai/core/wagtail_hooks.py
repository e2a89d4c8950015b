"""Staff screens of the core app: the audit log (read-only) and two-factor set-up."""

import django_filters
from auditlog.models import LogEntry

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from gongkai.organizations.permissions import is_office_admin

from . import twofactor
from .audit_display import event_label, readable_text
from .personal_data import mask_changes
from .policies import AuditLogPermissionPolicy

register_permission_policy(LogEntry, AuditLogPermissionPolicy(LogEntry))


class AuditLogFilterSet(WagtailFilterSet):
    content_type = django_filters.ModelChoiceFilter(
        label=_("Record type"), queryset=ContentType.objects.filter(logentry__isnull=False).distinct()
    )
    object_pk = django_filters.CharFilter(label=_("Record ID"))
    action = django_filters.ChoiceFilter(label=_("Action"), choices=LogEntry.Action.choices)
    actor = django_filters.ModelChoiceFilter(label=_("Who"), queryset=get_user_model().objects.all())
    timestamp = django_filters.DateFromToRangeFilter(label=_("When"), widget=DateRangePickerWidget)

    class Meta:
        model = LogEntry
        fields = ["content_type", "object_pk", "action", "actor", "timestamp"]


def _label(entry) -> str:
    return f"{entry.content_type.app_label}.{entry.content_type.model}" if entry.content_type_id else ""


def changes_for(user, entry) -> dict:
    """The entry's changes; personal data masked unless the reader is the disclosure office."""
    changes = entry.changes_dict or {}
    return changes if is_office_admin(user) else mask_changes(_label(entry), changes)


class ChangesColumn(Column):
    """The changes of an entry, personal data masked for readers other than the office."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        user = getattr(request, "user", None)
        context["value"] = readable_text(instance, changes_for(user, instance)) if user else ""
        return context


class EventColumn(Column):
    def get_value(self, instance):
        return event_label(instance)


class AuditLogInspectView(InspectView):
    def get_changes_display_value(self):
        return readable_text(self.object, changes_for(self.request.user, self.object)) or "-"

    def get_remote_addr_display_value(self):
        return self.object.remote_addr if is_office_admin(self.request.user) else "＊＊＊"


class AuditLogViewSet(ModelViewSet):
    model = LogEntry
    #: Read-only: no create, edit, copy or delete screens are reachable (see the policy).
    inspect_view_enabled = True
    inspect_view_class = AuditLogInspectView
    copy_view_enabled = False
    icon = "history"
    menu_label = _("Audit log")
    menu_name = "audit-log"
    add_to_settings_menu = True
    url_prefix = "audit-log"
    name = "audit_log"
    filterset_class = AuditLogFilterSet
    search_fields = ["object_repr", "changes_text"]
    list_display = [
        Column("timestamp", label=_("When")),
        Column("actor", label=_("Who")),
        EventColumn("event", label=_("Action")),
        Column("content_type", label=_("Record type")),
        Column("object_repr", label=_("Record")),
        ChangesColumn("changes_str", label=_("Changes")),
    ]
    inspect_view_fields = [
        "timestamp",
        "actor",
        "remote_addr",
        "action",
        "content_type",
        "object_pk",
        "object_repr",
        "changes",
        "additional_data",
    ]
    list_per_page = 50
    ordering = ["-timestamp"]
    # Needed by ModelViewSet's machinery; the add and edit screens are never routed (see below).
    form_fields = ["object_repr"]

    def get_urlpatterns(self):
        read_only = {"index", "index_results", "inspect"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in read_only]


audit_log_viewset = AuditLogViewSet()


@hooks.register("register_admin_viewset")
def register_audit_log_viewset():
    return audit_log_viewset


@hooks.register("register_admin_urls")
def register_twofactor_url():
    return [path("two-factor/", twofactor.setup_view, name="gongkai_twofactor")]


@hooks.register("register_settings_menu_item")
def register_twofactor_menu_item():
    return MenuItem(_("Two-factor authentication"), reverse("gongkai_twofactor"), icon_name="key", order=900)
