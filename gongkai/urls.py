from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap
from wagtail.documents import urls as wagtaildocs_urls

from gongkai.api import api
from gongkai.core.discovery import app_modules
from gongkai.core.views import healthz

handler400 = "gongkai.core.views.bad_request"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": WagtailSitemap}}),
    path("healthz", healthz, name="healthz"),
]

# Public pages of each app, in both languages: /… is zh-Hans, /en/… is English.
app_patterns = []
for _label, module in app_modules("urls"):
    if hasattr(module, "urlpatterns"):
        app_patterns.append(path("", include(module)))

urlpatterns += i18n_patterns(*app_patterns, path("", include(wagtail_urls)), prefix_default_language=False)

if settings.SERVE_MEDIA:
    # Embedded mode serves public uploads itself; scaled deployments serve them from object storage.
    from django.views.static import serve

    urlpatterns.insert(
        0, path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})
    )
