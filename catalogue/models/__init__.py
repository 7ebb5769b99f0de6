"""Catalogue models, split by concept (as wagtail/models/ is)."""

from .choices import (  # noqa: F401
    ENTRY_TYPE_PATHS,
    PATH_ENTRY_TYPES,
    AccessRights,
    ApiType,
    Authentication,
    ChallengeStatus,
    ChallengeType,
    EntryType,
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
from .entries import (  # noqa: F401
    PROXY_BY_TYPE,
    Challenge,
    DataService,
    Dataset,
    Entry,
    PPPProject,
    challenge_status_at,
)
from .organisations import Organisation, OrganisationKind  # noqa: F401
from .pages import ContentPage, GuideIndexPage, HomePage  # noqa: F401
from .parts import (  # noqa: F401
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
from .vocabularies import Country, Language, Licence, ProjectStatus, Theme, ThemeScheme  # noqa: F401
