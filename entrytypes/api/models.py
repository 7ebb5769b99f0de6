"""The API proxy over the shared entry table, and an API's access conditions.

Its ``app_label`` stays ``catalogue``: the proxy predates this package, and Wagtail keys the
type's revisions, workflows and permissions on the proxy's content type, so moving the label
would orphan them (ADR 0020).

What a client must accept to use an API (what it costs, whether one registers, what replaces
it) lives in ``AccessConditions``, a child of the entry (at most one per API) in this package's
own table: harvests keep writing the shared table in bulk, and an editor's draft carries the
conditions with the rest of the entry (a parental key, serialised in the revision).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel

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


class CostModel(models.TextChoices):
    FREE = "free", _("Free")
    FREE_TIER = "free-tier", _("Free tier with limits")
    PAID = "paid", _("Paid")


class Registration(models.TextChoices):
    """Whether a client must register first. Unknown is no value, never a guess."""

    REQUIRED = "required", _("Registration required")
    NOT_REQUIRED = "not-required", _("No registration needed")


class AccessConditions(models.Model):
    """What using an API costs, whether one registers first, and which API replaces it."""

    entry = ParentalKey(
        "catalogue.Entry", on_delete=models.CASCADE, related_name="access_conditions"
    )
    cost_model: models.CharField[str, str] = models.CharField(
        _("pricing"),
        max_length=16,
        choices=CostModel.choices,
        blank=True,
        help_text=_("Leave empty when the publisher does not say."),
    )
    registration: models.CharField[str, str] = models.CharField(
        _("registration"),
        max_length=16,
        choices=Registration.choices,
        blank=True,
        help_text=_("Leave empty when it is not known."),
    )
    successor: models.ForeignKey[Any, Any] = models.ForeignKey(
        "catalogue.Entry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessor_conditions",
        limit_choices_to={"entry_type": "api"},
        verbose_name=_("successor"),
        help_text=_("The API that replaces this one, when it is deprecated or retired."),
    )

    panels = [FieldPanel("cost_model"), FieldPanel("registration"), FieldPanel("successor")]

    class Meta:
        app_label = "apis"
        verbose_name = _("access conditions")
        verbose_name_plural = _("access conditions")
        constraints = [models.UniqueConstraint(fields=["entry"], name="uniq_api_access_conditions")]

    def __str__(self) -> str:
        return str(_("Access conditions"))

    def clean(self) -> None:
        super().clean()
        successor = self.successor
        if successor is None:
            return
        if successor.entry_type != "api":
            raise ValidationError({"successor": _("The successor must be an API.")})
        if self.entry_id is not None and successor.pk == self.entry_id:
            raise ValidationError({"successor": _("An API cannot succeed itself.")})


def access_conditions(entry: Any) -> AccessConditions | None:
    """The API's conditions (prefetched or read), or None when none were recorded."""
    for conditions in entry.access_conditions.all():
        return conditions
    return None
