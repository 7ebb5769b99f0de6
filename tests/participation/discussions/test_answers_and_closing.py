"""The publisher's answer, and closing threads: only the publisher's people and moderators."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from participation.discussions import services
from participation.discussions.models import Post

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_publisher_posts_and_marks_its_answer(
    make_account: Any, entry: Any, publisher_editor: Any
) -> None:
    thread = services.start_thread(user=make_account(), subject=entry, title="Q", body="Why?")
    editor = _client(publisher_editor)
    page = editor.get(entry.get_absolute_url()).content.decode()
    assert 'id="discussion-as-answer"' in page
    editor.post(
        reverse("discussions:reply", args=[thread.pk]), {"body": "Because.", "as_answer": "1"}
    )
    answer = Post.objects.get(body="Because.")
    assert answer.is_publisher_answer
    assert "Answer from the publisher" in Client().get(entry.get_absolute_url()).content.decode()
    editor.post(reverse("discussions:answer", args=[answer.pk]), {"value": "0"})
    answer.refresh_from_db()
    assert not answer.is_publisher_answer
    editor.post(reverse("discussions:answer", args=[answer.pk]), {"value": "1"})
    answer.refresh_from_db()
    assert answer.is_publisher_answer


def test_others_cannot_claim_to_answer_for_the_publisher(
    make_account: Any, entry: Any, publisher_editor: Any
) -> None:
    outsider = make_account()
    thread = services.start_thread(user=outsider, subject=entry, title="Q", body="Why?")
    client = _client(outsider)
    assert 'id="discussion-as-answer"' not in client.get(entry.get_absolute_url()).content.decode()
    client.post(reverse("discussions:reply", args=[thread.pk]), {"body": "Me!", "as_answer": "1"})
    assert not Post.objects.get(body="Me!").is_publisher_answer
    own = Post.objects.get(body="Me!")
    response = client.post(reverse("discussions:answer", args=[own.pk]), {"value": "1"})
    assert response.status_code == 403
    # The publisher cannot turn someone else's post into its own answer either.
    response = _client(publisher_editor).post(reverse("discussions:answer", args=[own.pk]))
    assert response.status_code == 403
    own.refresh_from_db()
    assert not own.is_publisher_answer


@pytest.mark.parametrize("closer", ["publisher_editor", "moderator"])
def test_the_publisher_or_a_moderator_closes_a_thread(
    make_account: Any, entry: Any, request: Any, closer: str
) -> None:
    asker = make_account()
    thread = services.start_thread(user=asker, subject=entry, title="Q", body="Why?")
    client = _client(request.getfixturevalue(closer))
    assert client.post(reverse("discussions:close", args=[thread.pk])).status_code == 302
    thread.refresh_from_db()
    assert thread.is_closed
    refused = _client(asker).post(reverse("discussions:reply", args=[thread.pk]), {"body": "Hm"})
    assert refused.status_code == 403 and "closed" in refused.content.decode()
    page = Client().get(entry.get_absolute_url()).content.decode()
    assert "Closed: this thread can be read, not answered." in page
    client.post(reverse("discussions:close", args=[thread.pk]), {"action": "reopen"})
    thread.refresh_from_db()
    assert not thread.is_closed


def test_anyone_else_cannot_close(make_account: Any, entry: Any) -> None:
    asker = make_account()
    thread = services.start_thread(user=asker, subject=entry, title="Q", body="Why?")
    response = _client(asker).post(reverse("discussions:close", args=[thread.pk]))
    assert response.status_code == 403
    assert Client().post(reverse("discussions:close", args=[thread.pk])).status_code == 403
    thread.refresh_from_db()
    assert not thread.is_closed
