"""Admin and public forms."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from gongkai.organizations import permissions as org_permissions

from .models.choices import DisclosureCategory, Genre, KeyArea, Validity


class UnitScopedPageForm(WagtailAdminPageForm):
    """Unit staff can only choose their own unit(s) as the issuing unit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if "unit" in self.fields and user is not None and not org_permissions.is_office_admin(user):
            from .permissions import editable_units

            self.fields["unit"].queryset = editable_units(user)


SORT_CHOICES = [("relevance", _("Relevance")), ("date", _("Newest first"))]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search words"), max_length=200, required=False)
    unit = forms.TypedChoiceField(label=_("Unit"), required=False, coerce=int, empty_value=None)
    column = forms.TypedChoiceField(label=_("Column"), required=False, coerce=int, empty_value=None)
    category = forms.ChoiceField(label=_("Category"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    genre = forms.ChoiceField(label=_("Document type"), required=False)
    validity = forms.ChoiceField(label=_("Validity"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
    page = forms.IntegerField(min_value=1, max_value=1000, required=False)

    def __init__(self, *args, units=(), columns=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        blank = [("", _("All"))]
        self.fields["unit"].choices = blank + [(u.pk, u.name) for u in units]
        self.fields["column"].choices = blank + [(c.pk, c.title) for c in columns]
        self.fields["year"].choices = blank + [(y, str(y)) for y in years]

        self.fields["category"].choices = blank + list(DisclosureCategory.choices) + list(KeyArea.choices)
        self.fields["genre"].choices = (
            blank + list(Genre.choices) + [("interpretation", _("Policy interpretation"))]
        )
        self.fields["validity"].choices = blank + list(Validity.choices)
