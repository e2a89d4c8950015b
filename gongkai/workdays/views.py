"""The office pastes the State Council's holiday notice, sees the year month by month, and confirms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gongkai.organizations.permissions import is_office_admin

from .forms import NoticeForm
from .notice import apply_notice, parse_notice


def import_notice_view(request):
    if not is_office_admin(request.user):
        raise PermissionDenied(_("Only the disclosure office enters the holiday arrangement."))
    form = NoticeForm(request.POST or None)
    parsed = None
    if request.method == "POST" and form.is_valid():
        parsed = parse_notice(form.cleaned_data["text"], form.cleaned_data.get("year"))
        if parsed.ok and request.POST.get("confirm") == "1":
            title = form.cleaned_data["text"].strip().splitlines()[0]
            apply_notice(parsed, request.user, title)
            messages.success(
                request,
                _("The %(year)s arrangement is entered: %(h)s holidays, %(w)s make-up working days.")
                % {"year": parsed.year, "h": len(parsed.holidays()), "w": len(parsed.make_up_workdays())},
            )
            return redirect("workdays_years:index")
    return render(request, "workdays/import_notice.html", {"form": form, "parsed": parsed})
