"""Shared pytest fixtures for every app."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by fixtures
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    # Argon2 is what production uses (settings); tests hash faster. Files go to a temp dir.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    if os.environ.get("REDIS_URL"):
        # The scaled profile runs the suite on Redis: each xdist worker gets its own Redis database,
        # since clearing the cache flushes the whole database.
        from urllib.parse import urlsplit, urlunsplit

        worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
        parts = urlsplit(os.environ["REDIS_URL"])
        location = urlunsplit(parts._replace(path=f"/{int(worker.removeprefix('gw') or 0) + 1}"))
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}
        }
    # Each test gets its own search index, never the real one under var/.
    settings.GONGKAI_SEARCH_DIR = tmp_path / "search"
    # The local-memory cache outlives a test: Wagtail's site root paths and the portal chrome cached by
    # one test would point another test's pages at rows that no longer exist.
    from django.core.cache import cache

    cache.clear()
    from gongkai.core import page_speed

    page_speed._sites.clear()
    from gongkai.search import backends

    backends.reset()
    yield
    backends.reset()


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium (Debian's package) driven by Playwright."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; `make system-deps` installs it")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone_page(browser):
    """A page in a phone-sized viewport (iPhone-like, 390×844, touch)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
    )
    page = context.new_page()
    violations = _watch_csp(page)
    yield page
    context.close()
    assert not violations, f"Content-Security-Policy violations: {violations}"


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    violations = _watch_csp(page)
    yield page
    context.close()
    assert not violations, f"Content-Security-Policy violations: {violations}"


def _watch_csp(page) -> list[str]:
    """Every page of a browser test runs under the site's Content-Security-Policy: a blocked script or
    resource fails the test."""
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


@pytest.fixture(autouse=True)
def _wagtail_tree_survives_flushes(request):
    """Recreate the rows Wagtail's migrations make (root collection, root page, default site) when a previous
    transactional test (live_server, browser tests) flushed them."""
    names = request.fixturenames
    if not ({"db", "transactional_db", "live_server"} & set(names)) and not request.node.get_closest_marker(
        "django_db"
    ):
        return
    request.getfixturevalue(
        "transactional_db" if "transactional_db" in names or "live_server" in names else "db"
    )
    from wagtail.models import Collection, Locale, Page, Site

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Locale.objects.exists():
        Locale.objects.create(language_code="zh-hans")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root", locale=Locale.objects.first())
    if not Site.objects.exists():
        home = root.get_children().first()
        if home is None:
            home = root.add_child(instance=Page(title="Welcome", slug="home", locale=root.locale))
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
