"""Staff login: Argon2 passwords (settings), lock-out (django-axes) and optional TOTP."""

from django_otp import match_token, user_has_device

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class StaffLoginForm(LoginForm):
    otp_token = forms.CharField(
        label=_("Two-factor code"),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Only if you have set up an authenticator app."),
    )

    error_messages = {
        **LoginForm.error_messages,
        "otp_required": _("Enter the six-digit code from your authenticator app."),
        "otp_invalid": _("The two-factor code is wrong or has expired."),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user_has_device(user, confirmed=True):
            token = (self.cleaned_data.get("otp_token") or "").strip()
            if not token:
                raise forms.ValidationError(self.error_messages["otp_required"], code="otp_required")
            device = match_token(user, token)
            if device is None:
                raise forms.ValidationError(self.error_messages["otp_invalid"], code="otp_invalid")
            # Mark the session as verified (django_otp.login is applied by the view's login()).
            user.otp_device = device
