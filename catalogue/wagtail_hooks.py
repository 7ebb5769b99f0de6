"""The catalogue in the Wagtail admin: each entry type's viewset, plus organisations.

The entry types' viewsets come from the registry (``entrytypes/<type>/admin.py``), in its
order, grouped under one "Catalogue" menu.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponseForbidden
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_scope import entry_admin_scope
from .choosers import DatabaseChooserMixin
from .models import Entry, Organisation
from .registry import entry_types
from .services import entry_refresh_quality
from .services.harvest_changes import HARVEST_UPDATE
from .services.overrides import entry_record_overrides


class OrganisationViewSet(DatabaseChooserMixin, SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_order = 140
    list_display = ["name", "kind", "country", "featured"]
    list_filter = ["kind", "featured", "country"]
    search_fields = ["name", "slug", "identifier"]
    search_backend_name = None

    def get_queryset(self, request: Any) -> Any:
        return Organisation.objects.select_related("country")


class CatalogueViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Catalogue")
    menu_icon = "folder-open-inverse"
    menu_order = 150
    items = (
        *(spec.admin_viewset for spec in entry_types if spec.admin_viewset is not None),
        OrganisationViewSet,
    )


register_snippet(CatalogueViewSetGroup)


# --- hooks ------------------------------------------------------------------------------------


def _refresh_quality(instance: Any) -> None:
    """Score what is stored (the live entry, or a never-published draft), not the form's copy."""
    if isinstance(instance, Entry) and instance.pk:
        entry_refresh_quality(entry=Entry.objects.get(pk=instance.pk))


@hooks.register("after_create_snippet")
def entry_created_in_admin(request: Any, instance: Any) -> None:
    _refresh_quality(instance)


@hooks.register("after_edit_snippet")
def entry_edited_in_admin(request: Any, instance: Any) -> None:
    if isinstance(instance, Entry) and instance.overridden_fields:
        # The form recorded the override on the draft; the live entry must know at once.
        entry_record_overrides(entry_id=instance.pk, fields=instance.overridden_fields)
    _refresh_quality(instance)


@hooks.register("after_publish")
def entry_published_in_admin(request: Any, instance: Any) -> None:
    # Publishing copies the revision over the live row, stored score included: score it afresh.
    _refresh_quality(instance)


@hooks.register("before_bulk_action")
def bulk_action_within_admin_scope(
    request: Any, action_type: str, objects: Any, action: Any
) -> HttpResponseForbidden | None:
    """Bulk delete, publish or unpublish touch only entries within the user's admin scope."""
    scope = entry_admin_scope(request.user)
    if scope is None:
        return None
    if any(isinstance(obj, Entry) and obj.publisher_id not in scope for obj in objects):
        return HttpResponseForbidden(_("You may act only on your organisations' entries."))
    return None


@hooks.register("register_log_actions")
def register_harvest_log_actions(actions: Any) -> None:
    @actions.register_action(HARVEST_UPDATE)
    class HarvestUpdate(LogFormatter):
        label = _("Updated by a harvest")

        def format_message(self, log_entry: Any) -> str:
            changes = (log_entry.data or {}).get("changes", {})
            shown = "; ".join(
                f"{name.replace('_', ' ')}: “{old}” → “{new}”"
                for name, (old, new) in sorted(changes.items())
            )
            return str(_("Updated by a harvest: %(changes)s")) % {"changes": shown}
