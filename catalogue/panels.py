"""Admin editing of entries: the form every entry type shares and its editor-facing panels.

The form turns list fields (keywords, standards) into plain text an editor can type, keeps
slugs unique per type, limits "related entry" choices to the right type, and records which
fields an editor changed on a harvested entry so the next harvest keeps them. The panels show
editors what the metadata-quality check would fix and which fields harvests will leave alone.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import URLValidator
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import HelpPanel

from .admin_scope import entry_admin_scope, organisations_in_scope
from .entry_picker import EntryPickerWidget
from .links import safe_href
from .models import Entry, Origin
from .quality import assess_quality
from .services.entries import unique_slug
from .services.harvest_changes import harvest_changes_since

# Form fields that are bookkeeping, not content: changing them is not an editorial override.
NOT_OVERRIDES = frozenset({"slug", "go_live_at", "expire_at", "overridden_fields"})


class TextListField(forms.Field):
    """A list of short strings typed as text: separated by commas or new lines."""

    widget = forms.Textarea(attrs={"rows": 3})
    separators = re.compile(r"[,\n]")

    def __init__(self, *, max_items: int = 50, item_max_length: int = 100, **kwargs: Any):
        self.max_items = max_items
        self.item_max_length = item_max_length
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(str(item) for item in value)
        return value

    def to_python(self, value: Any) -> list[str]:
        if isinstance(value, list | tuple):
            items = [str(item) for item in value]
        else:
            items = self.separators.split(value or "")
        cleaned = list(dict.fromkeys(item.strip() for item in items if item.strip()))
        if len(cleaned) > self.max_items:
            raise ValidationError(
                _("At most %(max)d items, please."), params={"max": self.max_items}
            )
        for item in cleaned:
            if len(item) > self.item_max_length:
                raise ValidationError(
                    _("“%(item)s…” is too long: at most %(max)d characters each."),
                    params={"item": item[:30], "max": self.item_max_length},
                )
        return cleaned

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True


class URLListField(TextListField):
    """Web addresses, one per line (the standards or schemas a dataset conforms to)."""

    separators = re.compile(r"\s+")

    def __init__(self, **kwargs: Any):
        super().__init__(item_max_length=1000, max_items=20, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value: Any) -> list[str]:
        urls = super().to_python(value)
        validate = URLValidator(schemes=["http", "https"])
        for url in urls:
            try:
                validate(url)
            except ValidationError:
                raise ValidationError(
                    _("“%(url)s” is not a web address (http or https)."),
                    params={"url": url[:80]},
                ) from None
        return urls


class EntryAdminForm(WagtailAdminModelForm):
    """The admin form every entry type's form extends (the base form of its edit handler).

    A type's form names, in ``related_entry_types``, which entry types each of its "related
    entries" fields may point at.
    """

    related_entry_types: ClassVar[dict[str, tuple[str, ...]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A proxy knows its type before it is saved: set it now so that validation (slug
        # uniqueness, related-entry choices) and the quality panel see the right type.
        if not self.instance.entry_type:
            self.instance.entry_type = type(self.instance).entry_type_key
        if "keywords" in self.fields:
            self.fields["keywords"] = TextListField(
                label=_("Keywords"),
                help_text=_("Words people would search for, separated by commas."),
            )
        if "conforms_to" in self.fields:
            self.fields["conforms_to"] = URLListField(
                label=_("Conforms to"),
                help_text=_("Web addresses of the standards or schemas it follows, one a line."),
            )
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The last part of the entry's web address. Leave blank to make one from the title."
            )
        for name, types in self.related_entry_types.items():
            if name in self.fields:
                queryset = Entry.objects.filter(entry_type__in=types).order_by("title")
                if self.instance.pk:
                    queryset = queryset.exclude(pk=self.instance.pk)
                # a search, not a list of every entry (entry_picker); set before the queryset.
                # A single choice (a dataset's series) keeps its own chooser widget.
                if isinstance(self.fields[name], forms.ModelMultipleChoiceField):
                    self.fields[name].widget = EntryPickerWidget(types)
                self.fields[name].queryset = queryset.only("id", "title", "entry_type")
                self.fields[name].label_from_instance = _label_with_type
        self._limit_publishers()

    def _limit_publishers(self) -> None:
        """An organisation's editor publishes only for their organisations: a short list of
        them instead of the chooser of every organisation (and any other is a form error)."""
        field = self.fields.get("publisher")
        if field is None or entry_admin_scope(self.for_user) is None:
            return
        field.widget = forms.Select()
        field.queryset = organisations_in_scope(field.queryset, self.for_user).order_by("name")

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or ""
        entry_type = self.instance.entry_type
        title = self.data.get(self.add_prefix("title"), "") or ""
        if not slug:
            return unique_slug(entry_type=entry_type, title=title, exclude_id=self.instance.pk)
        clash = Entry.objects.filter(entry_type=entry_type, slug=slug).exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("Another entry of this type already uses this web address."))
        return slug

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("temporal_start"), cleaned.get("temporal_end")
        if start and end and end < start:
            self.add_error("temporal_end", _("The end of the period is before its start."))
        return cleaned

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if not valid:
            self._explain_replaced_parts()
        return valid

    def _explain_replaced_parts(self) -> None:
        """A part row that no longer exists (a harvest replaced it) is a hidden field's error:
        say so where the editor sees it instead of failing with no message."""
        for formset in self.formsets.values():
            if any("id" in form.errors for form in formset.forms):
                label = formset.model._meta.verbose_name_plural
                self.add_error(
                    None,
                    _(
                        "The %(parts)s were replaced (by a harvest) after this page was opened. "
                        "Nothing was saved: reload the page to edit the current ones."
                    )
                    % {"parts": label},
                )

    def changed_content_fields(self) -> list[str]:
        """Names of the content fields and parts (distributions, partners...) this edit changed."""
        changed = [
            name
            for name in self.changed_data
            if name not in NOT_OVERRIDES and self._value_changed(name)
        ]
        changed += [name for name, formset in self.formsets.items() if formset.has_changed()]
        return changed

    def _value_changed(self, name: str) -> bool:
        """Whether the value differs from the stored one once shown and posted back unchanged.

        Django compares the stored value with what the browser posts, so a harvested value
        the widget shows differently (plain text in the rich-text editor) counts as changed
        although the editor touched nothing: compare the stored value's round trip instead.
        """
        bound = self[name]
        widget = bound.field.widget
        try:
            shown = widget.format_value(bound.initial)
            posted = widget.value_from_datadict({bound.html_name: shown}, {}, bound.html_name)
            unchanged = bound.field.clean(posted)
        except (ValidationError, TypeError, ValueError):
            return True
        return _comparable(unchanged) != _comparable(self.cleaned_data.get(name))

    def save(self, commit: bool = True) -> Any:
        instance = self.instance
        if instance.pk and instance.origin == Origin.HARVESTED:
            kept = set(instance.overridden_fields or [])
            instance.overridden_fields = sorted(kept | set(self.changed_content_fields()))
        return super().save(commit=commit)


_BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


def _comparable(value: Any) -> Any:
    """A value reduced to what an editor sees: ids of chosen objects, text without editor keys."""
    if hasattr(value, "values_list"):
        return sorted(value.values_list("pk", flat=True))
    if isinstance(value, list | tuple) and all(hasattr(item, "pk") for item in value):
        return sorted(item.pk for item in value)
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, str):
        return " ".join(_BLOCK_KEY.sub("", value).split())
    return value


def _label_with_type(entry: Entry) -> str:
    return f"{entry.title} ({entry.get_entry_type_display()})"


class EntryStatusPanel(HelpPanel):
    """What an editor should know before editing: origin, kept fields, quality and its fixes.

    Computed from the form's instance (for a live entry, its latest draft), so the fixes match
    what the editor is looking at rather than the last stored score.
    """

    def __init__(self, *, detailed: bool = False, **kwargs: Any) -> None:
        self.detailed = detailed
        super().__init__(**kwargs)

    def clone_kwargs(self) -> dict[str, Any]:
        kwargs = super().clone_kwargs()
        kwargs["detailed"] = self.detailed
        return kwargs

    class BoundPanel(HelpPanel.BoundPanel):
        def render_html(self, parent_context: Any = None) -> SafeString:
            entry = self.instance
            parts = [_origin_html(entry, detailed=self.panel.detailed)]
            if entry.pk and entry.origin == Origin.HARVESTED and not self.panel.detailed:
                parts.append(_harvest_since_draft_html(entry))
            if entry.pk:
                parts.append(_quality_html(entry, detailed=self.panel.detailed))
            return format_html(
                '<div class="help-block help-info" role="note">{}</div>',
                format_html_join("", "{}", ((part,) for part in parts if part)),
            )


def _origin_html(entry: Entry, *, detailed: bool) -> SafeString:
    if entry.origin != Origin.HARVESTED:
        return format_html("<p>{}</p>", _("Entered by an editor.")) if detailed else SafeString("")
    href = safe_href(entry.remote_url)
    source = (
        format_html('<a href="{}" rel="noopener">{}</a>', href, entry.remote_url)
        if href
        else (entry.remote_url or _("its source"))
    )
    intro = format_html(
        "<p>{} {}</p>",
        # format_html() takes a str: the lazy translation is resolved here, per request
        format_html(str(_("Harvested from {source}.")), source=source),
        _("Fields you change here are kept when the source is harvested again."),
    )
    stored = Entry.objects.filter(pk=entry.pk).values_list("overridden_fields", flat=True)
    kept = list((stored.first() if entry.pk else None) or entry.overridden_fields or [])
    if not kept:
        return intro
    items = format_html_join(
        "",
        '<li>{} <button type="submit" formaction="{}" formnovalidate '
        'class="button button-small button-secondary" aria-label="{}">{}</button></li>',
        (
            (
                label,
                reverse("harvesters_entry_release_field", args=[entry.pk, name]),
                _("Give “%(field)s” back to the source") % {"field": label},
                _("Give back to the source"),
            )
            for name, label in ((name, str(_field_label(name))) for name in kept)
        ),
    )
    return format_html(
        "{}<p><strong>{}</strong> {}</p><ul>{}</ul>",
        intro,
        _("Kept from harvests:"),
        _("the next harvest updates a field you give back."),
        items,
    )


def _harvest_since_draft_html(entry: Entry) -> SafeString:
    """Harvest updates that landed after the pending draft was started, and what they changed."""
    draft = (
        Entry.objects.filter(pk=entry.pk, has_unpublished_changes=True)
        .values_list("latest_revision__created_at", flat=True)
        .first()
    )
    if draft is None:
        return SafeString("")
    updates = harvest_changes_since(entry, draft)
    if not updates:
        return SafeString("")
    changed = sorted({name for log in updates for name in log.data.get("changes", {})})
    return format_html(
        "<p><strong>{}</strong> {} {}</p>",
        _("Updated by a harvest after this draft was started:"),
        ", ".join(str(_field_label(name)) for name in changed),
        _("The draft now shows the source's values for the fields you did not change."),
    )


def _quality_html(entry: Entry, *, detailed: bool) -> SafeString:
    score, report = assess_quality(entry)
    fixes = report.get("fixes", [])
    heading = format_html(
        "<p><strong>{}</strong> {}</p>",
        _("Metadata quality: %(score)d out of 100.") % {"score": score},
        ngettext("One fix would raise it:", "%(n)d fixes would raise it:", len(fixes))
        % {"n": len(fixes)}
        if fixes
        else _("Nothing left to fix."),
    )
    if not fixes:
        return heading
    items = format_html_join(
        "",
        "<li>{} <span>(+{})</span></li>",
        ((fix["fix"], fix["points"]) for fix in fixes),
    )
    body = format_html("<ul>{}</ul>", items)
    if detailed:
        dims = format_html_join(
            "",
            "<li>{}: {} / {}</li>",
            (
                (name.capitalize(), values["earned"], values["max"])
                for name, values in report.get("dimensions", {}).items()
            ),
        )
        body = format_html("{}<p>{}</p><ul>{}</ul>", body, _("By dimension:"), dims)
    return format_html("{}{}", heading, body)


def _field_label(name: str) -> str:
    try:
        field = Entry._meta.get_field(name)
    except FieldDoesNotExist:
        return name.replace("_", " ")
    if getattr(field, "verbose_name", None):
        return str(field.verbose_name)
    # A part (distributions, partners...): the reverse relation names its model.
    return str(field.related_model._meta.verbose_name_plural)
