"""An entry page with 200 posts in a fixed number of queries; a person's data out and erased."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from participation.discussions import services
from participation.discussions.models import Post, PostFlag, PostStatus, Thread
from participation.discussions.services import bulk_posts
from participation.personal_data import personal_data_parts

pytestmark = pytest.mark.django_db


def _page_queries(client: Client, entry: Any, django_assert_max_num_queries: Any, n: int) -> str:
    with django_assert_max_num_queries(n) as captured:
        response = client.get(entry.get_absolute_url())
    assert response.status_code == 200
    return str(len(captured.captured_queries))


@pytest.mark.parametrize("signed_in", [False, True])
def test_two_hundred_posts_cost_the_same_queries_as_two(
    make_account: Any, entry: Any, django_assert_max_num_queries: Any, signed_in: bool
) -> None:
    authors = [make_account(name=f"Author {n}") for n in range(10)]
    client = Client()
    if signed_in:
        client.force_login(make_account())
    bulk_posts(subject=entry, authors=authors, threads=2, posts_per_thread=1)
    few = int(_page_queries(client, entry, django_assert_max_num_queries, 100))
    bulk_posts(subject=entry, authors=authors, threads=20, posts_per_thread=10)
    assert Post.objects.count() == 202
    many = int(_page_queries(client, entry, django_assert_max_num_queries, few))
    assert many == few
    page = client.get(entry.get_absolute_url()).content.decode()
    assert page.count('<li class="discussion-post') == 202


def test_personal_data_is_exported_and_erased_posts_stay_anonymous(
    make_account: Any, entry: Any
) -> None:
    part = next(p for p in personal_data_parts() if p.key == "discussions")
    person = make_account(name="Erin Erased")
    thread = services.start_thread(user=person, subject=entry, title="Mine", body="My post")
    other = services.add_reply(user=make_account(), thread=thread, body="Other")
    services.flag_post(user=person, post=other, reason="spam", note="my note")
    exported = part.export(person)
    assert exported["threads"][0]["title"] == "Mine"
    assert exported["posts"][0]["body"] == "My post"
    assert exported["reports"][0]["note"] == "my note"
    part.erase(person)
    person.delete()
    assert Thread.objects.get().author is None
    assert Post.objects.get(body="My post").author is None
    assert PostFlag.objects.get().reporter is None
    page = Client().get(entry.get_absolute_url()).content.decode()
    assert "Deleted account" in page and "Erin Erased" not in page
    assert Post.objects.filter(status=PostStatus.VISIBLE).count() == 2
