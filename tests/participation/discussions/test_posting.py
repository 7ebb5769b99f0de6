"""Posting through the real pages: start, reply, held posts, refusals that keep the text."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalogue.services import entry_withdraw
from participation.discussions.models import Post, PostStatus, Thread
from participation.selectors import profile_of

from .conftest import subject_key
from .html_checks import active_content

pytestmark = pytest.mark.django_db

START = reverse("discussions:start")


def _client(user: Any = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _start(client: Client, entry: Any, **data: str) -> Any:
    payload = {"subject": subject_key(entry), "title": "Where is 2023?", "body": "Is there data?"}
    payload.update(data)
    return client.post(START, payload)


def test_a_trusted_account_starts_a_thread_shown_on_the_entry_page(
    make_account: Any, entry: Any
) -> None:
    client = _client(make_account(name="Ada Reader"))
    response = _start(client, entry, body="Is there data for **2023**?")
    post = Post.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{entry.get_absolute_url()}#post-{post.pk}"
    page = Client().get(entry.get_absolute_url()).content.decode()
    assert "Where is 2023?" in page and "<strong>2023</strong>" in page
    assert "Ada Reader" in page
    assert "person" not in page.split('id="discussion"')[1].split("</section>")[0]  # no e-mail


def test_replies_join_the_thread(make_account: Any, entry: Any) -> None:
    _start(_client(make_account()), entry)
    thread = Thread.objects.get()
    response = _client(make_account()).post(
        reverse("discussions:reply", args=[thread.pk]), {"body": "Yes, in the 2023 file."}
    )
    assert response.status_code == 302
    assert [p.body for p in thread.posts.all()] == ["Is there data?", "Yes, in the 2023 file."]


def test_a_new_accounts_post_is_held_and_shown_only_to_its_author(
    make_account: Any, entry: Any, moderator: Any
) -> None:
    newcomer = make_account(name="New Person", trusted=False)
    _start(_client(newcomer), entry, title="Held question")
    assert Post.objects.get().status == PostStatus.HELD
    assert "Held question" not in Client().get(entry.get_absolute_url()).content.decode()
    own = _client(newcomer).get(entry.get_absolute_url()).content.decode()
    assert "Held question" in own and "Waiting for a moderator" in own
    assert "Held question" in _client(moderator).get(entry.get_absolute_url()).content.decode()


def test_an_over_long_post_is_refused_and_its_text_kept(make_account: Any, entry: Any) -> None:
    body = "Lorem ipsum dolor. " * 300  # 5,700 characters
    response = _start(_client(make_account()), entry, body=body)
    page = response.content.decode()
    assert response.status_code == 400
    assert "the most is 5000" in page
    assert body.strip() in page  # the text is given back to edit
    assert 'aria-describedby="discussion-body-help discussion-body-error"' in page
    assert Post.objects.count() == 0


def test_script_in_title_and_body_never_reaches_the_page(make_account: Any, entry: Any) -> None:
    _start(
        _client(make_account()),
        entry,
        title='<script>alert("t")</script>Title',
        body='<img src=x onerror=alert(1)> [x](javascript:alert(1)) <a onclick="x()">y</a>',
    )
    assert Thread.objects.get().title == "Title"
    page = Client().get(entry.get_absolute_url()).content.decode()
    section = page.split('id="discussion"')[1].split("</section>")[0]
    assert active_content(section) == []


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 401), ("unverified", 403), ("blocked", 403)],
)
def test_who_cannot_post_is_told_why_and_keeps_the_text(
    make_account: Any, entry: Any, who: str, status: int
) -> None:
    user = None
    if who == "unverified":
        user = make_account(verified=False)
    elif who == "blocked":
        user = make_account()
        profile = profile_of(user)
        profile.blocked_at = timezone.now()
        profile.save()
    response = _start(_client(user), entry, body="My carefully written question")
    assert response.status_code == status
    assert "My carefully written question" in response.content.decode()
    assert Post.objects.count() == 0


def test_the_honeypot_and_floods_are_refused_nothing_lost(
    make_account: Any, entry: Any, settings: Any
) -> None:
    client = _client(make_account())
    assert _start(client, entry, website="http://spam.example").status_code == 400
    settings.PARTICIPATION_RATE_LIMIT = "2/minute"
    statuses = [_start(client, entry, body=f"Question {n}").status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    flooded = _start(client, entry, body="Kept text")
    assert flooded.status_code == 429 and int(flooded["Retry-After"]) > 0
    assert "Kept text" in flooded.content.decode()
    assert Post.objects.count() == 2


def test_posting_needs_the_csrf_token(make_account: Any, entry: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_account())
    assert _start(client, entry).status_code == 403
    assert Post.objects.count() == 0


def test_a_withdrawn_entry_keeps_its_discussion_read_only(make_account: Any, entry: Any) -> None:
    client = _client(make_account())
    _start(client, entry, title="Before withdrawal")
    thread = Thread.objects.get()
    entry_withdraw(entry_ids=[entry.pk])
    page = Client().get(thread.get_absolute_url())
    assert page.status_code == 200 and "Before withdrawal" in page.content.decode()
    assert "can be read, but not added to" in page.content.decode()
    assert 'action="/discussions/' not in page.content.decode().split("<main")[-1]
    reply = client.post(reverse("discussions:reply", args=[thread.pk]), {"body": "Late"})
    assert reply.status_code == 403 and "Late" in reply.content.decode()
    assert _start(client, entry).status_code == 403
    assert Post.objects.count() == 1


def test_unknown_or_unpublished_subjects_are_404(make_account: Any, entry: Any) -> None:
    from tests.factories import make_entry

    client = _client(make_account())
    draft = make_entry("dataset", publish=False)
    for key in ["", "auth.user:1", "catalogue.entry:x", f"catalogue.entry:{draft.pk}"]:
        assert client.post(START, {"subject": key, "title": "t", "body": "b"}).status_code == 404
    assert Client().get(reverse("discussions:thread", args=[999])).status_code == 404
