"""Two lookups Wagtail repeats on every public page view, answered from a short-lived cache.

Measured on the 1M-item portal (bench/bench_portal.py): Wagtail's site lookup for the request's
host and the page-view-restriction check (two queries over the page's ancestors) were a third of
the ORM work of an item page. Sites and view restrictions change a few times a year; a change is
seen at once by the process that made it and within ``TTL`` seconds by the others.
"""

import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction, Site

TTL = 30
RESTRICTIONS_KEY = "gongkai:page-view-restrictions-exist"
_sites: dict[tuple[str, str], tuple[float, Site | None]] = {}


class CachedSiteMiddleware:
    """Sets ``request._wagtail_site`` (which ``Site.find_for_request`` reads first) from a per-process
    cache of the site for each host and port."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(("/admin/", "/api/")):
            key = (request.get_host(), request.get_port())
            now = time.monotonic()
            hit = _sites.get(key)
            if hit is None or hit[0] < now:
                hit = (now + TTL, Site._find_for_request(request))
                _sites[key] = hit
            request._wagtail_site = hit[1]
        return self.get_response(request)


def view_restrictions_exist() -> bool:
    value = cache.get(RESTRICTIONS_KEY)
    if value is None:
        value = PageViewRestriction.objects.exists()
        cache.set(RESTRICTIONS_KEY, value, TTL)
    return value


class PublicPageMixin:
    """For the portal's page types: no view-restriction queries while the site has no restrictions
    (a disclosure portal normally has none: what it publishes is public by law)."""

    def get_view_restrictions(self):
        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


@receiver([post_save, post_delete], sender=Site)
def _site_changed(sender, **kwargs):
    _sites.clear()


@receiver([post_save, post_delete], sender=PageViewRestriction)
def _restrictions_changed(sender, **kwargs):
    cache.delete(RESTRICTIONS_KEY)
