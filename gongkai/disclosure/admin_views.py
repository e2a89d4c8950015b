"""Staff oversight screens: art. 26 timeliness, missing interpretations, the standard list."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.organizations import permissions as org_permissions
from gongkai.organizations.permissions import Action

from . import interpretations, standard_list, timeliness


def _unit_ids(user):
    if not org_permissions.is_staff_member(user):
        raise PermissionDenied(_("Only staff of the district's units may see this."))
    if org_permissions.sees_all_units(user):
        return None
    return list(org_permissions.units_for_action(user, Action.VIEW).values_list("pk", flat=True))


def timeliness_view(request):
    year = request.GET.get("year")
    year = int(year) if year and year.isdigit() else None
    rows = timeliness.report(_unit_ids(request.user), year=year)
    return render(
        request,
        "disclosure/admin/timeliness.html",
        {"rows": rows, "year": year, "limit": timeliness.LIMIT_WORKING_DAYS, "today": timezone.localdate()},
    )


def interpretations_view(request):
    unit_ids = _unit_ids(request.user)
    return render(
        request,
        "disclosure/admin/interpretations.html",
        {
            "missing": interpretations.needing_interpretation(unit_ids)[:200],
            "rows": interpretations.status(unit_ids)[:200],
            "together_days": interpretations.TOGETHER_WORKING_DAYS,
        },
    )


def standard_list_view(request):
    statuses = standard_list.catalogue(unit_ids=_unit_ids(request.user))
    return render(
        request,
        "disclosure/admin/standard_list.html",
        {"statuses": statuses, "overdue": sum(1 for s in statuses if s.overdue)},
    )
