"""Pages of the public portal: the home page (site root) and the columns (栏目) of the page tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from gongkai.core.page_speed import PublicPageMixin

from .choices import ColumnKind, DisclosureCategory, KeyArea


class HomePage(PublicPageMixin, Page):
    """The portal's home page: the district's entry to government information."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Resolve a deep URL in one indexed lookup (slug, then url_path) instead of one query per level.

        With a million items the level-by-level walk of Wagtail's default costs ~10 queries per page;
        pages with their own routing (RoutablePageMixin) still get the rest of the path.
        """
        if path_components:
            from .items import InformationItemPage

            url_path = self.url_path + "/".join(path_components) + "/"
            lookup = {"slug": path_components[-1], "url_path": url_path}
            # Items are most requests: one query, with the issuing unit joined.
            # A slice, not first(): first() adds ORDER BY pk, and compiling it costs ~0.5 ms.
            found = next(
                iter(InformationItemPage.objects.filter(**lookup).select_related("unit").order_by()[:1]), None
            )
            if found is None:
                found = next(iter(Page.objects.filter(**lookup).order_by()[:1]), None)
                found = found.specific if found is not None else None
            if found is not None:
                return found.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from ..columns import navigation_columns
        from ..models import InformationItemPage

        context = super().get_context(request, *args, **kwargs)
        context["columns"] = navigation_columns(self)
        context["latest_items"] = (
            InformationItemPage.objects.public()
            .select_related("unit")
            .order_by("-date_published", "-pk")[:10]
        )
        return context


class ColumnPage(PublicPageMixin, Page):
    """A column (栏目). What it lists depends on its kind and classification:

    its own descendants always; a category / key-area / topic column also lists the items of any
    unit classified under it (组配分类), so one item appears in every column it belongs to.
    A column accepts child pages of any type (the annual reports column holds the report pages of
    the reports app).
    """

    column_kind = models.CharField(
        _("kind of column"), max_length=32, choices=ColumnKind.choices, default=ColumnKind.GENERAL
    )
    unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="columns",
        help_text=_("For a unit's own column, and for guide and institutional pages of one unit."),
    )
    category = models.CharField(
        _("art. 20 / 21 category"), max_length=32, choices=DisclosureCategory.choices, blank=True
    )
    key_area = models.CharField(_("key area"), max_length=32, choices=KeyArea.choices, blank=True)
    description = models.CharField(_("column description"), max_length=300, blank=True)
    keywords = models.CharField(_("column keywords"), max_length=200, blank=True)
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("column_kind"), FieldPanel("unit"), FieldPanel("category"), FieldPanel("key_area")],
            heading=_("Classification"),
        ),
        FieldPanel("description"),
        FieldPanel("keywords"),
        FieldPanel("intro"),
    ]
    parent_page_types = ["disclosure.HomePage", "disclosure.ColumnPage"]

    class Meta:
        verbose_name = _("column")
        verbose_name_plural = _("columns")

    def get_template(self, request, *args, **kwargs):
        special = {
            ColumnKind.GUIDE: "disclosure/guide_page.html",
            ColumnKind.INSTITUTION: "disclosure/institution_page.html",
        }
        return special.get(self.column_kind, "disclosure/column_page.html")

    def get_context(self, request, *args, **kwargs):
        from .. import columns

        context = super().get_context(request, *args, **kwargs)
        context.update(columns.column_context(self, request))
        return context
