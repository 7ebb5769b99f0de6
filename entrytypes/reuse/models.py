"""The reuse: a child table of the shared entry (multi-table inheritance).

A reuse has fields no other type has (what kind of work it is, its address, its image, its
author) and links to the datasets and APIs it uses, so it keeps them in a table of its own
joined one-to-one to its ``Entry`` row. The publisher on the entry is the organisation behind
the reuse; ``author_name`` names a person or group that is not an organisation here.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField

from catalogue.models.entries import Entry, typed_manager
from catalogue.sanitise import sanitise_plain_text


class ReuseKind(models.TextChoices):
    APPLICATION = "application", _("Application")
    VISUALISATION = "visualisation", _("Visualisation")
    API_CLIENT = "api-client", _("API client")
    RESEARCH_PAPER = "research-paper", _("Research paper")
    NEWS_ARTICLE = "news-article", _("News article")
    IDEA = "idea", _("Idea")


# Kinds that are software: schema.org SoftwareApplication rather than CreativeWork.
SOFTWARE_KINDS = frozenset({ReuseKind.APPLICATION, ReuseKind.API_CLIENT})


class Reuse(Entry):
    """Something made with the catalogue's data (udata's reuse, ckanext-showcase's showcase)."""

    entry_type_key = "reuse"

    reuse_kind: models.CharField[str, str] = models.CharField(
        _("kind of reuse"), max_length=16, choices=ReuseKind.choices, default=ReuseKind.APPLICATION
    )
    url: models.URLField[str, str] = models.URLField(
        _("address of the reuse"),
        max_length=1000,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Where people find the application, article or paper itself."),
    )
    image: models.ForeignKey[Any, Any] = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_("A screenshot or illustration; its description is the alternative text."),
    )
    author_name: models.CharField[str, str] = models.CharField(
        _("author"),
        max_length=200,
        blank=True,
        help_text=_("A person or group that is not an organisation of the catalogue."),
    )
    uses = ParentalManyToManyField(
        "catalogue.Entry",
        blank=True,
        related_name="reused_in",
        verbose_name=_("datasets and APIs used"),
    )

    objects = typed_manager("reuse")

    class Meta:
        app_label = "reuses"
        verbose_name = _("reuse")
        verbose_name_plural = _("reuses")

    def clean_text_fields(self) -> None:
        super().clean_text_fields()
        self.author_name = sanitise_plain_text(self.author_name, max_length=200)

    @property
    def is_software(self) -> bool:
        return self.reuse_kind in SOFTWARE_KINDS


def as_reuse(entry: Entry) -> Reuse:
    """The reuse behind an entry row: itself, or its child row (cached when selected or
    prefetched as ``reuse``, else read)."""
    if isinstance(entry, Reuse):
        return entry
    reuse: Reuse = entry.reuse
    return reuse
