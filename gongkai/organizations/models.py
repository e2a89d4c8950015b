"""The district people's government and its units, their disclosure offices, leaders and staff."""

import re

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Unified social credit code (GB 32100-2015): 18 characters from digits and capital letters
# except I, O, S, V, Z. Organization codes (GB 11714) are 9 characters, the last may be X.
CREDIT_CODE_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
ORG_CODE_RE = re.compile(r"^[0-9A-Z]{8}[0-9X]$")


def validate_unit_code(value: str) -> None:
    if not (CREDIT_CODE_RE.match(value) or ORG_CODE_RE.match(value)):
        raise ValidationError(
            _(
                "Enter an 18-character unified social credit code or a 9-character organization code "
                "(digits and capital letters)."
            ),
            code="invalid_unit_code",
        )


class UnitKind(models.TextChoices):
    DISTRICT_GOVERNMENT = "district_government", _("District people's government")
    GOVERNMENT_OFFICE = "government_office", _("Office of the district government")
    BUREAU = "bureau", _("Bureau or commission")
    STREET_OFFICE = "street_office", _("Street office")
    TOWNSHIP = "township", _("Township or town government")
    OTHER_BODY = "other_body", _("Other body")


class Role(models.TextChoices):
    UNIT_EDITOR = "unit_editor", _("Unit editor")
    UNIT_REVIEWER = "unit_reviewer", _("Unit reviewer")
    UNIT_CASE_HANDLER = "unit_case_handler", _("Unit case handler")
    # Art. 33 ¶2: "经政府信息公开工作机构负责人同意" — the head of the unit's own disclosure office.
    OFFICE_HEAD = "office_head", _("Head of the unit's disclosure office")
    OFFICE_ADMIN = "office_admin", _("Disclosure office administrator")
    EVALUATOR = "evaluator", _("Evaluator")


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_user(self, user):
        from .permissions import units_visible_to

        return self.filter(pk__in=units_visible_to(user).values("pk"))


class Unit(ClusterableModel):
    """An administrative organ that discloses information: the government or one of its units."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)
    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField(
        _("unified social credit code or organization code"),
        max_length=18,
        unique=True,
        validators=[validate_unit_code],
        help_text=_("Used as the prefix of index numbers of the information this unit publishes."),
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    functions = models.TextField(_("functions"), blank=True)

    # Art. 12: the disclosure guide shows the disclosure work office's contact details.
    office_name = models.CharField(_("disclosure office name"), max_length=200, blank=True)
    office_address = models.CharField(_("office address"), max_length=300, blank=True)
    office_postcode = models.CharField(
        _("postcode"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{6}$", _("A postcode has six digits."), code="invalid_postcode")],
    )
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    office_phone = models.CharField(_("telephone"), max_length=60, blank=True)
    office_fax = models.CharField(_("fax"), max_length=60, blank=True)
    office_email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def index_code(self) -> str:
        """The code that prefixes this unit's index numbers (索引号)."""
        return self.code

    def clean(self):
        # A unit may not be its own ancestor.
        seen = set()
        node = self.parent
        while node is not None:
            if node.pk == self.pk or node.pk in seen:
                raise ValidationError({"parent": _("A unit cannot be placed under itself.")})
            seen.add(node.pk)
            node = node.parent

    def ancestors(self) -> list["Unit"]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    def descendants(self) -> list["Unit"]:
        found, frontier = [], [self]
        while frontier:
            children = list(Unit.objects.filter(parent__in=frontier))
            found.extend(children)
            frontier = children
        return found

    @property
    def guide_contact_complete(self) -> bool:
        """Whether every art. 12 contact item of the disclosure guide is filled in."""
        return all(
            [
                self.office_name,
                self.office_address,
                self.office_hours,
                self.office_phone,
                self.office_fax,
                self.office_email or self.website,
            ]
        )


class Leader(models.Model):
    """A leader of a unit, shown on its institutional information page."""

    unit = ParentalKey(Unit, related_name="leaders", on_delete=models.CASCADE, verbose_name=_("unit"))
    name = models.CharField(_("name"), max_length=60)
    post = models.CharField(_("post"), max_length=120)
    responsibilities = models.TextField(_("responsibilities"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    class Meta:
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.name}（{self.post}）"


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, user__is_active=True)


class Membership(models.Model):
    """A staff member's role in a unit. One person may hold several roles in several units."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="unique_membership_role"),
        ]
        ordering = ["unit__sort_order", "user__username"]

    def __str__(self):
        return f"{self.user} · {self.unit} · {self.get_role_display()}"
