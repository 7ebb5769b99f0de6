"""Which publishers' entries a person may see and edit in the admin: the one rule, asked
everywhere the admin reaches an entry (listing, every per-entry view, bulk actions, the
publisher field of the entry form).

The catalogue does not know who belongs to which organisation (that is participation's
business, and the catalogue never imports it), so it asks the Wagtail hook
``entry_admin_scope``: each registered function takes a user and returns the organisation ids
that user is limited to, or ``None`` when it does not limit them. No hook, or every hook
answering ``None``, leaves the user unrestricted (superusers, the catalogue's curators). When
several hooks answer, the user is limited to the organisations all of them allow.
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from wagtail import hooks

SCOPE_HOOK = "entry_admin_scope"
_UNASKED = object()


def entry_admin_scope(user: Any) -> frozenset[int] | None:
    """The publisher ids ``user`` is limited to in the admin, or ``None`` for no limit."""
    if user is None or not user.is_authenticated:
        return frozenset()
    if user.is_superuser:
        return None
    cached = getattr(user, "_entry_admin_scope", _UNASKED)
    if cached is not _UNASKED:
        return cast("frozenset[int] | None", cached)
    scope: frozenset[int] | None = None
    for hook in hooks.get_hooks(SCOPE_HOOK):
        allowed = hook(user)
        if allowed is None:
            continue
        allowed = frozenset(allowed)
        scope = allowed if scope is None else scope & allowed
    user._entry_admin_scope = scope  # one answer per request: the user object lives that long
    return scope


def entries_in_scope(queryset: QuerySet[Any], user: Any) -> QuerySet[Any]:
    """``queryset`` (of entries) narrowed to the publishers ``user`` may edit."""
    scope = entry_admin_scope(user)
    return queryset if scope is None else queryset.filter(publisher_id__in=scope)


def organisations_in_scope(queryset: QuerySet[Any], user: Any) -> QuerySet[Any]:
    """``queryset`` (of organisations) narrowed to those ``user`` may publish for."""
    scope = entry_admin_scope(user)
    return queryset if scope is None else queryset.filter(pk__in=scope)


def entry_in_scope(entry_id: Any, user: Any) -> bool:
    """May ``user`` reach the entry with this id in the admin? (Unknown ids: let the view 404.)"""
    scope = entry_admin_scope(user)
    if scope is None:
        return True
    from .models import Entry

    try:
        found = Entry.objects.filter(pk=int(entry_id)).values_list("publisher_id", flat=True)
        publisher_id = found.first()
    except (TypeError, ValueError):
        return True  # not an entry id: the view answers 404 itself
    return publisher_id is None or publisher_id in scope
