"""Optional TOTP two-factor set-up for staff (django-otp)."""

import io

import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class ConfirmTokenForm(forms.Form):
    token = forms.CharField(label=gettext_lazy("Six-digit code"), max_length=8)


def qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def setup_view(request):
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if request.method == "POST" and request.POST.get("action") == "disable" and confirmed:
        TOTPDevice.objects.filter(user=user).delete()
        messages.success(request, _("Two-factor authentication is switched off."))
        return redirect("gongkai_twofactor")
    device = None
    form = ConfirmTokenForm()
    if not confirmed:
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": "authenticator"}
        )
        if request.method == "POST":
            form = ConfirmTokenForm(request.POST)
            if form.is_valid():
                if device.verify_token(form.cleaned_data["token"].strip()):
                    device.confirmed = True
                    device.save(update_fields=["confirmed"])
                    messages.success(
                        request, _("Two-factor authentication is on. You will need a code at login.")
                    )
                    return redirect("gongkai_twofactor")
                form.add_error("token", _("The code is wrong or has expired. Try the current code."))
    return TemplateResponse(
        request,
        "core/twofactor.html",
        {
            "confirmed": confirmed,
            "device": device,
            "form": form,
            "qr": qr_svg(device.config_url) if device else "",
            "page_title": _("Two-factor authentication"),
        },
    )
