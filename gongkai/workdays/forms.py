from django import forms
from django.utils.translation import gettext_lazy as _


class NoticeForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the notice"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Paste 国务院办公厅关于YYYY年部分节假日安排的通知, from its title to its last arrangement."
        ),
    )
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=2000, max_value=2100,
        help_text=_("Only needed if the title is not pasted."),
    )  # fmt: skip
