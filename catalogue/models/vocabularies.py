"""Controlled vocabularies, seeded by data migrations.

They are tables, not enums, because harvesters map remote values onto them and the DCAT
export needs each term's authority URI.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ThemeScheme(models.TextChoices):
    EU_DATA_THEME = "eu", _("EU data theme")
    UN_SDG = "sdg", _("UN Sustainable Development Goal")


class Theme(models.Model):
    """One of the 13 EU data themes or the 17 UN SDGs [dcat:theme]."""

    scheme = models.CharField(max_length=8, choices=ThemeScheme.choices)
    code = models.CharField(max_length=16, help_text=_("e.g. ENVI, or SDG13"))
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    uri = models.URLField(max_length=300)

    class Meta:
        ordering = ["scheme", "code"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "code"], name="uniq_theme_scheme_code")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalogue:theme_detail", args=[self.slug])


class Licence(models.Model):
    """A licence, identified by its SPDX id where it has one [dct:license]."""

    spdx_id = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=200)
    url = models.URLField(max_length=300, blank=True)
    is_open = models.BooleanField(
        default=True, help_text=_("Conforms to the Open Definition (free reuse for any purpose).")
    )
    eu_uri = models.URLField(max_length=300, blank=True, help_text=_("EU licence authority URI"))

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Country(models.Model):
    """An ISO 3166-1 country [dct:spatial]."""

    code = models.CharField(max_length=2, unique=True, help_text=_("ISO 3166-1 alpha-2"))
    alpha3 = models.CharField(max_length=3, unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    """An ISO 639-1 language [dct:language]."""

    code = models.CharField(max_length=3, unique=True, help_text=_("ISO 639-1"))
    alpha3 = models.CharField(max_length=3, help_text=_("ISO 639-2/B, used by the EU authority"))
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProjectStatus(models.Model):
    """An OC4IDS project status code (projectStatus codelist)."""

    code = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=80)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = _("project statuses")

    def __str__(self) -> str:
        return self.name
