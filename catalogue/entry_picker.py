"""The admin widget for "related entries" fields (a challenge's offered resources, a reuse's
uses, an API's served datasets, a PPP's related datasets): a search, not a list.

A select or checkbox list of every entry of the allowed types renders thousands of options
(and reads them all) on every edit page. This widget renders only the entries already
chosen, as checked boxes an editor can clear, and a text box to add entries by title or id,
one a line; a link opens the admin's search of each allowed type (its chooser searches the
same fields, ``catalogue.choosers``). It works without JavaScript. A line that names no entry,
or several, is refused by the field with the line quoted, so nothing is added silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .registry import entry_types

MAX_ADDED_LINES = 50


class EntryPickerWidget(forms.SelectMultiple):
    """Chosen entries as checkboxes plus an "add by title or id" box; see the module."""

    def __init__(self, entry_type_keys: tuple[str, ...] = (), attrs: Any = None) -> None:
        super().__init__(attrs)
        self.entry_type_keys = entry_type_keys

    def _queryset(self) -> Any:
        return self.choices.queryset  # type: ignore[attr-defined]  # a ModelChoiceIterator

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> list[str]:
        kept = list(data.getlist(name)) if hasattr(data, "getlist") else list(data.get(name, []))
        lines = [line.strip() for line in str(data.get(f"{name}-add", "")).splitlines()]
        return kept + [self._resolve(line) for line in lines[:MAX_ADDED_LINES] if line]

    def value_omitted_from_data(self, data: Mapping[str, Any], files: Any, name: str) -> bool:
        return False  # an empty selection posts nothing: it means "none"

    def _resolve(self, line: str) -> str:
        """The id of the one entry titled ``line`` (any case), or ``line`` itself (an id, or
        a title the field then refuses, quoting it)."""
        if line.isdigit():
            return line
        found = list(self._queryset().filter(title__iexact=line).values_list("pk", flat=True)[:2])
        return str(found[0]) if len(found) == 1 else line

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        ids = [str(v) for v in (value or []) if str(v).isdigit()]
        chosen = self._queryset().filter(pk__in=ids) if ids else []
        boxes = format_html_join(
            "",
            '<li><label><input type="checkbox" name="{}" value="{}" checked> {} ({})</label></li>',
            ((name, e.pk, e.title, e.get_entry_type_display()) for e in chosen),
        )
        field_id = (attrs or {}).get("id") or f"id_{name}"
        return format_html(
            '<div class="entry-picker">{}<p><label for="{}-add">{}</label><br>'
            '<textarea name="{}-add" id="{}-add" rows="3" cols="60"></textarea></p>'
            "<p>{}</p></div>",
            format_html('<ul class="entry-picker__chosen">{}</ul>', boxes)
            if chosen
            else format_html("<p>{}</p>", _("None chosen yet.")),
            field_id,
            _("Add entries: one title or id a line"),
            name,
            field_id,
            self._search_links(),
        )

    def _search_links(self) -> SafeString:
        """Links to the admin search of each type the field may point at."""
        links = []
        for key in self.entry_type_keys:
            spec = entry_types.get(key)
            viewset = getattr(spec.model, "snippet_viewset", None)
            try:
                url = reverse(viewset.get_url_name("list")) if viewset else ""
            except NoReverseMatch:
                url = ""
            if url:
                label = _("Search %(types)s") % {"types": spec.label_plural}
                links.append((url, label))
        return format_html_join(" · ", '<a href="{}" target="_blank" rel="noopener">{}</a>', links)
