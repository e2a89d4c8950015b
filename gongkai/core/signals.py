from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def persist_otp_verification(sender, request, user, **kwargs):
    # StaffLoginForm attaches the matched TOTP device; remember it in the session so that
    # OTPMiddleware reports the user as verified.
    device = getattr(user, "otp_device", None)
    if device is not None and request is not None:
        from django_otp import login as otp_login

        otp_login(request, device)
