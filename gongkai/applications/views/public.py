"""Public pages: apply online, acknowledgement, status lookup (art. 29, 31; never lose a submission)."""

import uuid

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .. import intake, letters, throttle
from ..forms import ApplicationForm, StatusLookupForm
from ..models import Application
from ..status import public_view

ACK_SESSION_KEY = "gongkai_application_receipts"


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request):
    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                submission = intake.submit(
                    form.application_data(),
                    form.uploads(),
                    idempotency_key=form.cleaned_data.get("idempotency_key"),
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages[0])
            else:
                receipts = request.session.get(ACK_SESSION_KEY, {})
                receipts[submission.application.tracking_number] = submission.verification_code
                request.session[ACK_SESSION_KEY] = receipts
                return redirect(
                    "applications:received", tracking_number=submission.application.tracking_number
                )
        key = request.POST.get("idempotency_key") or uuid.uuid4().hex
    else:
        key = uuid.uuid4().hex
        form = ApplicationForm(initial={"idempotency_key": key})
    form.data = form.data.copy() if form.is_bound else form.data
    if form.is_bound:
        form.data["idempotency_key"] = key
    return render(request, "applications/public/apply.html", {"form": form})


@never_cache
def received(request, tracking_number):
    code = request.session.get(ACK_SESSION_KEY, {}).get(tracking_number)
    if code is None:
        raise Http404(_("No acknowledgement to show."))
    app = Application.objects.get(tracking_number=tracking_number)
    return render(
        request, "applications/public/received.html", {"app": app, "code": code, "view": public_view(app)}
    )


@never_cache
@never_cache
def status(request):
    """The applicant's status check. A POST form: the verification code never appears in a URL (access
    logs, browser history); guesses are limited per tracking number and per address (throttle)."""
    initial = {"tracking_number": request.GET.get("tracking_number", "")}
    form = StatusLookupForm(request.POST or None, initial=initial)
    view = None
    if request.method == "POST" and form.is_valid():
        number, code = form.cleaned_data["tracking_number"], form.cleaned_data["code"]
        client = throttle.client_of(request)
        if throttle.blocked(number, client):
            form.add_error(None, _("Too many wrong attempts. Try again in an hour."))
        else:
            app = intake.find_for_applicant(number, code)
            if app is None:
                throttle.failed(number, client)
                form.add_error(None, _("No application matches this tracking number and verification code."))
            else:
                view = public_view(app)
    return render(request, "applications/public/status.html", {"form": form, "view": view})


@never_cache
@require_POST
def letter_download(request, tracking_number, letter_id, fmt):
    """The applicant downloads a letter of their own case (tracking number + code, posted)."""
    code = request.POST.get("code", "")
    client = throttle.client_of(request)
    if throttle.blocked(tracking_number, client):
        raise Http404
    app = intake.find_for_applicant(tracking_number, code)
    if app is None:
        throttle.failed(tracking_number, client)
        raise Http404(_("No application matches this tracking number and verification code."))
    letter = app.letters.filter(pk=letter_id).first()
    if letter is None:
        raise Http404
    return letters.file_response(letter, fmt)
