"""The catalogue entry: one table for the shared core of all four entry types.

Datasets, APIs, PPP projects and challenges live in one concrete table (single-table
inheritance) with a proxy model per type. Harvests write hundreds of entries per second with
``bulk_create``, which Django refuses for multi-table inheritance; one table also lets one
query search, filter and facet across all types. Per-type repeating parts (distributions,
partners, milestones, prizes...) are child tables in ``catalogue.models.parts``.
See docs/adr/0002-single-table-entries.md.
"""

from __future__ import annotations

from typing import ClassVar, cast

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from ..registry import entry_type_choices, entry_types, entry_url
from ..sanitise import html_to_text, sanitise_plain_text, sanitise_rich_text
from .choices import (
    AccessRights,
    ApiType,
    Authentication,
    ChallengeType,
    Frequency,
    Lifecycle,
    Origin,
    PPPContractType,
    PPPSector,
)

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "hr"]


def published_condition(via: str = "") -> models.Q:
    """The one rule of what the public sees: live and not withdrawn.

    ``via`` reaches the entry through a relation (``"entries__"`` from a theme, say).
    """
    return models.Q(**{f"{via}live": True, f"{via}withdrawn_at__isnull": True})


class EntryQuerySet(models.QuerySet["Entry"]):
    def published(self) -> EntryQuerySet:
        """What the public sees: live and not withdrawn."""
        return self.filter(published_condition())

    def of_type(self, entry_type: str) -> EntryQuerySet:
        return self.filter(entry_type=entry_type)


_EntryManagerBase = models.Manager.from_queryset(EntryQuerySet)


class EntryManager(_EntryManagerBase["Entry"]):
    entry_type: str | None = None

    def get_queryset(self) -> EntryQuerySet:
        # from_queryset(EntryQuerySet) builds one; django-stubs types it as a plain QuerySet
        qs = cast(EntryQuerySet, super().get_queryset())
        if self.entry_type:
            qs = qs.filter(entry_type=self.entry_type)
        return qs


def typed_manager(entry_type: str) -> EntryManager:
    manager = EntryManager()
    manager.entry_type = entry_type
    return manager


class Entry(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """The common core of every entry (DCAT-AP property in brackets)."""

    entry_type = models.CharField(max_length=16, choices=entry_type_choices, db_index=True)
    # Set by each type's proxy or child model (entrytypes/<type>/models.py); saved as entry_type.
    entry_type_key: ClassVar[str] = ""

    # Identification and description
    title = models.CharField(_("title"), max_length=300)  # dct:title
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=False)
    summary = models.CharField(
        _("summary"), max_length=500, blank=True, help_text=_("One or two plain sentences.")
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    identifier = models.CharField(  # dct:identifier
        _("identifier URI"), max_length=500, blank=True, db_index=True
    )
    landing_page = models.URLField(_("landing page"), max_length=1000, blank=True)

    # Who
    publisher = models.ForeignKey(  # dct:publisher
        "catalogue.Organisation",
        on_delete=models.PROTECT,
        related_name="published_entries",
        verbose_name=_("publisher"),
    )
    # False when the source named no publisher: ``publisher`` is then the harvest source's
    # owner, kept as the entry's cataloguing organisation (permissions, listings), and no
    # export presents it as dct:publisher (ADR 0023).
    publisher_stated = models.BooleanField(
        _("publisher stated by the source"),
        default=True,
        help_text=_("Off when the source named no publisher; exports then omit it."),
    )
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_url = models.URLField(_("contact page"), max_length=500, blank=True)

    # Classification
    themes = ParentalManyToManyField("catalogue.Theme", blank=True, related_name="entries")
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    licence = models.ForeignKey(  # dct:license
        "catalogue.Licence",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries",
        verbose_name=_("licence"),
    )
    access_rights = models.CharField(  # dct:accessRights
        _("access rights"), max_length=16, choices=AccessRights.choices, default=AccessRights.PUBLIC
    )
    countries = ParentalManyToManyField("catalogue.Country", blank=True, related_name="entries")
    spatial_label = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("A city or region, in words.")
    )
    temporal_start = models.DateField(_("covers from"), null=True, blank=True)
    temporal_end = models.DateField(_("covers until"), null=True, blank=True)
    languages = ParentalManyToManyField("catalogue.Language", blank=True, related_name="entries")
    issued = models.DateTimeField(_("issued"), null=True, blank=True)  # dct:issued
    modified = models.DateTimeField(_("modified"), null=True, blank=True)  # dct:modified

    # Lifecycle and provenance
    withdrawn_at = models.DateTimeField(null=True, blank=True, db_index=True)
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.MANUAL)
    remote_url = models.URLField(max_length=1000, blank=True)
    last_harvested_at = models.DateTimeField(null=True, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    overridden_fields = models.JSONField(
        default=list, blank=True, help_text=_("Fields an editor changed: harvests keep them.")
    )
    source_extras = models.JSONField(  # ADR 0012: nothing a source sent is silently lost
        _("values from the source without a field"),
        default=dict,
        blank=True,
        help_text=_("What the source sent that the catalogue has no field for, as sent."),
    )
    quality_score = models.PositiveSmallIntegerField(default=0, db_index=True)
    quality_report = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Dataset [dcat:Dataset]
    frequency = models.CharField(
        _("update frequency"), max_length=16, choices=Frequency.choices, blank=True
    )
    version = models.CharField(_("version"), max_length=50, blank=True)
    in_series = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="series_members",
        verbose_name=_("part of series"),
    )
    contains_personal_data = models.BooleanField(_("contains personal data"), default=False)
    conforms_to = models.JSONField(_("conforms to"), default=list, blank=True)

    # API [dcat:DataService]
    endpoint_url = models.URLField(_("endpoint URL"), max_length=1000, blank=True)
    endpoint_description_url = models.URLField(
        _("description document (OpenAPI, AsyncAPI, WSDL...)"), max_length=1000, blank=True
    )
    api_type = models.CharField(_("API type"), max_length=16, choices=ApiType.choices, blank=True)
    authentication = models.CharField(
        _("authentication"), max_length=16, choices=Authentication.choices, blank=True
    )
    access_instructions = models.TextField(_("how to get access"), blank=True)
    rate_limits = models.CharField(_("rate limits"), max_length=300, blank=True)
    availability = models.CharField(_("availability / SLA"), max_length=300, blank=True)
    lifecycle = models.CharField(
        _("lifecycle"), max_length=16, choices=Lifecycle.choices, blank=True
    )
    sunset_date = models.DateField(_("sunset date"), null=True, blank=True)
    sandbox_url = models.URLField(_("sandbox URL"), max_length=1000, blank=True)
    serves_datasets = ParentalManyToManyField(  # dcat:servesDataset
        "self",
        blank=True,
        symmetrical=False,
        related_name="served_by",
        verbose_name=_("datasets served"),
    )

    # PPP project
    project_status = models.ForeignKey(
        "catalogue.ProjectStatus",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("project status"),
    )
    sector = models.CharField(_("sector"), max_length=16, choices=PPPSector.choices, blank=True)
    contract_type = models.CharField(
        _("contract type"), max_length=24, choices=PPPContractType.choices, blank=True
    )
    total_investment = models.DecimalField(
        _("total investment"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3, blank=True)
    public_authority = models.ForeignKey(
        "catalogue.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authority_for",
        verbose_name=_("public authority"),
    )
    government_support = models.TextField(_("government support"), blank=True)
    related_datasets = ParentalManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="used_by_projects",
        verbose_name=_("related datasets"),
    )

    # Challenge
    problem_statement = RichTextField(
        _("problem statement"), blank=True, features=RICH_TEXT_FEATURES
    )
    challenge_type = models.CharField(
        _("challenge type"), max_length=16, choices=ChallengeType.choices, blank=True
    )
    eligibility = models.TextField(_("who can enter"), blank=True)
    how_to_enter = models.TextField(_("how to enter"), blank=True)
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True, db_index=True)
    judging_ends_at = models.DateTimeField(_("results announced"), null=True, blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    offered_resources = ParentalManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="offered_in_challenges",
        verbose_name=_("datasets and APIs offered"),
    )

    objects = EntryManager()

    search_fields = [
        index.SearchField("title", boost=10),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=3),
        index.SearchField("search_body"),
        index.FilterField("entry_type"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["entry_type", "slug"], name="uniq_entry_type_slug")
        ]
        indexes = [
            models.Index(fields=["entry_type", "live", "-modified"], name="entry_listing_idx"),
            models.Index(fields=["publisher", "live"], name="entry_publisher_idx"),
            # Partial indexes over public entries only: a listing page reads its 20 rows and
            # counts its total from the index, without sorting the table (the public site
            # filters on ``live AND withdrawn_at IS NULL``, which a plain index cannot seek on).
            models.Index(
                fields=["entry_type", "modified"],
                condition=published_condition(),
                name="entry_public_type_idx",
            ),
            models.Index(
                fields=["publisher", "entry_type", "modified"],
                condition=published_condition(),
                name="entry_public_publisher_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    # --- behaviour -------------------------------------------------------------------
    def save(self, *args: object, **kwargs: object) -> None:
        if self.entry_type_key:
            self.entry_type = self.entry_type_key
        self.clean_text_fields()
        super().save(*args, **kwargs)

    def clean_text_fields(self) -> None:
        """Sanitise every text field from outside before it is stored."""
        self.title = sanitise_plain_text(self.title, max_length=300)
        self.summary = sanitise_plain_text(self.summary, max_length=500)
        self.description = sanitise_rich_text(self.description)
        self.problem_statement = sanitise_rich_text(self.problem_statement)
        for name in (
            "eligibility",
            "how_to_enter",
            "outcomes",
            "access_instructions",
            "government_support",
            "rate_limits",
            "availability",
            "contact_name",
            "spatial_label",
            "version",
        ):
            setattr(self, name, sanitise_plain_text(getattr(self, name)))
        self.keywords = [
            kw
            for kw in (sanitise_plain_text(str(k), max_length=100) for k in self.keywords or [])
            if kw
        ]

    @property
    def type_path(self) -> str:
        return entry_types.get(self.entry_type).path

    def get_absolute_url(self) -> str:
        if not self.slug:  # a new entry previewed before it has an address: its listing
            return reverse(entry_types.get(self.entry_type).list_url_name)
        return entry_url(self.entry_type, self.slug)

    @property
    def search_body(self) -> str:
        """Text indexed below title and summary: description, keywords, publisher."""
        parts = [html_to_text(self.description), html_to_text(self.problem_statement)]
        parts.append(" ".join(self.keywords or []))
        return " ".join(p for p in parts if p)

    @property
    def is_published(self) -> bool:
        """``published_condition`` for an instance in hand (a related entry, a preview)."""
        return bool(self.live and self.withdrawn_at is None)

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def public_status(self) -> str:
        if self.withdrawn_at:
            return "withdrawn"
        return "published" if self.live else "draft"

    def get_preview_template(self, request: object, mode_name: str) -> str:
        return entry_types.get(self.entry_type).detail_template

    def get_preview_context(self, request: object, mode_name: str) -> dict[str, object]:
        from ..selectors import entry_detail_context

        return entry_detail_context(entry=self, preview=True)

    @property
    def editable_fields_locked(self) -> list[str]:
        return list(self.overridden_fields or [])
