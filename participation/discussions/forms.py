"""The forms of discussions, used by the pages and the API alike: one validation rule.

A post longer than :data:`BODY_MAX_LENGTH` is refused with a message and the text given back
(the form is shown again with it), never cut.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from catalogue.sanitise import sanitise_plain_text

from .models import BODY_MAX_LENGTH, FLAG_NOTE_MAX_LENGTH, TITLE_MAX_LENGTH, FlagReason


class _BodyField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            label=_("Your message"),
            max_length=BODY_MAX_LENGTH,
            help_text=_(
                "Markdown: *emphasis*, **bold**, [links](https://…), lists, `code` and "
                "> quotes. At most %(n)s characters."
            )
            % {"n": BODY_MAX_LENGTH},
            widget=forms.Textarea(attrs={"rows": 5}),
            error_messages={
                "required": _("Write a message."),
                "max_length": _(
                    "Your message is %(show_value)s characters long; the most is "
                    "%(limit_value)s. Shorten it: nothing was posted."
                ),
            },
            **kwargs,
        )


class ReplyForm(forms.Form):
    body = _BodyField()
    as_answer = forms.BooleanField(label=_("Post as the publisher's answer"), required=False)


class ThreadForm(ReplyForm):
    title = forms.CharField(
        label=_("Your question or topic"),
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": _("Give your thread a title."),
            "max_length": _("The title can be at most %(limit_value)s characters."),
        },
    )
    field_order = ["title", "body", "as_answer"]

    def clean_title(self) -> str:
        """The title is plain text: markup is removed, and a title of markup only is none."""
        title = sanitise_plain_text(self.cleaned_data["title"], max_length=TITLE_MAX_LENGTH)
        if not title:
            raise forms.ValidationError(_("Give your thread a title in words."))
        return title


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a moderator look at this post?"),
        choices=FlagReason.choices,
        error_messages={
            "required": _("Choose a reason."),
            "invalid_choice": _("Choose a reason from the list."),
        },
    )
    note = forms.CharField(
        label=_("Anything the moderators should know (optional)"),
        max_length=FLAG_NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
