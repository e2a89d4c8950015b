from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class OverrideKind(models.TextChoices):
    HOLIDAY = "holiday", _("Extra holiday (no work)")
    WORKDAY = "workday", _("Extra working day (make-up working day)")


class DayOverride(models.Model):
    """A date whose status differs from the package calendar, or one of a year entered by hand."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=OverrideKind.choices)
    name = models.CharField(
        _("holiday name"), max_length=60, blank=True, help_text=_("For example: Spring Festival")
    )
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("Source, e.g. the State Council notice")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()

    def clean(self):
        if self.kind == OverrideKind.HOLIDAY and not self.name:
            raise ValidationError({"name": _("Give the name of the holiday.")})


class CalendarYear(models.Model):
    """Declares that a year the package does not cover has been entered by hand.

    Without this row a date in such a year is refused rather than guessed: a deadline computed on
    an incomplete holiday list would be silently wrong.
    """

    year = models.PositiveIntegerField(_("year"), unique=True)
    note = models.CharField(_("source of the arrangement"), max_length=300)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("year entered by hand")
        verbose_name_plural = _("years entered by hand")
        ordering = ["year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=2000) & models.Q(year__lte=2100), name="calendar_year_range"
            )
        ]

    def __str__(self):
        return str(self.year)
