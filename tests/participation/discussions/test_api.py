"""The discussions API as a script uses it: read with no account, post with a token."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from catalogue.services import entry_withdraw
from participation.discussions import services
from participation.discussions.models import Post, PostStatus
from participation.tokens import create_token

from .conftest import subject_key

pytestmark = pytest.mark.django_db

API = reverse("discussions:api")


def _bearer(user: Any) -> dict[str, str]:
    _token, raw = create_token(user, "script")
    return {"Authorization": f"Bearer {raw}"}


def _post(headers: dict[str, str], payload: Any) -> Any:
    return Client().post(API, json.dumps(payload), content_type="application/json", headers=headers)


def test_reading_lists_threads_and_visible_posts_without_email(
    make_account: Any, entry: Any, moderator: Any
) -> None:
    author = make_account(email="secret.person@example.org", name="Sam")
    thread = services.start_thread(user=author, subject=entry, title="Q", body="*Why?*")
    services.add_reply(user=make_account(trusted=False), thread=thread, body="held reply")
    hidden = services.add_reply(user=author, thread=thread, body="hidden reply")
    services.hide_post(moderator=moderator, post=hidden)
    response = Client().get(API, {"subject": subject_key(entry)})
    assert response.status_code == 200
    data = response.json()
    assert data["read_only"] is False
    [listed] = data["threads"]
    assert listed["title"] == "Q" and listed["author"] == "Sam"
    assert [p["body"] for p in listed["posts"]] == ["*Why?*"]
    assert listed["posts"][0]["body_html"] == "<p><em>Why?</em></p>"
    assert "secret.person" not in response.content.decode()


def test_bad_subjects_are_404_with_a_message(db: Any) -> None:
    for key in ["", "nonsense", "auth.user:1", "catalogue.entry:999999"]:
        response = Client().get(API, {"subject": key})
        assert response.status_code == 404 and response.json()["error"]["message"]


def test_a_token_starts_a_thread_and_replies(make_account: Any, entry: Any) -> None:
    headers = _bearer(make_account())
    created = _post(headers, {"subject": subject_key(entry), "title": "API Q", "body": "Hello"})
    assert created.status_code == 201, created.content
    thread_id = created.json()["thread"]
    reply = _post(headers, {"thread": thread_id, "body": "Follow-up"})
    assert reply.status_code == 201 and reply.json()["status"] == "visible"
    assert list(Post.objects.values_list("body", flat=True)) == ["Hello", "Follow-up"]


def test_a_new_accounts_api_post_is_held(make_account: Any, entry: Any) -> None:
    headers = _bearer(make_account(trusted=False))
    created = _post(headers, {"subject": subject_key(entry), "title": "Q", "body": "Hi"})
    assert created.status_code == 201 and created.json()["status"] == PostStatus.HELD


def test_api_errors_are_json_4xx(make_account: Any, entry: Any, settings: Any) -> None:
    headers = _bearer(make_account())
    key = subject_key(entry)
    assert _post({"Authorization": "Bearer eco_wrong"}, {}).status_code == 401
    anonymous = Client().post(API, {"subject": key, "title": "t", "body": "b"})
    assert anonymous.status_code in {401, 403}  # a session write without CSRF, or no account
    bad_json = Client().post(API, "{not json", content_type="application/json", headers=headers)
    assert bad_json.status_code == 400
    assert _post(headers, ["a", "list"]).status_code == 400
    too_long = _post(headers, {"subject": key, "title": "t", "body": "x" * 5001})
    assert too_long.status_code == 400 and "5000" in too_long.json()["error"]["message"]
    assert _post(headers, {"subject": key, "title": "", "body": "b"}).status_code == 400
    assert _post(headers, {"thread": 99999, "body": "b"}).status_code == 404
    cache.clear()  # the refused attempts above spent rate tokens too
    settings.PARTICIPATION_RATE_LIMIT = "1/minute"
    assert _post(headers, {"subject": key, "title": "t", "body": "b"}).status_code == 201
    flood = _post(headers, {"subject": key, "title": "t", "body": "b"})
    assert flood.status_code == 429 and int(flood["Retry-After"]) > 0
    assert Post.objects.count() == 1


def test_a_withdrawn_entry_is_read_only_in_the_api(make_account: Any, entry: Any) -> None:
    user = make_account()
    thread = services.start_thread(user=user, subject=entry, title="Q", body="Hi")
    entry_withdraw(entry_ids=[entry.pk])
    listed = Client().get(API, {"subject": subject_key(entry)}).json()
    assert listed["read_only"] is True and listed["threads"][0]["id"] == thread.pk
    refused = _post(_bearer(user), {"thread": thread.pk, "body": "late"})
    assert refused.status_code == 403 and refused.json()["error"]["message"]
