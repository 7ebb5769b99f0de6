"""Catalogue models, split by concept (as wagtail/models/ is).

Entry types' proxies and child models live in their own packages (``entrytypes/``).
"""

from .challenge_status import challenge_status_at, challenge_status_condition
from .choices import (
    AccessRights,
    ApiType,
    Authentication,
    ChallengeStatus,
    ChallengeType,
    Frequency,
    Lifecycle,
    MilestoneKind,
    Origin,
    PartnerRole,
    PPPContractType,
    PPPSector,
    RiskAllocation,
    RiskCategory,
)
from .entries import Entry, EntryQuerySet, published_condition, typed_manager
from .organisations import Organisation, OrganisationKind
from .pages import ContentPage, GuideIndexPage, HomePage
from .parts import (
    ChallengePhase,
    Distribution,
    EntryDocument,
    JudgingCriterion,
    Milestone,
    Partnership,
    Prize,
    Risk,
    Winner,
)
from .vocabularies import Country, Language, Licence, ProjectStatus, Theme, ThemeScheme

__all__ = [
    "AccessRights",
    "ApiType",
    "Authentication",
    "ChallengePhase",
    "ChallengeStatus",
    "ChallengeType",
    "ContentPage",
    "Country",
    "Distribution",
    "Entry",
    "EntryDocument",
    "EntryQuerySet",
    "Frequency",
    "GuideIndexPage",
    "HomePage",
    "JudgingCriterion",
    "Language",
    "Licence",
    "Lifecycle",
    "Milestone",
    "MilestoneKind",
    "Organisation",
    "OrganisationKind",
    "Origin",
    "PartnerRole",
    "PPPContractType",
    "PPPSector",
    "Partnership",
    "Prize",
    "ProjectStatus",
    "Risk",
    "RiskAllocation",
    "RiskCategory",
    "Theme",
    "ThemeScheme",
    "Winner",
    "challenge_status_at",
    "challenge_status_condition",
    "published_condition",
    "typed_manager",
]
