"""The standard column tree of the portal (idempotent builders, used by the demo and by tests).

The disclosure column has the four standard sub-columns (国办公开办函〔2019〕61号): 政府信息公开指南,
政府信息公开制度, 法定主动公开内容, 政府信息公开年报. Statutory content holds the art. 20/21 category
columns, institutional information and each unit's own column.
"""

from django.db import transaction
from wagtail.models import Page, Site

from .models import ColumnKind, ColumnPage, DisclosureCategory, HomePage, KeyArea

SITE_NAME = "清河区政府信息公开"


def ensure_home(*, remove_welcome_page: bool = False) -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title=SITE_NAME, slug="qinghe", intro="清河区人民政府及其部门、街道、乡镇的政府信息公开平台。"
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = SITE_NAME
        site.save()
        # The "Welcome to Wagtail" page of Wagtail's initial migration.
        if remove_welcome_page and old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()
    return home


def ensure_column(parent, slug, title, kind=ColumnKind.GENERAL, *, in_menu=False, **fields) -> ColumnPage:
    existing = ColumnPage.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    # Structural columns go live directly (no revision): they are created by the system, not edited.
    column = ColumnPage(title=title, slug=slug, column_kind=kind, show_in_menus=in_menu, live=True, **fields)
    parent.add_child(instance=column)
    return column


@transaction.atomic
def ensure_standard_columns(home=None) -> dict[str, ColumnPage]:
    home = home or ensure_home()
    cols = {}
    root = cols["disclosure_root"] = ensure_column(
        home,
        "zfxxgk",
        "政府信息公开",
        ColumnKind.DISCLOSURE_ROOT,
        in_menu=True,
        description="本级政府及其部门、街道、乡镇依法主动公开的政府信息。",
        keywords="政府信息公开,主动公开",
    )
    cols["guide"] = ensure_column(root, "zfxxgkzn", "政府信息公开指南", ColumnKind.GUIDE)
    cols["rules_systems"] = ensure_column(root, "zfxxgkzd", "政府信息公开制度", ColumnKind.RULES_SYSTEMS)
    statutory = cols["statutory"] = ensure_column(root, "fdzdgknr", "法定主动公开内容", ColumnKind.STATUTORY)
    cols["annual_reports"] = ensure_column(root, "zfxxgknb", "政府信息公开年报", ColumnKind.ANNUAL_REPORTS)
    cols["institution"] = ensure_column(statutory, "jgzn", "机构职能", ColumnKind.INSTITUTION)
    for value, label in DisclosureCategory.choices:
        slug = value.replace("_", "-")
        cols[value] = ensure_column(statutory, slug, str(label), ColumnKind.CATEGORY, category=value)
    cols["units"] = ensure_column(statutory, "bmgk", "部门和街镇信息公开", ColumnKind.UNITS)
    cols["interpretations"] = ensure_column(
        home, "zcjd", "政策解读", ColumnKind.INTERPRETATIONS, in_menu=True
    )
    cols["gazette"] = ensure_column(home, "zfgb", "政府公报", ColumnKind.GAZETTE, in_menu=True)
    areas = cols["key_areas"] = ensure_column(
        home, "zdly", "重点领域信息公开", ColumnKind.GENERAL, in_menu=True
    )
    for value, label in KeyArea.choices:
        cols[f"area:{value}"] = ensure_column(
            areas, value.replace("_", "-"), str(label), ColumnKind.KEY_AREA, key_area=value
        )
    cols["topics"] = ensure_column(home, "ztzl", "专题专栏", ColumnKind.GENERAL, in_menu=True)
    return cols


def ensure_unit_column(unit, cols=None) -> ColumnPage:
    """The unit's own column (its subtree) with its groups and review workflow."""
    from .unit_access import ensure_unit_access

    cols = cols or ensure_standard_columns()
    column = ColumnPage.objects.filter(column_kind=ColumnKind.UNIT, unit=unit).first()
    if column is None:
        column = ensure_column(
            cols["units"],
            unit.slug,
            unit.name,
            ColumnKind.UNIT,
            unit=unit,
            description=f"{unit.name}主动公开的政府信息。",
        )
    ensure_unit_access(unit, column, ensure_home())
    return column
