"""Admin choosers that search the database, as the admin listings do.

Wagtail's chooser searches its own search index, which this project does not fill
(``AUTO_UPDATE`` is off: the public search has its own index, docs/adr/0003), so a chooser's
search found nothing. These choosers look the words up in the viewset's ``search_fields``
with plain database lookups, so drafts and every organisation are found.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import SnippetChooserViewSet

MAX_WORDS = 10


class DatabaseSearchForm(BaseFilterForm):
    """Every word must be found in one of ``search_fields`` (case-insensitive)."""

    search_fields: tuple[str, ...] = ()

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
        max_length=200,
    )

    def filter(self, objects: QuerySet[Any]) -> QuerySet[Any]:
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if not query or not self.search_fields:
            return objects
        for word in query.split()[:MAX_WORDS]:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            objects = objects.filter(condition)
        self.is_searching = True
        self.search_query = query
        return objects.distinct()


class DatabaseSearchChooserViewSet(SnippetChooserViewSet):
    search_fields: tuple[str, ...] = ()

    def get_common_view_kwargs(self, **kwargs: Any) -> Any:
        form = type(
            "ChooserSearchForm", (DatabaseSearchForm,), {"search_fields": self.search_fields}
        )
        return super().get_common_view_kwargs(filter_form_class=form, **kwargs)


class DatabaseChooserMixin:
    """For a snippet viewset: its chooser searches the viewset's own ``search_fields``."""

    chooser_viewset_class = DatabaseSearchChooserViewSet
    search_fields: Any

    @property
    def chooser_viewset(self) -> DatabaseSearchChooserViewSet:
        viewset = super().chooser_viewset  # type: ignore[misc]
        viewset.search_fields = tuple(self.search_fields or ())
        return viewset
