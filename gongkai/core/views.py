from django import forms
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import UserCreationForm
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _


def healthz(request):
    """200 when the database answers, 503 otherwise (the load balancer then takes this server out)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


class ApplicantRegistrationForm(UserCreationForm):
    email = forms.EmailField(
        label=_("E-mail"), required=False, help_text=_("For notices about your applications.")
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")


def register(request):
    """A public user (applicant) account. Optional: applications can be made without one."""
    form = ApplicantRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("/")
    return render(request, "accounts/register.html", {"form": form})


def bad_request(request, exception=None):
    """A refused request (too large, malformed) in the user's language; JSON under /api/."""
    from django.core.exceptions import RequestDataTooBig
    from django.http import HttpResponseBadRequest, JsonResponse
    from django.utils.translation import gettext as _

    if isinstance(exception, RequestDataTooBig):
        message = _("The request is too large (at most 20 MB; files at most 10 MB each).")
        code = "too_large"
    else:
        message = _("The request could not be understood. Please check it and try again.")
        code = "bad_request"
    if request.path.startswith("/api/"):
        return JsonResponse({"error": code, "message": message}, status=400)
    return HttpResponseBadRequest(
        f'<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>{message}</title>'
        f'<p>{message}</p><p><a href="/">{_("Home page")}</a></p></html>'
    )
