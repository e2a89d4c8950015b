"""The HTTP API under /api/v1/, with its OpenAPI schema at /api/v1/openapi.json and docs at /api/v1/docs.

Each app exposes ``router`` (a ninja Router) and ``router_prefix`` in its ``api.py``.
"""

import logging

from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext_lazy as _

from gongkai.core.discovery import app_modules

log = logging.getLogger(__name__)

# Answers any operation may give, whatever its own responses: the request could not be read (too large,
# malformed body, characters no database can store) or the database is briefly unavailable.
COMMON_RESPONSES = {
    "400": "The request could not be read: too large, malformed, or with invalid characters.",
    "503": "The service is briefly unavailable; retry after the Retry-After seconds.",
}
ERROR_BODY = {
    "type": "object",
    "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
    "required": ["error", "message"],
}


class GongkaiAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                responses = operation.setdefault("responses", {})
                for code, description in COMMON_RESPONSES.items():
                    responses.setdefault(
                        code,
                        {"description": description, "content": {"application/json": {"schema": ERROR_BODY}}},
                    )
        _list_units(schema)
        return schema


def _list_units(schema) -> None:
    """The agencies one may apply to are data, not code: list the active units' slugs in the input schemas."""
    from gongkai.organizations.models import Unit

    try:
        slugs = list(Unit.objects.active().order_by("sort_order").values_list("slug", flat=True))
    except Exception:  # noqa: BLE001 - the schema is still served (without the list) when the database is not
        return
    if not slugs:
        return
    for name, component in schema.get("components", {}).get("schemas", {}).items():
        if not name.endswith("In"):  # inputs only: outputs carry the unit's name
            continue
        prop = component.get("properties", {}).get("handling_unit")
        if prop is not None and prop.get("type") == "string" and "enum" not in prop:
            prop["enum"] = slugs


api = GongkaiAPI(
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


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def database_unavailable(request, exc):
    # The database restarted or is unreachable: say so as JSON with a retry time, never an HTML 500.
    # A retry is safe: a submission with the same Idempotency-Key returns the stored application, and a
    # submission already committed is answered from its committed data (applications.api).
    log.warning("database unavailable for %s: %s", request.path, exc)
    response = api.create_response(
        request,
        {
            "error": "service_unavailable",
            "message": str(_("The service is briefly unavailable. Please try again in a few seconds.")),
        },
        status=503,
    )
    response["Retry-After"] = "5"
    return response


@api.exception_handler(ValueError)
def invalid_value(request, exc):
    # psycopg refuses NUL characters in text ("cannot contain NUL (0x00)"): refuse them as bad input.
    if "NUL" not in str(exc) and "\\x00" not in str(exc):
        raise exc
    return invalid_text(request, exc)


@api.exception_handler(UnicodeEncodeError)
def invalid_text(request, exc):
    # A lone surrogate ("\ud800") or similar: not storable text. Refuse it clearly instead of a 500.
    return api.create_response(
        request,
        {
            "error": "invalid_input",
            "message": str(_("Some text contains characters that are not valid; please retype it.")),
        },
        status=422,
    )


@api.exception_handler(HttpError)
def http_errors(request, exc):
    # ninja's own messages for an unparsable body and a missing token are English; say them in
    # the user's language.
    # Other HttpErrors keep ninja's default shape ({"detail": …}).
    if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        message = str(_("The request body could not be read: send valid JSON."))
        return api.create_response(
            request, {"error": "invalid_body", "message": message, "detail": message}, status=400
        )
    if isinstance(exc, AuthenticationError):
        message = str(_("Authentication required: send a valid staff token (Authorization: Bearer …)."))
        return api.create_response(
            request, {"error": "unauthorized", "message": message, "detail": message}, status=401
        )
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


for _label, module in app_modules("api"):
    router = getattr(module, "router", None)
    if router is not None:
        api.add_router(getattr(module, "router_prefix", ""), router)
