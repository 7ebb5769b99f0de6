"""Code lists of the content model (DESIGN.md §3), with the standard each follows."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessRights(models.TextChoices):
    """EU access-right authority table."""

    PUBLIC = "public", _("Public")
    RESTRICTED = "restricted", _("Restricted")
    NON_PUBLIC = "non-public", _("Non-public")


class Origin(models.TextChoices):
    MANUAL = "manual", _("Entered by an editor")
    HARVESTED = "harvested", _("Harvested")


class Frequency(models.TextChoices):
    """EU frequency authority table (a subset that covers what portals publish)."""

    CONTINUOUS = "CONT", _("Continuous")
    DAILY = "DAILY", _("Daily")
    WEEKLY = "WEEKLY", _("Weekly")
    MONTHLY = "MONTHLY", _("Monthly")
    QUARTERLY = "QUARTERLY", _("Quarterly")
    ANNUAL = "ANNUAL", _("Annual")
    IRREGULAR = "IRREG", _("Irregular")
    NEVER = "NEVER", _("Never")
    UNKNOWN = "UNKNOWN", _("Unknown")


class ApiType(models.TextChoices):
    REST = "rest", _("REST (OpenAPI)")
    ASYNCAPI = "asyncapi", _("Event-driven (AsyncAPI)")
    GRAPHQL = "graphql", _("GraphQL")
    SOAP = "soap", _("SOAP (WSDL)")
    ODATA = "odata", _("OData")
    SPARQL = "sparql", _("SPARQL")
    OGC = "ogc", _("OGC web service")
    OTHER = "other", _("Other")


class Authentication(models.TextChoices):
    NONE = "none", _("None: open")
    API_KEY = "api-key", _("API key")
    OAUTH2 = "oauth2", _("OAuth 2")
    REGISTRATION = "registration", _("Registration required")


class Lifecycle(models.TextChoices):
    EXPERIMENTAL = "experimental", _("Experimental")
    PRODUCTION = "production", _("Production")
    DEPRECATED = "deprecated", _("Deprecated")
    RETIRED = "retired", _("Retired")


class PPPSector(models.TextChoices):
    TRANSPORT = "transport", _("Transport")
    ENERGY = "energy", _("Energy")
    WATER = "water", _("Water and sanitation")
    ICT = "ict", _("Digital and ICT")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    SOCIAL = "social", _("Social infrastructure")
    WASTE = "waste", _("Solid waste")
    OTHER = "other", _("Other")


class PPPContractType(models.TextChoices):
    """World Bank PPI contract types."""

    MANAGEMENT_LEASE = "management-lease", _("Management and lease contract")
    CONCESSION = "concession", _("Concession (brownfield)")
    GREENFIELD_BOT = "greenfield-bot", _("Greenfield: build-operate-transfer")
    GREENFIELD_BOO = "greenfield-boo", _("Greenfield: build-own-operate")
    GREENFIELD_DBFO = "greenfield-dbfo", _("Greenfield: design-build-finance-operate")
    DIVESTITURE = "divestiture", _("Divestiture")


class ChallengeType(models.TextChoices):
    IDEA = "idea", _("Ideas")
    DESIGN = "design", _("Design")
    PROTOTYPE = "prototype", _("Prototype")
    HACKATHON = "hackathon", _("Hackathon")
    PROCUREMENT = "procurement", _("Innovation procurement")


class ChallengeStatus(models.TextChoices):
    """Derived from the challenge's dates, never stored by hand."""

    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    JUDGING = "judging", _("Judging")
    CLOSED = "closed", _("Closed")


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    INVESTOR = "investor", _("Investor / equity holder")
    OPERATOR = "operator", _("Operator")
    CONSTRUCTOR = "constructor", _("Constructor")
    LENDER = "lender", _("Lender")
    ADVISOR = "advisor", _("Advisor")
    CO_ORGANISER = "co-organiser", _("Co-organiser")
    SPONSOR = "sponsor", _("Sponsor")
    DATA_PROVIDER = "data-provider", _("Data provider")
    ACADEMIC = "academic", _("Academic partner")


class MilestoneKind(models.TextChoices):
    TENDER = "tender", _("Tender launched")
    AWARD = "award", _("Contract award")
    FINANCIAL_CLOSE = "financial-close", _("Financial close")
    CONSTRUCTION = "construction", _("Construction start")
    OPERATION = "operation", _("Start of operation")
    COMPLETION = "completion", _("Completion / hand-back")


class RiskAllocation(models.TextChoices):
    PUBLIC = "public", _("Public")
    PRIVATE = "private", _("Private")
    SHARED = "shared", _("Shared")


class RiskCategory(models.TextChoices):
    """OC4IDS risk categories (a subset)."""

    CONSTRUCTION = "construction", _("Construction")
    DEMAND = "demand", _("Demand")
    DESIGN = "design", _("Design")
    ENVIRONMENTAL = "environmental", _("Environmental")
    FINANCIAL = "financial", _("Financial")
    FORCE_MAJEURE = "force-majeure", _("Force majeure")
    LAND = "land", _("Land acquisition")
    OPERATIONAL = "operational", _("Operation and maintenance")
    POLITICAL = "political", _("Political and regulatory")
