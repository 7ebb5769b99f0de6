"""The account's forms: profile, membership request and decision, API token, deletion.

Text a person types here is shown to others (a display name on posts, an organisation), so it
must be plain text: markup and ``javascript:`` addresses are refused with a message that says
so, rather than silently stripped (nothing a person typed is changed behind their back).
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalogue.models import Country, Organisation, Theme

from .models import MembershipRole

MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|javascript\s*:|&#|\bon[a-z]+\s*=", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text_only(value: str) -> None:
    """Refuse HTML tags, event handlers, ``javascript:`` addresses and control characters."""
    if MARKUP.search(value or "") or CONTROL.search(value or ""):
        raise ValidationError(
            _("Plain text only, please: no HTML tags, scripts or javascript: addresses."),
            code="markup",
        )


class PlainTextField(forms.CharField):
    default_validators = [plain_text_only]


class ProfileForm(forms.Form):
    display_name = PlainTextField(
        label=_("Display name"),
        max_length=80,
        required=False,
        help_text=_("Shown on what you post. Leave empty to appear as “Anonymous participant”."),
    )
    organisation_name = PlainTextField(
        label=_("Organisation (optional)"),
        max_length=200,
        required=False,
        help_text=_("Shown next to your name on what you post, if you give one."),
    )
    interest_themes = forms.ModelMultipleChoiceField(
        label=_("Themes of interest"),
        queryset=Theme.objects.order_by("scheme", "code"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    interest_countries = forms.ModelMultipleChoiceField(
        label=_("Countries of interest"),
        queryset=Country.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class MembershipRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name").only("id", "name"),
        empty_label=_("Choose an organisation"),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MembershipRole.choices,
        widget=forms.RadioSelect,
        initial=MembershipRole.MEMBER,
        help_text=_(
            "Members speak for the organisation; editors also edit its entries in the admin;"
            " administrators also decide who joins."
        ),
    )
    message = PlainTextField(
        label=_("Message to the organisation's administrators (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say who you are at the organisation, so they can recognise you."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        label=_("Decision"),
    )


class TokenForm(forms.Form):
    name = PlainTextField(
        label=_("Token name"),
        max_length=80,
        help_text=_("What the token is for, such as the script that uses it."),
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is you who deletes the account."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("This is not your password."), code="wrong_password")
        return password
