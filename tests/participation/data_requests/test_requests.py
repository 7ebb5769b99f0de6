"""Requests for data through the real views and API: posting, voting, answering, feeds."""

from __future__ import annotations

from typing import Any

import feedparser
import pytest
from django.test import Client

from participation.data_requests import services
from participation.data_requests.models import DataRequest, RequestStatusChange
from participation.events import participation_event
from participation.tokens import create_token
from tests.factories import make_entry, make_organisation

pytestmark = pytest.mark.django_db


def _as(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _post(author: Any, **fields: Any) -> DataRequest:
    return services.post_request(
        author=author, title=fields.pop("title", "Bus delays"), description="Per stop.", **fields
    )


@pytest.fixture
def events():
    received: list[dict[str, Any]] = []

    def receiver(**kwargs: Any) -> None:
        received.append(kwargs)

    participation_event.connect(receiver, dispatch_uid="requests-test")
    yield received
    participation_event.disconnect(dispatch_uid="requests-test")


def test_signed_out_is_sent_to_login_and_unverified_is_refused(make_account):
    assert Client().get("/requests/new/").status_code == 302
    unverified = _as(make_account(verified=False))
    response = unverified.post("/requests/new/", {"title": "T", "description": "D"})
    assert response.status_code == 403 and not DataRequest.objects.exists()


def test_posting_cleans_markup_and_honeypot_refuses(make_account):
    client = _as(make_account())
    data = {
        "title": "<script>alert(1)</script>Bus",
        "description": "javascript:alert(1)",
        "kind": "dataset",
    }
    assert client.post("/requests/new/", {**data, "website": "x"}).status_code == 400
    response = client.post("/requests/new/", data)
    assert response.status_code == 302
    item = DataRequest.objects.get()
    assert "<script>" not in item.title
    page = client.get(item.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and 'href="javascript:' not in page


def test_posting_too_fast_is_a_429(make_account, settings):
    settings.PARTICIPATION_RATE_LIMIT = "1/minute"
    client = _as(make_account())
    data = {"title": "A", "description": "B", "kind": "api"}
    assert client.post("/requests/new/", data).status_code == 302
    response = client.post("/requests/new/", data)
    assert response.status_code == 429 and "too fast" in response.content.decode()


def test_voting_twice_counts_once_and_unvote(make_account):
    item = _post(make_account())
    client = _as(make_account())
    client.post(f"/requests/{item.pk}/vote/", {"action": "vote"})
    client.post(f"/requests/{item.pk}/vote/", {"action": "vote"})
    item.refresh_from_db()
    assert item.vote_count == 1
    client.post(f"/requests/{item.pk}/vote/", {"action": "unvote"})
    item.refresh_from_db()
    assert item.vote_count == 0


def test_facets_sorts_and_pagination(make_account, django_assert_max_num_queries):
    author = make_account()
    old = _post(author, title="Old one")
    new = _post(author, title="New one")
    services.vote(request=old, user=author)
    items = [_post(author, title=f"Filler {n}") for n in range(25)]
    assert items
    client = Client()
    with django_assert_max_num_queries(20):
        page = client.get("/requests/").content.decode()
    assert "Old one" in page and "27 requests" in page and 'rel="next"' in page
    newest = client.get("/requests/?sort=newest").context["page"].object_list
    assert newest[0].title == "Filler 24"
    by_votes = client.get("/requests/").context["page"].object_list
    assert by_votes[0] == old
    open_facet = client.get("/requests/?status=open").context["facets"]["status"]
    assert open_facet[0]["count"] == 27 and open_facet[0]["selected"]
    assert new in DataRequest.objects.all()


def test_editor_of_another_organisation_cannot_respond_or_move(make_account, make_editor):
    org_a, org_b = make_organisation(name="A"), make_organisation(name="B")
    item = _post(make_account(), likely_holder=org_b)
    client = _as(make_editor(org_a))
    body = {"organisation": org_a.pk, "body": "We have it."}
    assert client.post(f"/requests/{item.pk}/respond/", body).status_code == 403
    assert client.post(f"/requests/{item.pk}/status/", {"status": "planned"}).status_code == 403
    with pytest.raises(services.RequestNotAllowed):
        services.change_status(request=item, by=make_editor(org_a), status="planned")


def test_status_rules_history_and_alert(make_account, make_editor, events):
    org = make_organisation(name="Transit")
    author, voter = make_account(), make_account()
    item = _post(author, likely_holder=org)
    services.vote(request=item, user=voter)
    editor = make_editor(org)
    client = _as(editor)
    url = f"/requests/{item.pk}/status/"
    assert client.post(url, {"status": "published"}).status_code == 400
    assert client.post(url, {"status": "declined"}).status_code == 400
    assert client.post(url, {"status": "planned", "note": "Next year"}).status_code == 302
    item.refresh_from_db()
    assert (
        item.status == "planned" and RequestStatusChange.objects.filter(request=item).count() == 1
    )
    (event,) = events
    assert event["kind"] == "request_answered" and author in event["notify"]
    assert voter in event["notify"] and editor in event["exclude"]
    entry = make_entry(title="Delays", publisher=org)
    response = client.post(url, {"status": "published", "answered_by": entry.slug})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.answered_by == entry
    response = client.post(
        f"/requests/{item.pk}/respond/", {"organisation": org.pk, "body": "Published it."}
    )
    assert response.status_code == 302
    feed = feedparser.parse(Client().get(f"/requests/{item.pk}/feed/").content)
    assert len(feed.entries) == 3 and not feed.bozo
    newest = feedparser.parse(Client().get("/requests/feed/").content)
    assert newest.entries[0].title == item.title


def test_api_list_detail_and_vote_with_token(make_account):
    item = _post(make_account())
    listed = Client().get("/api/v1/requests?status=open").json()
    assert listed["count"] == 1 and listed["results"][0]["id"] == item.pk
    assert Client().get("/api/v1/requests?status=nope").status_code == 400
    assert Client().get(f"/api/v1/requests/{item.pk}").json()["votes"] == 0
    assert Client().get("/api/v1/requests/abc").status_code == 404
    url = f"/api/v1/requests/{item.pk}/vote"
    assert Client().post(url, HTTP_AUTHORIZATION="Bearer nope").status_code == 401
    _token, raw = create_token(make_account(), "script")
    auth: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert Client().post(url, **auth).status_code == 201
    again = Client().post(url, **auth)
    assert again.status_code == 200 and again.json()["votes"] == 1
    assert Client().delete(url, **auth).json()["votes"] == 0
    assert Client().put(url, **auth).status_code == 405


def test_personal_data_export_and_erase(make_account):
    author = make_account()
    item = _post(author)
    services.vote(request=item, user=author)
    exported = services.export_requests_of(author)
    assert exported["requests"][0]["title"] == "Bus delays" and len(exported["votes"]) == 1
    services.erase_requester(author)
    item.refresh_from_db()
    assert item.author is None and item.vote_count == 0
