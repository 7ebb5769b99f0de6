"""The API proxy over the shared entry table.

Its ``app_label`` stays ``catalogue``: the proxy predates this package, and Wagtail keys the
type's revisions, workflows and permissions on the proxy's content type, so moving the label
would orphan them (ADR 0020).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from catalogue.models.entries import Entry, typed_manager


class DataService(Entry):
    """An API [dcat:DataService]."""

    entry_type_key = "api"
    objects = typed_manager("api")

    class Meta:
        proxy = True
        app_label = "catalogue"
        verbose_name = _("API")
        verbose_name_plural = _("APIs")
