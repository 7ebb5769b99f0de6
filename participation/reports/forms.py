"""The public form that files a report, and the admin form that answers one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from .models import DESCRIPTION_MAX_LENGTH, REPLY_MAX_LENGTH, ReportKind, ReportStatus
from .services import clean_text


class ReportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of problem?"), choices=ReportKind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("What is wrong?"),
        help_text=_("Plain text, at most %(n)s characters. Do not repeat personal data here.")
        % {"n": DESCRIPTION_MAX_LENGTH},
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    url = forms.URLField(
        label=_("Address of the broken link or resource (optional)"),
        required=False,
        max_length=1000,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        error_messages={"invalid": _("Enter a web address starting with http:// or https://.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "report_%s")
        super().__init__(*args, **kwargs)

    def clean_description(self) -> str:
        text = clean_text(self.cleaned_data["description"])
        if not text:
            raise forms.ValidationError(_("Describe the problem in words (markup is removed)."))
        return str(self.cleaned_data["description"])


class AnswerForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ReportStatus.choices)
    reply = forms.CharField(
        label=_("Reply to the reporter (shown with the report)"),
        required=False,
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    show_publicly = forms.BooleanField(
        label=_("Show this report on the entry page"),
        help_text=_("It came from a new account and is not public yet."),
        required=False,
    )
