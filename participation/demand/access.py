"""Who sees the demand dashboard: moderators (everything) and organisations' administrators."""

from __future__ import annotations

from typing import Any

from participation.selectors import is_moderator, organisation_ids_for


class NotAllowed(Exception):
    """Neither a moderator nor an approved administrator of an organisation."""


def demand_scope(user: Any) -> list[int] | None:
    """``None`` (every organisation) for a moderator, else the organisations ``user``
    administers (approved memberships): what each panel's ``rows`` is called with."""
    if is_moderator(user):
        return None
    administered = sorted(organisation_ids_for(user, roles=("admin",)))
    if not administered:
        raise NotAllowed
    return administered


def may_see_demand(user: Any) -> bool:
    try:
        demand_scope(user)
    except NotAllowed:
        return False
    return True
