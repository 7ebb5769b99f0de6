"""Membership: a person asks for a role; the organisation's administrators decide; the
requester hears the decision by real SMTP; an editor's membership brings admin access."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from participation.models import Membership, MembershipStatus
from participation.selectors import MODERATORS_GROUP, ORGANISATION_EDITORS_GROUP
from participation.services import grant_membership
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def _ask(client: Client, organisation: Any, role: str = "editor", **extra: str) -> Any:
    data = {"organisation": str(organisation.pk), "role": role, "message": "I run its data."}
    data.update(extra)
    return client.post("/account/memberships/", data)


def test_a_verified_person_asks_and_asking_again_updates_the_pending_request(
    client: Client, make_account: Any
) -> None:
    user = make_account()
    organisation = make_organisation(name="Northbridge City Council")
    client.force_login(user)
    page = client.get("/account/memberships/").content.decode()
    assert "Northbridge City Council" in page and 'name="website"' in page
    assert _ask(client, organisation, "member").status_code == 302
    assert _ask(client, organisation, "editor", message="Editor, please").status_code == 302
    membership = Membership.objects.get(user=user)
    assert (membership.role, membership.message, membership.status) == (
        "editor",
        "Editor, please",
        MembershipStatus.REQUESTED,
    )


def test_a_decided_membership_is_not_asked_for_again(client: Client, make_account: Any) -> None:
    user = make_account()
    organisation = make_organisation(name="Statistics Office")
    grant_membership(user, organisation=organisation, role="member")
    client.force_login(user)
    response = _ask(client, organisation, "admin")
    assert response.status_code == 400
    assert "already have a decided membership of Statistics Office" in response.content.decode()
    assert Membership.objects.get(user=user).role == "member"


def test_unverified_accounts_robots_and_bad_input_are_refused(
    client: Client, make_account: Any
) -> None:
    organisation = make_organisation()
    client.force_login(make_account(verified=False))
    assert _ask(client, organisation).status_code == 403
    client.force_login(make_account())
    assert _ask(client, organisation, website="http://spam.example").status_code == 400
    assert _ask(client, organisation, role="owner").status_code == 400
    bad = _ask(client, organisation, message="<script>alert(1)</script>")
    assert bad.status_code == 400 and "Plain text only" in bad.content.decode()
    assert not Membership.objects.exists()


def _request(make_account: Any, organisation: Any, role: str = "editor") -> Membership:
    requester = make_account(email="requester@example.org", name="Rita Requester")
    return Membership.objects.create(user=requester, organisation=organisation, role=role)


def test_an_organisations_admin_approves_and_the_requester_gets_a_mail(
    client: Client,
    make_account: Any,
    smtp_server: Any,
    django_capture_on_commit_callbacks: Any,
    django_assert_max_num_queries: Any,
) -> None:
    organisation = make_organisation(name="Northbridge City Council")
    other = make_organisation(name="Elsewhere Agency")
    admin = make_account()
    grant_membership(admin, organisation=organisation, role="admin")
    membership = _request(make_account, organisation)
    elsewhere = Membership.objects.create(user=make_account(), organisation=other, role="member")
    for _n in range(5):  # more requests, the same queries
        Membership.objects.create(user=make_account(), organisation=organisation)
    client.force_login(admin)
    with django_assert_max_num_queries(16):
        page = client.get("/account/memberships/review/").content.decode()
    assert "Rita Requester asks to be Editor of Northbridge City Council" in page
    assert "Elsewhere Agency" not in page
    assert (
        client.post(
            f"/account/memberships/{elsewhere.pk}/decide/", {"decision": "approve"}
        ).status_code
        == 403
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/account/memberships/{membership.pk}/decide/", {"decision": "approve"}
        )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.APPROVED and membership.decided_by == admin
    requester = membership.user
    assert requester.groups.filter(name=ORGANISATION_EDITORS_GROUP).exists()
    assert requester.has_perm("wagtailadmin.access_admin")
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == "requester@example.org"
    assert "approved" in message["Subject"]
    assert "edit the organisation's entries" in message.get_content()
    again = client.post(f"/account/memberships/{membership.pk}/decide/", {"decision": "decline"})
    assert again.status_code == 409


def test_the_first_admin_is_made_by_a_moderator_not_by_a_member(
    client: Client, make_account: Any
) -> None:
    organisation = make_organisation()
    membership = _request(make_account, organisation, role="admin")
    member = make_account()
    grant_membership(member, organisation=organisation, role="editor")
    client.force_login(member)
    assert client.get("/account/memberships/review/").status_code == 403
    decide = f"/account/memberships/{membership.pk}/decide/"
    assert client.post(decide, {"decision": "approve"}).status_code == 403
    moderator = make_account()
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    client.force_login(moderator)
    assert "asks to be Administrator" in client.get("/account/memberships/review/").content.decode()
    assert client.post(decide, {"decision": "approve"}).status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.APPROVED


def test_declining_or_leaving_takes_admin_access_away(client: Client, make_account: Any) -> None:
    organisation = make_organisation()
    editor = make_account()
    membership = grant_membership(editor, organisation=organisation, role="editor")
    assert editor.groups.filter(name=ORGANISATION_EDITORS_GROUP).exists()
    client.force_login(editor)
    assert client.post(f"/account/memberships/{membership.pk}/leave/").status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert not editor.groups.filter(name=ORGANISATION_EDITORS_GROUP).exists()


def test_nobody_decides_their_own_request_or_leaves_anothers_membership(
    client: Client, make_account: Any
) -> None:
    organisation = make_organisation()
    admin = make_account()
    grant_membership(admin, organisation=organisation, role="admin")
    membership = _request(make_account, organisation)
    client.force_login(make_account())
    assert client.post(f"/account/memberships/{membership.pk}/leave/").status_code == 302
    assert Membership.objects.filter(pk=membership.pk).exists()
    client.force_login(membership.user)
    decide = f"/account/memberships/{membership.pk}/decide/"
    assert client.post(decide, {"decision": "approve"}).status_code == 403
    client.force_login(admin)
    assert client.post(decide, {"decision": "maybe"}).status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REQUESTED


def test_the_admin_menu_leads_an_organisations_admin_to_the_requests(
    client: Client, make_account: Any
) -> None:
    from django.urls import reverse

    organisation = make_organisation()
    admin, editor = make_account(), make_account()
    grant_membership(admin, organisation=organisation, role="admin")
    grant_membership(editor, organisation=make_organisation(), role="editor")
    client.force_login(admin)
    assert (
        "/account/memberships/review/" in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    client.force_login(editor)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert "/account/memberships/review/" not in home.content.decode()


def test_a_declined_requester_is_told_and_keeps_admin_access_given_otherwise(
    client: Client,
    make_account: Any,
    smtp_server: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    organisation = make_organisation(name="Harbour Authority")
    admin = make_account()
    grant_membership(admin, organisation=organisation, role="admin")
    membership = _request(make_account, organisation)
    wagtail_editors = Group.objects.get(name="Editors")
    membership.user.groups.add(wagtail_editors)
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/account/memberships/{membership.pk}/decide/", {"decision": "decline"})
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.DECLINED
    (message,) = smtp_server.wait_for(1)
    assert "declined" in message["Subject"] and "Harbour Authority" in message["Subject"]
    groups = set(membership.user.groups.values_list("name", flat=True))
    assert groups == {"Editors"}
