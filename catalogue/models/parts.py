"""Repeating parts of entries: child tables edited inline in the admin.

Each has a ``ParentalKey`` to ``Entry`` so Wagtail's revisions and previews carry them with
their entry, and each is writable with ``bulk_create`` by the harvest loader.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .choices import MilestoneKind, PartnerRole, RiskAllocation, RiskCategory


class Distribution(Orderable):
    """A way to get a dataset: a file, a feed or an API access point [dcat:Distribution]."""

    entry = ParentalKey("catalogue.Entry", on_delete=models.CASCADE, related_name="distributions")
    title = models.CharField(_("title"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    access_url = models.URLField(_("access URL"), max_length=1000, blank=True)
    download_url = models.URLField(_("download URL"), max_length=1000, blank=True)
    media_type = models.CharField(_("media type (IANA)"), max_length=120, blank=True)
    format = models.CharField(_("format"), max_length=40, blank=True, db_index=True)
    byte_size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    licence = models.ForeignKey(
        "catalogue.Licence", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checksum = models.CharField(_("checksum (sha256)"), max_length=128, blank=True)
    access_service = models.ForeignKey(  # dcat:accessService
        "catalogue.Entry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="distributions_accessed",
        verbose_name=_("API giving access"),
    )
    remote_id = models.CharField(max_length=300, blank=True)
    deprecated = models.BooleanField(  # adms:status Deprecated: kept, marked, not dropped
        _("deprecated"), default=False, help_text=_("The source marks it as deprecated.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("access_url"),
        FieldPanel("download_url"),
        FieldPanel("format"),
        FieldPanel("media_type"),
        FieldPanel("byte_size"),
        FieldPanel("licence"),
        FieldPanel("checksum"),
        FieldPanel("deprecated"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("distribution")

    def __str__(self) -> str:
        return self.title or self.format or self.access_url

    @property
    def url(self) -> str:
        return self.download_url or self.access_url


class Partnership(Orderable):
    """An organisation's part in a PPP project or a challenge."""

    entry = ParentalKey("catalogue.Entry", on_delete=models.CASCADE, related_name="partnerships")
    organisation = models.ForeignKey(
        "catalogue.Organisation", on_delete=models.CASCADE, related_name="partnerships"
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("role"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Milestone(Orderable):
    entry = ParentalKey("catalogue.Entry", on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("milestone"), max_length=20, choices=MilestoneKind.choices)
    date = models.DateField(_("date"), null=True, blank=True)
    planned = models.BooleanField(_("planned, not yet reached"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)

    panels = [FieldPanel("kind"), FieldPanel("date"), FieldPanel("planned"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")


class Risk(Orderable):
    entry = ParentalKey("catalogue.Entry", on_delete=models.CASCADE, related_name="risks")
    category = models.CharField(_("risk"), max_length=20, choices=RiskCategory.choices)
    allocation = models.CharField(_("borne by"), max_length=10, choices=RiskAllocation.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    panels = [FieldPanel("category"), FieldPanel("allocation"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("risk allocation")


class EntryDocument(Orderable):
    """A document published about an entry: a contract, a feasibility study, rules."""

    entry = ParentalKey("catalogue.Entry", on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("URL"), max_length=1000)
    document_type = models.CharField(_("type"), max_length=60, blank=True)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("document_type")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")


class ChallengePhase(Orderable):
    entry = ParentalKey("catalogue.Entry", on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("phase"), max_length=200)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phase")


class Prize(Orderable):
    entry = ParentalKey("catalogue.Entry", on_delete=models.CASCADE, related_name="prizes")
    title = models.CharField(_("prize"), max_length=200)
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    non_monetary = models.CharField(_("non-monetary award"), max_length=300, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("amount"),
        FieldPanel("currency"),
        FieldPanel("non_monetary"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("prize")


class JudgingCriterion(Orderable):
    entry = ParentalKey("catalogue.Entry", on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    weight = models.PositiveSmallIntegerField(_("weight (%)"), default=0)
    description = models.CharField(_("description"), max_length=500, blank=True)

    panels = [FieldPanel("name"), FieldPanel("weight"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("judging criterion")
        verbose_name_plural = _("judging criteria")


class Winner(Orderable):
    entry = ParentalKey("catalogue.Entry", on_delete=models.CASCADE, related_name="winners")
    name = models.CharField(_("team or entrant"), max_length=200)
    organisation = models.ForeignKey(
        "catalogue.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="challenge_wins",
    )
    prize = models.CharField(_("prize won"), max_length=200, blank=True)
    description = models.TextField(_("what they built"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("prize"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("winner")
