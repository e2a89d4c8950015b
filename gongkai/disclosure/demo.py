"""The portal's home page, as the root of the default site."""

from wagtail.models import Page, Site

from .models import HomePage


def load(command) -> None:
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        home = HomePage(
            title="清河区政府信息公开",
            slug="qinghe",
            intro="清河区人民政府及其部门、街道、乡镇的政府信息公开平台。",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="清河区政府信息公开",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "清河区政府信息公开"
        site.save()
        # The "Welcome to Wagtail" page that the initial migration creates.
        if (
            old_root.specific_class is Page
            and old_root.pk != home.pk
            and not old_root.get_children().exists()
        ):
            old_root.delete()
