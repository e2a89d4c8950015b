"""The assistant's knowledge base, its synonym dictionary, the question log and the index state.

The rules (which entries answer, how an entry is reviewed, how questions are ranked) live in the
service modules named after them: ``kb.py``, ``importing.py``, ``retrieval/``, ``answering.py``,
``proposals.py`` and ``learning.py``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField


class ReviewStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed by the system")
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")


class Origin(models.TextChoices):
    MANUAL = "manual", _("Written by staff")
    IMPORT = "import", _("Imported from a file")
    PROPOSAL = "proposal", _("Proposed from the system's data")
    LEARNED = "learned", _("Written from an unanswered question")


class EntryQuerySet(models.QuerySet):
    def live(self, today=None):
        """Entries the assistant may answer with: approved and within their validity period."""
        today = today or timezone.localdate()
        return self.filter(status=ReviewStatus.APPROVED).filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=today),
            Q(valid_until__isnull=True) | Q(valid_until__gte=today),
        )

    def for_user(self, user, action="view"):
        from gongkai.organizations import permissions

        if permissions.is_office_admin(user):
            return self
        return permissions.scope_queryset(self, user, "unit", action)


class Entry(models.Model):
    """One knowledge-base entry: a standard question, other phrasings of it, and the answer."""

    external_id = models.CharField(
        _("entry ID"),
        max_length=64,
        unique=True,
        help_text=_("The ID used in import and export files; kept as the file assigns it."),
    )
    question = models.CharField(_("standard question"), max_length=300)
    variants = models.TextField(
        _("other phrasings"), blank=True, help_text=_("One phrasing per line: how citizens ask it.")
    )
    answer = RichTextField(_("answer"))
    category = models.CharField(_("category"), max_length=100, blank=True, db_index=True)
    unit = models.ForeignKey(
        "organizations.Unit",
        verbose_name=_("owning unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assistant_entries",
    )
    unit_name = models.CharField(
        _("unit as written in the file"),
        max_length=200,
        blank=True,
        help_text=_("Kept when an imported unit name matches no unit in the system."),
    )
    sources = models.TextField(
        _("source links"),
        blank=True,
        help_text=_(
            "One link per line: a published item, the disclosure guide or a service guide. "
            "Write “title URL” or only the URL."
        ),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(
        _("review status"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    origin = models.CharField(_("origin"), max_length=16, choices=Origin.choices, default=Origin.MANUAL)
    proposal_key = models.CharField(
        _("proposal key"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("For entries proposed from the system's data: what they were computed from."),
    )
    review_note = models.TextField(_("review note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("knowledge-base entry")
        verbose_name_plural = _("knowledge-base entries")
        ordering = ["category", "external_id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="assistant_entry_validity_order",
            ),
        ]

    def __str__(self):
        return f"{self.external_id} · {self.question}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.question.strip():
            raise ValidationError({"question": _("Write the standard question.")})
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end of validity cannot be before its start.")})

    @property
    def variant_list(self) -> list[str]:
        return [line.strip() for line in self.variants.splitlines() if line.strip()]

    @property
    def source_list(self) -> list[dict]:
        from .kb import parse_sources

        return parse_sources(self.sources)


class Synonym(models.Model):
    """A colloquial or alternative word and the official term it stands for (社保 → 社会保险)."""

    term = models.CharField(_("word people use"), max_length=50, unique=True)
    canonical = models.CharField(_("official term"), max_length=50)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        ordering = ["canonical", "term"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(term=models.F("canonical")), name="assistant_synonym_differs"
            ),
        ]

    def __str__(self):
        return f"{self.term} → {self.canonical}"


class TextVector(models.Model):
    """A cached embedding of one text, keyed by a hash of the model and the text.

    Unchanged questions are never embedded twice, whichever entry or import they come from.
    """

    key = models.CharField(max_length=40, primary_key=True)
    vector = models.BinaryField()  # float16, 384 values

    class Meta:
        verbose_name = _("text vector")
        verbose_name_plural = _("text vectors")

    def __str__(self):
        return self.key


class IndexState(models.Model):
    """A counter bumped whenever what the assistant may answer changes; every process watches it."""

    version = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"v{self.version}"


class Band(models.TextChoices):
    ANSWER = "answer", _("Answered")
    SUGGEST = "suggest", _("Did-you-mean choices")
    NONE = "none", _("No answer")


class Channel(models.TextChoices):
    WIDGET = "widget", _("Portal widget")
    API = "api", _("API (mini-program and other clients)")
    STAFF = "staff", _("Staff test")


class Feedback(models.TextChoices):
    NONE = "", _("No rating")
    HELPFUL = "helpful", _("Helpful")
    NOT_HELPFUL = "not_helpful", _("Not helpful")


class QuestionLogQuerySet(models.QuerySet):
    def needing_attention(self):
        """Questions the assistant could not answer or whose answer was rated not helpful."""
        return self.filter(Q(band__in=[Band.NONE, Band.SUGGEST]) | Q(feedback=Feedback.NOT_HELPFUL))


class QuestionLog(models.Model):
    """A question asked, with personal data removed, the answer given and the user's rating."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    text = models.CharField(_("question"), max_length=500)
    entry = models.ForeignKey(
        Entry,
        verbose_name=_("answered with"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    band = models.CharField(_("result"), max_length=10, choices=Band.choices)
    confidence = models.FloatField(_("confidence"))
    suggested = models.JSONField(_("suggested entries"), default=list, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.WIDGET)
    feedback = models.CharField(
        _("rating"), max_length=12, choices=Feedback.choices, default=Feedback.NONE, blank=True
    )
    vector = models.BinaryField(null=True, blank=True)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now, db_index=True)

    objects = QuestionLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("question asked")
        verbose_name_plural = _("questions asked")
        ordering = ["-created_at"]

    def __str__(self):
        return self.text
