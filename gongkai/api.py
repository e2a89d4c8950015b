"""The HTTP API under /api/v1/, with its OpenAPI schema at /api/v1/openapi.json and docs at /api/v1/docs.

Each app exposes ``router`` (a ninja Router) and ``router_prefix`` in its ``api.py``.
"""

from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError

from django.utils.translation import gettext_lazy as _

from gongkai.core.discovery import app_modules

api = NinjaAPI(
    title="Gongkai API",
    version="1.0.0",
    description="Open government information: applications for disclosure, assistant, reports.",
    urls_namespace="api-v1",
)


@api.exception_handler(NinjaValidationError)
def validation_errors(request, exc):
    # A clear message in the user's language, with the fields concerned, never a 500.
    return api.create_response(
        request,
        {
            "error": "invalid_input",
            "message": str(_("Some fields are missing or invalid.")),
            "detail": exc.errors,
        },
        status=422,
    )


for _label, module in app_modules("api"):
    router = getattr(module, "router", None)
    if router is not None:
        api.add_router(getattr(module, "router_prefix", ""), router)
