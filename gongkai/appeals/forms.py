from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from gongkai.organizations.models import Unit
from gongkai.organizations.permissions import Action, units_for_action

from .models import AppealCase, AppealDocument
from .services import applications_for, parse_tracking_numbers

DATE_FIELDS = ["filed_on", "served_on", "hearing_on", "decided_on", "answer_due_on", "decision_due_on"]


class AppealCaseForm(WagtailAdminModelForm):
    tracking_numbers = forms.CharField(
        label=_("Applications concerned (tracking numbers)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or more tracking numbers, separated by spaces or commas."),
    )

    class Meta:
        model = AppealCase
        fields = [
            "kind",
            "case_number",
            "respondent_unit",
            "co_defendant_unit",
            "earlier_case",
            "appellant_name",
            "reviewing_body",
            "claim",
            *DATE_FIELDS[:4],
            "result",
            "decision_summary",
            *DATE_FIELDS[4:],
        ]
        widgets = dict.fromkeys(DATE_FIELDS, AdminDateInput)

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.for_user = for_user
        if for_user is not None:
            self.fields["respondent_unit"].queryset = units_for_action(for_user, Action.HANDLE_CASE)
            self.fields["earlier_case"].queryset = AppealCase.objects.for_user(for_user)
        self.fields["co_defendant_unit"].queryset = Unit.objects.all()
        self.fields["answer_due_on"].help_text = _(
            "Left empty, it is computed from the filing or service date."
        )
        self.fields["decision_due_on"].help_text = _("Left empty, it is computed from the filing date.")
        if self.instance.pk:
            self.fields["tracking_numbers"].initial = " ".join(
                self.instance.applications.values_list("tracking_number", flat=True)
            )

    def clean_tracking_numbers(self):
        numbers = parse_tracking_numbers(self.cleaned_data.get("tracking_numbers") or "")
        try:
            self.linked_applications = applications_for(numbers, self.for_user)
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from exc
        return " ".join(numbers)


class AppealDocumentForm(WagtailAdminModelForm):
    class Meta:
        model = AppealDocument
        fields = ["case", "kind", "title", "file", "dated"]
        widgets = {"dated": AdminDateInput}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            self.fields["case"].queryset = AppealCase.objects.for_user(for_user, Action.HANDLE_CASE)
