"""The PPP project type: URL segment, labels and detail page."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from catalogue.models import Entry
from catalogue.registry import EntryTypeSpec, entry_types
from catalogue.selectors import published_among

from .admin import PPPProjectViewSet
from .models import PPPProject


def detail_context(entry: Entry) -> dict[str, Any]:
    return {
        "partnerships": list(entry.partnerships.select_related("organisation").all()),
        "milestones": list(entry.milestones.all()),
        "risks": list(entry.risks.all()),
        "documents": list(entry.documents.all()),
        "related_datasets": published_among(entry.related_datasets.all()),
    }


entry_types.register(
    EntryTypeSpec(
        key="ppp",
        path="ppp-projects",
        label=_("PPP project"),
        label_plural=_("PPP projects"),
        model=PPPProject,
        intro=_(
            "Public-private partnership projects: who is involved, what they"
            " cost, where they stand and who bears which risk."
        ),
        order=30,
        detail_select=("project_status", "public_authority"),
        detail_context=detail_context,
        card_template="catalogue/cards/ppp.html",
        admin_viewset=PPPProjectViewSet,
    )
)
