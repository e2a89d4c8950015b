"""Information items (政府信息) with the standard disclosure metadata."""

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet

from gongkai.core.page_speed import PublicPageMixin

from ..forms import UnitScopedPageForm
from .choices import DisclosureAttribute, DisclosureCategory, Genre, KeyArea, SubjectCategory, Validity


class ItemQuerySet(PageQuerySet):
    def public(self):
        """What citizens may see: live and proactively disclosed."""
        return self.live().filter(disclosure_attribute=DisclosureAttribute.PROACTIVE)

    def for_units(self, unit_ids):
        return self.filter(unit_id__in=list(unit_ids))

    def normative(self):
        return self.filter(genre__in=[Genre.RULE, Genre.NORMATIVE_DOCUMENT])


class InformationItemPage(PublicPageMixin, Page):
    """One piece of government information as published on the portal.

    The index number (索引号) is given at first publication (see ``index_numbers``) or kept from an
    import; it is not part of revisions, so publishing an older draft never loses it.
    """

    index_number = models.CharField(
        _("index number"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    unit = models.ForeignKey(
        "organizations.Unit", verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="items"
    )
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    date_written = models.DateField(
        _("date written"), help_text=_("成文日期: the date the document was signed.")
    )
    date_changed = models.DateField(
        _("date changed"),
        null=True,
        blank=True,
        help_text=_("When the information changed; art. 26's 20 working days run from this date."),
    )
    date_published = models.DateField(
        _("date published"), null=True, blank=True, help_text=_("Filled in at first publication.")
    )
    subject_category = models.CharField(
        _("subject category"), max_length=32, choices=SubjectCategory.choices, default=SubjectCategory.GENERAL
    )
    genre = models.CharField(_("genre"), max_length=32, choices=Genre.choices, default=Genre.OTHER_DOCUMENT)
    category = models.CharField(
        _("art. 20 / 21 category"), max_length=32, choices=DisclosureCategory.choices, blank=True
    )
    key_area = models.CharField(_("key area"), max_length=32, choices=KeyArea.choices, blank=True)
    topics = ParentalManyToManyField(
        "disclosure.ColumnPage",
        verbose_name=_("special topics"),
        blank=True,
        related_name="topic_items",
        limit_choices_to={"column_kind": "topic"},
    )
    keywords = models.CharField(_("keywords"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    body = RichTextField(_("body"), blank=True)

    validity = models.CharField(
        _("validity"), max_length=16, choices=Validity.choices, default=Validity.IN_FORCE
    )
    validity_changed_on = models.DateField(_("repealed, amended or expired on"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        db_index=False,  # a partial index below: almost every item has none
    )
    disclosure_attribute = models.CharField(
        _("disclosure attribute"),
        max_length=16,
        choices=DisclosureAttribute.choices,
        default=DisclosureAttribute.PROACTIVE,
    )
    non_disclosure_reason = models.TextField(_("reason for not disclosing proactively"), blank=True)
    related_items = ParentalManyToManyField(
        "self", verbose_name=_("related items"), blank=True, symmetrical=False
    )
    standard_entries = ParentalManyToManyField(
        "disclosure.StandardCatalogueEntry",
        verbose_name=_("standard catalogue entries fulfilled"),
        blank=True,
        related_name="items",
    )

    objects = PageManager.from_queryset(ItemQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("unit"),
                FieldRowPanel(
                    [FieldPanel("document_number"), FieldPanel("date_written"), FieldPanel("date_changed")]
                ),
                FieldRowPanel([FieldPanel("genre"), FieldPanel("subject_category")]),
                FieldRowPanel([FieldPanel("category"), FieldPanel("key_area")]),
                FieldPanel("topics"),
                FieldPanel("keywords"),
            ],
            heading=_("Metadata"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachments")),
        MultiFieldPanel(
            [FieldPanel("validity"), FieldPanel("validity_changed_on"), FieldPanel("replaced_by")],
            heading=_("Validity"),
        ),
        MultiFieldPanel(
            [FieldPanel("disclosure_attribute"), FieldPanel("non_disclosure_reason")],
            heading=_("Disclosure attribute"),
        ),
        FieldPanel("related_items"),
        FieldPanel("standard_entries"),
    ]
    parent_page_types = ["disclosure.ColumnPage"]
    subpage_types = []
    search_fields = []  # searched through gongkai.search, not Wagtail's database backend
    base_form_class = UnitScopedPageForm

    class Meta:
        verbose_name = _("information item")
        verbose_name_plural = _("information items")
        indexes = [
            models.Index(fields=["unit", "date_published"]),
            models.Index(fields=["genre", "validity"]),
            models.Index(fields=["date_published"], name="disclosure_item_published"),
            models.Index(fields=["category", "date_published"], name="disclosure_item_category"),
            models.Index(fields=["key_area", "date_published"], name="disclosure_item_key_area"),
            models.Index(
                fields=["replaced_by"],
                name="disclosure_item_replaced_by",
                condition=Q(replaced_by__isnull=False),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def date_formed(self):
        """The date art. 26's period runs from: formed (written) or, if later, changed."""
        return max(d for d in (self.date_written, self.date_changed) if d)

    def clean(self):
        super().clean()
        from ..validity import validate_validity

        errors = validate_validity(self)
        if (
            self.disclosure_attribute != DisclosureAttribute.PROACTIVE
            and not self.non_disclosure_reason.strip()
        ):
            errors["non_disclosure_reason"] = _(
                "Give the reason why this information is not proactively disclosed (art. 13–16)."
            )
        parent = self.get_parent() if self.pk else None
        unit_column = _enclosing_unit_column(parent)
        if unit_column is not None and self.unit_id and unit_column.unit_id != self.unit_id:
            errors["unit"] = _("An item in the column of %(unit)s must be issued by that unit.") % {
                "unit": unit_column.unit
            }
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """Keep the index number and first publication date: they belong to the item, not a revision."""
        obj = super().with_content_json(content)
        obj.index_number = self.index_number
        obj.date_published = self.date_published or obj.date_published
        return obj

    @property
    def is_public(self) -> bool:
        return self.live and self.disclosure_attribute == DisclosureAttribute.PROACTIVE

    def serve(self, request, *args, **kwargs):
        """Information not proactively disclosed never reaches the portal, even if published by mistake."""
        if self.disclosure_attribute != DisclosureAttribute.PROACTIVE:
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.is_public else []

    def get_context(self, request, *args, **kwargs):
        from ..columns import ancestors_of

        context = super().get_context(request, *args, **kwargs)
        context["ancestors"] = ancestors_of(self)
        # Most items have no attachments, interpretations, replaced documents or related items:
        # one query says which of the four lists to fetch (building each ORM query costs ~1 ms).
        linked = self.linked_records()
        context["attachments"] = (
            list(self.attachments.select_related("document")) if linked["attachments"] else []
        )
        # Plain lookups by foreign key (ordering by tree path makes SQLite scan the page table).
        context["interpretations"] = (
            self.interpretations.live().order_by("first_published_at", "pk")
            if linked["interpretations"]
            else []
        )
        context["replaces"] = (
            list(
                InformationItemPage.objects.filter(
                    replaced_by=self, live=True, disclosure_attribute=DisclosureAttribute.PROACTIVE
                ).order_by()
            )
            if linked["replaces"]
            else []
        )
        context["related"] = self.related_items.filter(live=True).order_by() if linked["related"] else []
        return context

    def linked_records(self) -> dict[str, bool]:
        """Whether this item has attachments, interpretations, documents it replaces, related items."""
        from django.db import connection

        from .interpretations import PolicyInterpretationPage

        through = InformationItemPage.related_items.through
        checks = {
            "attachments": (ItemAttachment._meta.db_table, ItemAttachment._meta.get_field("item").column),
            "interpretations": (
                PolicyInterpretationPage._meta.db_table,
                PolicyInterpretationPage._meta.get_field("policy").column,
            ),
            "replaces": (InformationItemPage._meta.db_table, self._meta.get_field("replaced_by").column),
            "related": (through._meta.db_table, through._meta.get_field("from_informationitempage").column),
        }
        quote = connection.ops.quote_name
        sql = "SELECT " + ", ".join(
            f"EXISTS (SELECT 1 FROM {quote(table)} WHERE {quote(column)} = %s)"
            for table, column in checks.values()
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.pk] * len(checks))
            row = cursor.fetchone()
        return {name: bool(value) for name, value in zip(checks, row, strict=True)}


def _enclosing_unit_column(page):
    from .pages import ColumnPage

    if page is None:
        return None
    return (
        ColumnPage.objects.ancestor_of(page, inclusive=True)
        .filter(column_kind="unit", unit__isnull=False)
        .order_by("-depth")
        .first()
    )


class ItemAttachment(Orderable):
    """A file attached to an item (PDF, DOCX, XLSX, images); its text is extracted for search."""

    item = ParentalKey(InformationItemPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def display_title(self):
        return self.title or self.document.title
