"""The real client address of a request, for rate limits and the audit log.

Behind a reverse proxy every request comes from the proxy; its ``X-Forwarded-For`` is believed only
when the request comes from one of ``settings.TRUSTED_PROXIES``, and then the right-most address that
is not itself a trusted proxy is the client (a client can forge the left part of the header).
"""

import ipaddress

from django.conf import settings


def _trusted(address: str) -> bool:
    for entry in getattr(settings, "TRUSTED_PROXIES", []):
        try:
            if ipaddress.ip_address(address) in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if not _trusted(remote):
        return remote
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    for address in reversed(forwarded):
        try:
            ipaddress.ip_address(address)
        except ValueError:
            return remote  # a malformed header: fall back to the proxy itself
        if not _trusted(address):
            return address
    return remote
