"""Writing accounts: profile, membership of organisations, admin access, account deletion.

These are the only writers of participation's own tables (the views and the admin call them),
so each rule lives here once: one membership per organisation, who decides a request, the
admin access an approved editor's membership brings, and what deleting an account removes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .mail import queue_message
from .models import Membership, MembershipRole, MembershipStatus, Profile
from .personal_data import personal_data_parts
from .selectors import ORGANISATION_EDITORS_GROUP, may_decide, organisation_ids_for, profile_of

# What an organisation's editors may do with entries (docs/adr/0024): their own organisations'
# entries only, which the catalogue's admin scope enforces.
EDITOR_ACTIONS = ("add", "change", "delete", "view", "publish")


class MembershipError(Exception):
    """A membership request or decision the rules refuse; ``str()`` says why, for the person,
    and ``status`` is the HTTP status a view answers with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def profile_update(
    user: Any,
    *,
    display_name: str,
    organisation_name: str,
    themes: Iterable[Any],
    countries: Iterable[Any],
) -> Profile:
    profile = profile_of(user)
    profile.display_name = display_name
    profile.organisation_name = organisation_name
    profile.save(update_fields=["display_name", "organisation_name"])
    profile.interest_themes.set(themes)
    profile.interest_countries.set(countries)
    return profile


def request_membership(user: Any, *, organisation: Any, role: str, message: str) -> Membership:
    """Ask for ``role`` in ``organisation``. A pending request is updated; a decided one is
    refused (one membership per organisation: ask its administrators to change it)."""
    if role not in MembershipRole.values:
        raise MembershipError(_("Choose a role: member, editor or administrator."))
    with transaction.atomic():
        existing = (
            Membership.objects.select_for_update()
            .filter(user=user, organisation=organisation)
            .first()
        )
        if existing is None:
            return Membership.objects.create(
                user=user, organisation=organisation, role=role, message=message
            )
        if existing.status != MembershipStatus.REQUESTED:
            raise MembershipError(
                _(
                    "You already have a decided membership of %(organisation)s. Leave it first"
                    " to ask again."
                )
                % {"organisation": organisation.name}
            )
        existing.role, existing.message = role, message
        existing.save(update_fields=["role", "message"])
        return existing


def decide_membership(decider: Any, membership: Membership, *, approve: bool) -> Membership:
    """Approve or decline a request; the requester is told by mail, admin access follows."""
    if not may_decide(decider, membership):
        raise MembershipError(_("You cannot decide this request."), status=403)
    if membership.status != MembershipStatus.REQUESTED:
        raise MembershipError(_("This request was already decided."), status=409)
    membership.status = MembershipStatus.APPROVED if approve else MembershipStatus.DECLINED
    membership.decided_by = decider
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_by", "decided_at"])
    sync_admin_access(membership.user)
    _mail_decision(membership)
    return membership


def grant_membership(user: Any, *, organisation: Any, role: str) -> Membership:
    """An approved membership set by the site itself (the demo seeder, a management task):
    no request, no decider, no mail; admin access follows."""
    membership, _created = Membership.objects.update_or_create(
        user=user,
        organisation=organisation,
        defaults={
            "role": role,
            "status": MembershipStatus.APPROVED,
            "decided_at": timezone.now(),
        },
    )
    sync_admin_access(user)
    return membership


def leave_membership(user: Any, membership_id: int) -> bool:
    """A person ends (or withdraws) their own membership; their admin access follows."""
    deleted, _rows = Membership.objects.filter(pk=membership_id, user=user).delete()
    sync_admin_access(user)
    return bool(deleted)


def _mail_decision(membership: Membership) -> None:
    user = membership.user
    if not user.email:
        return
    from django.urls import reverse

    from catalogue.public_url import absolute_url

    context = {
        "membership": membership,
        "profile": profile_of(user),
        "memberships_url": absolute_url(reverse("participation:memberships")),
    }
    with translation.override(None):
        subject = render_to_string("participation/mail/membership_decided_subject.txt", context)
        body = render_to_string("participation/mail/membership_decided.txt", context)
    queue_message(EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email]))


def organisation_editors_group() -> Group:
    """The group that gives an organisation's editors the admin and entry permissions."""
    from catalogue.registry import entry_types

    group, _created = Group.objects.get_or_create(name=ORGANISATION_EDITORS_GROUP)
    models = [spec.model for spec in entry_types]
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    codenames = [f"{a}_{m._meta.model_name}" for m in models for a in EDITOR_ACTIONS]
    wanted = Permission.objects.filter(
        content_type__in=content_types.values(), codename__in=codenames
    ) | Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(*wanted)
    return group


def sync_admin_access(user: Any) -> None:
    """In the organisation editors' group exactly while an editor or administrator; other
    groups (and so admin access given some other way) are left alone."""
    group = organisation_editors_group()
    if organisation_ids_for(user):
        user.groups.add(group)
    else:
        user.groups.remove(group)


def delete_account(user: Any) -> None:
    """Run every registered eraser, then delete the account (its rows cascade with it)."""
    with transaction.atomic():
        for part in personal_data_parts():
            part.erase(user)
        user.delete()
