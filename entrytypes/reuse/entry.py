"""The reuse type: URL segment, labels, detail page and quality rules."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from catalogue.models import Entry
from catalogue.registry import EntryTypeSpec, entry_types
from catalogue.selectors import published_among

from .admin import ReuseViewSet
from .models import Reuse, as_reuse


def detail_context(entry: Entry) -> dict[str, Any]:
    """The datasets and APIs the reuse uses, published ones only (withdrawn ones vanish)."""
    reuse = as_reuse(entry)
    return {"reuse": reuse, "uses": published_among(reuse.uses.all())}


QUALITY_RULES = {
    # A reuse is reached at its own address; it has no distributions to download.
    "access_url": lambda entry, _d: bool(as_reuse(entry).url),
}

entry_types.register(
    EntryTypeSpec(
        key="reuse",
        path="reuses",
        label=_("Reuse"),
        label_plural=_("Reuses"),
        model=Reuse,
        intro=_(
            "What people made with the data: applications, visualisations, API clients,"
            " research papers, news articles and ideas, with the datasets and APIs they use."
        ),
        order=50,
        listing_prefetches=("reuse",),
        detail_select=("image",),
        detail_context=detail_context,
        card_template="catalogue/cards/reuse.html",
        quality_rules=QUALITY_RULES,
        admin_viewset=ReuseViewSet,
    )
)
