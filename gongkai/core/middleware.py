"""Requests no part of the system can store are refused at the door, in the user's language."""

from django.http import JsonResponse
from django.utils.translation import gettext as _


class RefuseUnstorableTextMiddleware:
    """A NUL character or a lone surrogate in the path or query string: 400 with a message, not a 500
    from the database driver later."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        text = request.path + "?" + "&".join(f"{k}={v}" for k, vs in request.GET.lists() for v in vs)
        if "\x00" in text or not _encodable(text):
            return JsonResponse(
                {
                    "error": "invalid_input",
                    "message": _("Some text contains characters that are not valid; please retype it."),
                },
                status=400,
            )
        return self.get_response(request)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
