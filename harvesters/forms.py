"""Admin form of a harvest source: protocol from the registry, options checked before saving."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from catalogue.models.entries import Entry
from catalogue.models.vocabularies import Licence, Theme

from .guard import validate_harvest_url
from .registry import protocol_choices

OPTION_KEYS = {
    "filters",
    "default_licence",
    "default_themes",
    "protected_fields",
    "language",
    "languages",
    "format",
    "page_size",
    "demo",
    "original_url",
}


class HarvestSourceForm(WagtailAdminModelForm):  # type: ignore[misc]  # Wagtail ships no types
    protocol = forms.ChoiceField(label=_("protocol"), choices=protocol_choices)

    def clean_url(self) -> str:
        url = str(self.cleaned_data.get("url") or "")
        problem = validate_harvest_url(url)
        if problem:
            raise ValidationError(
                _("This address cannot be harvested: %(problem)s"), params={"problem": problem}
            )
        return url

    def clean_options(self) -> dict[str, Any]:
        options = self.cleaned_data.get("options") or {}
        if not isinstance(options, dict):
            raise ValidationError(_("Options must be a JSON object."))
        unknown = sorted(set(options) - OPTION_KEYS)
        if unknown:
            raise ValidationError(_("Unknown options: %s") % ", ".join(unknown))
        licence = options.get("default_licence")
        if licence and not Licence.objects.filter(spdx_id=licence).exists():
            raise ValidationError(_("default_licence: no licence with the SPDX id %s.") % licence)
        themes = options.get("default_themes") or []
        if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
            raise ValidationError(_("default_themes must be a list of theme codes."))
        known = set(Theme.objects.filter(code__in=themes).values_list("code", flat=True))
        missing = sorted(set(themes) - known)
        if missing:
            raise ValidationError(_("default_themes: unknown codes %s") % ", ".join(missing))
        protected = options.get("protected_fields") or []
        field_names = {f.name for f in Entry._meta.get_fields()}
        if not isinstance(protected, list) or not set(protected) <= field_names:
            raise ValidationError(
                _(
                    "protected_fields must list entry field names, e.g. "
                    '["title", "description", "themes"].'
                )
            )
        return options
