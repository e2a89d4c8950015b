"""Generic staff views that ask the model's registered permission policy about every record.

Wagtail's generic views check the whole-model permission on dispatch; these also check the record
(as Wagtail's own document views do): a record the user may not see is a 404, one they may see but
not change is a 403, listings show only what the policy allows, and a new record must be created in a
unit where the user may add. ``UnitScopedViewSetMixin`` puts all of them on a ``ModelViewSet``.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser

# Views whose permission_required is one of these change the record; the rest read it.
WRITE_ACTIONS = {"change", "delete", "publish", "unpublish", "lock", "unlock"}


class ScopedObjectMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        policy = self.permission_policy
        user = self.request.user
        if not policy.user_has_permission_for_instance(user, "view", obj):
            raise Http404
        required = getattr(self, "permission_required", None)
        if required in WRITE_ACTIONS and not policy.user_has_permission_for_instance(user, required, obj):
            raise PermissionDenied(_("You do not have permission to do this for this unit."))
        return obj


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        scoped = self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["view"])
        return super().get_base_queryset().filter(pk__in=scoped.values("pk"))


class ScopedCreateView(generic.CreateView):
    def save_instance(self):
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "add", self.form.instance
        ):
            raise PermissionDenied(_("You do not have permission to do this for this unit."))
        return super().save_instance()


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    def save_instance(self):
        # The unit may have been changed in the form: the user must be allowed to put it there too.
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", self.form.instance
        ):
            raise PermissionDenied(_("You do not have permission to do this for this unit."))
        return super().save_instance()


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class UnitScopedViewSetMixin:
    """For a ``ModelViewSet`` whose model has a ``UnitScopedPermissionPolicy`` registered."""

    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False


class _PolicyDispatchMixin:
    """Choosers check the model's policy too (Wagtail's let every admin user choose any snippet)."""

    policy_action = "view"

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model)
        if not policy.user_has_permission(request.user, self.policy_action):
            raise PermissionDenied(_("You do not have permission to do this for this unit."))
        return super().dispatch(request, *args, **kwargs)


def _checked(view_class, action="view"):
    return type(view_class.__name__, (_PolicyDispatchMixin, view_class), {"policy_action": action})


class ScopedSnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = _checked(chooser.ChooseView)
    choose_results_view_class = _checked(chooser.ChooseResultsView)
    chosen_view_class = _checked(chooser.SnippetChosenView)
    chosen_multiple_view_class = _checked(chooser.ChosenMultipleView)
    create_view_class = _checked(chooser.CreateView, "add")
