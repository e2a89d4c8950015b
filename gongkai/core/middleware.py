"""Requests no part of the system can store are refused at the door, in the user's language."""

from csp.middleware import CSPMiddleware

from django.http import JsonResponse
from django.utils.translation import gettext as _

from .text import is_storable


class RefuseUnstorableTextMiddleware:
    """A NUL character or a lone surrogate in the path or query string: 400 with a message, not a 500
    from the database driver later."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        text = request.path + "?" + "&".join(f"{k}={v}" for k, vs in request.GET.lists() for v in vs)
        if not is_storable(text):
            return JsonResponse(
                {
                    "error": "invalid_input",
                    "message": _("Some text contains characters that are not valid; please retype it."),
                },
                status=400,
            )
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The site's policy (settings.CONTENT_SECURITY_POLICY) everywhere; in the staff admin, whose Wagtail
    screens still carry inline scripts (page editor panels, choosers), inline scripts are allowed — only
    for signed-in staff, and still nothing from other origins, no plugins, no framing by others."""

    ADMIN_SCRIPTS = {"script-src": ["'self'", "'unsafe-inline'"]}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith("/admin/"):
            parts.replace = {**(parts.replace or {}), **self.ADMIN_SCRIPTS}
            parts.nonce = None  # a nonce would make browsers ignore 'unsafe-inline'
        return parts
