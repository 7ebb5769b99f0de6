"""The public form that posts a request, and the forms the holder answers and moves it with.

Forms check input and say what is wrong next to the field; services write. Choices are the
catalogue's own vocabularies (organisations, themes, countries), shown by name.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.models import Country, Entry, Organisation, Theme

from .models import (
    HOLDER_NAME_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    RequestKind,
    RequestStatus,
)
from .services import clean_text


def _words(form: forms.Form, name: str) -> str:
    """The field's text, refused when nothing is left once markup is removed."""
    value = str(form.cleaned_data.get(name, "") or "")
    if value and not clean_text(value):
        raise forms.ValidationError(_("Write it in words (markup is removed)."))
    return value


class DescribedForm(forms.Form):
    """Each widget names its help text and its errors in ``aria-describedby``, so a screen
    reader reads them with the field (the templates give them the ids used here)."""

    def full_clean(self) -> None:
        super().full_clean()
        self._describe()

    def _describe(self) -> None:
        for name, field in self.fields.items():
            bound = self[name]
            ids = [f"{bound.auto_id}_help"] if field.help_text else []
            attrs = field.widget.attrs
            if self.is_bound and name in self.errors:
                ids.append(f"{bound.auto_id}_errors")
                attrs["aria-invalid"] = "true"
            if ids:
                attrs["aria-describedby"] = " ".join(ids)


class RequestForm(DescribedForm):
    title = forms.CharField(
        label=_("What data or API do you need?"),
        help_text=_("A short title, at most %(n)s characters.") % {"n": TITLE_MAX_LENGTH},
        max_length=TITLE_MAX_LENGTH,
    )
    description = forms.CharField(
        label=_("Describe it"),
        help_text=_("What it should contain: fields, area, period, format. Plain text."),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    reason = forms.CharField(
        label=_("Why do you need it? (optional)"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=RequestKind.choices, initial=RequestKind.DATASET
    )
    likely_holder = forms.ModelChoiceField(
        label=_("Who probably holds it (optional)"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        to_field_name="slug",
    )
    likely_holder_name = forms.CharField(
        label=_("Or name the holder, if not listed (optional)"),
        required=False,
        max_length=HOLDER_NAME_MAX_LENGTH,
    )
    theme = forms.ModelChoiceField(
        label=_("Theme (optional)"),
        queryset=Theme.objects.all(),
        required=False,
        to_field_name="slug",
    )
    country = forms.ModelChoiceField(
        label=_("Country (optional)"),
        queryset=Country.objects.order_by("name"),
        required=False,
        to_field_name="code",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "request_%s")
        super().__init__(*args, **kwargs)
        self._describe()

    def clean_title(self) -> str:
        return _words(self, "title")

    def clean_description(self) -> str:
        return _words(self, "description")


class VoteForm(forms.Form):
    """ "I need this too" and its undo: the same form, ``action`` says which."""

    action = forms.ChoiceField(choices=[("vote", "vote"), ("unvote", "unvote")])


class ResponseForm(DescribedForm):
    organisation = forms.ModelChoiceField(
        label=_("Answer in the name of"), queryset=Organisation.objects.none()
    )
    body = forms.CharField(
        label=_("Response"),
        help_text=_("Shown publicly with the organisation's name. Plain text."),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: Any, organisation_ids: set[int], **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "response_%s")
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 (narrows the type)
        field.queryset = Organisation.objects.filter(pk__in=organisation_ids).order_by("name")
        if len(organisation_ids) == 1:
            field.initial = next(iter(organisation_ids))
        self._describe()

    def clean_body(self) -> str:
        return _words(self, "body")


class StatusForm(DescribedForm):
    status = forms.ChoiceField(label=_("New status"), choices=RequestStatus.choices)
    answered_by = forms.CharField(
        label=_("The published entry that answers it (for “published”)"),
        required=False,
        max_length=120,
        help_text=_("The entry's address name (slug): the last part of its page's address."),
    )
    decline_reason = forms.CharField(
        label=_("Why it is declined (for “declined”)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = forms.CharField(
        label=_("Note for the history (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "status_%s")
        super().__init__(*args, **kwargs)
        self._describe()

    def clean_answered_by(self) -> Entry | None:
        """A slug (or a page address ending in one) naming exactly one published entry."""
        raw = str(self.cleaned_data.get("answered_by", "") or "").strip().strip("/")
        if not raw:
            return None
        slug = raw.rsplit("/", 1)[-1]
        entries = list(Entry.objects.published().filter(slug=slug).order_by("pk")[:2])
        if not entries:
            raise forms.ValidationError(_("No published entry has this address name."))
        if len(entries) > 1:
            raise forms.ValidationError(
                _("Several entries have this address name; a moderator can link the right one.")
            )
        return entries[0]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        status = cleaned.get("status")
        missing_entry = not cleaned.get("answered_by") and "answered_by" not in self.errors
        if status == RequestStatus.PUBLISHED and missing_entry:
            self.add_error("answered_by", _("Name the published entry that answers the request."))
        if status == RequestStatus.DECLINED and not clean_text(cleaned.get("decline_reason", "")):
            self.add_error("decline_reason", _("Say why the request is declined."))
        return cleaned
