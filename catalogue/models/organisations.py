"""Organisations: everyone who publishes or partners in the ecosystem."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index


class OrganisationKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    BUSINESS = "business", _("Business")
    ACADEMIA = "academia", _("Academia")
    CIVIL_SOCIETY = "civil-society", _("Civil society")
    INTERNATIONAL = "international", _("International organisation")


class Organisation(index.Indexed, models.Model):
    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices, db_index=True)
    country = models.ForeignKey(
        "catalogue.Country", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    website = models.URLField(max_length=500, blank=True)
    email = models.EmailField(blank=True, help_text=_("A public, functional address."))
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    identifier = models.CharField(
        max_length=500, blank=True, db_index=True, help_text=_("A stable URI, if it has one.")
    )
    featured = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("email"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("parent"),
        FieldPanel("identifier"),
        FieldPanel("featured"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalogue:organisation_detail", args=[self.slug])
