"""Staff screens of the applications app in the Wagtail admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from gongkai.organizations.permissions import is_staff_member
from gongkai.organizations.policies import OFFICE_ONLY, UnitScopedPermissionPolicy
from gongkai.organizations.viewsets import ScopedSnippetChooserViewSet

from .models import LetterTemplate
from .views import staff
from .views.inbox_report import InboxView

app_urls = (
    [
        path("", InboxView.as_view(), name="inbox"),
        path("results/", InboxView.as_view(results_only=True), name="inbox_results"),
        path("register/", staff.register_view, name="register"),
        path("<str:tracking_number>/", staff.case_view, name="case"),
        path("<str:tracking_number>/do/<str:action>/", staff.case_action, name="action"),
        path("<str:tracking_number>/files/<int:attachment_id>/", staff.attachment_view, name="attachment"),
        path("<str:tracking_number>/letters/<int:letter_id>.<str:fmt>", staff.letter_view, name="letter"),
    ],
    "applications_admin",
)


@hooks.register("register_admin_urls")
def admin_urls():
    return [path("applications/", include(app_urls, namespace="applications_admin"))]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_staff_member(request.user)


@hooks.register("register_admin_menu_item")
def inbox_menu():
    return StaffMenuItem(
        _("Applications for disclosure"), reverse("applications_admin:inbox"), icon_name="mail", order=240
    )


# Only the disclosure office sees and edits the texts of letters.
register_permission_policy(
    LetterTemplate, UnitScopedPermissionPolicy(LetterTemplate, unit_field=None, actions=OFFICE_ONLY)
)


class LetterTemplateViewSet(SnippetViewSet):
    chooser_viewset_class = ScopedSnippetChooserViewSet
    copy_view_enabled = False
    model = LetterTemplate
    icon = "doc-full"
    menu_label = _("Letter templates")
    list_display = ["kind", "title", "updated_at"]
    add_to_admin_menu = False


register_snippet(LetterTemplateViewSet)


@hooks.register("construct_homepage_panels")
def add_my_cases_panel(request, panels):
    from .dashboard import MyCasesPanel, my_work

    queues = my_work(request.user) if is_staff_member(request.user) else {}
    if queues:
        panels.insert(0, MyCasesPanel(queues))
