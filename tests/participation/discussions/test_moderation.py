"""Reports of posts, the moderators' queue and its actions, trust, and the new_post event."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from participation.discussions import services
from participation.discussions.models import Post, PostFlag, PostStatus
from participation.events import participation_event
from participation.selectors import profile_of

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _thread(user: Any, entry: Any, body: str = "A question") -> Any:
    return services.start_thread(user=user, subject=entry, title="Question", body=body)


def _act(moderator: Any, post: Post, action: str, **data: str) -> Any:
    url = reverse("discussions_moderation_action", args=[post.pk, action])
    return _client(moderator).post(url, data)


def test_a_post_is_reported_once_per_person(make_account: Any, entry: Any) -> None:
    post = _thread(make_account(), entry).posts.get()
    reporter = _client(make_account())
    url = reverse("discussions:report", args=[post.pk])
    first = reporter.post(url, {"reason": "spam", "note": "<b>buy</b> now"})
    second = reporter.post(url, {"reason": "offensive"})
    assert first.status_code == 302 and second.status_code == 302
    flag = PostFlag.objects.get()
    assert (flag.reason, flag.note) == ("spam", "buy now")
    bad = reporter.post(url, {"reason": "not-a-reason", "note": "kept note"})
    assert bad.status_code == 400 and "kept note" in bad.content.decode()
    assert Client().post(url, {"reason": "spam"}).status_code == 401


def test_only_moderators_open_the_queue(
    make_account: Any, entry: Any, moderator: Any, publisher_editor: Any
) -> None:
    queue = reverse("discussions_moderation")
    assert _client(moderator).get(queue).status_code == 200
    editor = publisher_editor
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert _client(editor).get(queue).status_code == 403
    post = _thread(make_account(), entry).posts.get()
    assert _act(editor, post, "hide").status_code == 403
    assert Client().get(queue).status_code == 302  # to the admin's login
    assert "Moderation" in _client(moderator).get(reverse("wagtailadmin_home")).content.decode()


def test_the_queue_shows_held_and_reported_posts_with_bounded_queries(
    make_account: Any, entry: Any, moderator: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(5):
        _thread(make_account(trusted=False), entry, body=f"Held {n}")
        post = _thread(make_account(), entry, body=f"Reported {n}").posts.get()
        services.flag_post(user=make_account(), post=post, reason="spam", note=f"note {n}")
    client = _client(moderator)
    with django_assert_max_num_queries(30):
        page = client.get(reverse("discussions_moderation")).content.decode()
    assert all(f"Held {n}" in page and f"Reported {n}" in page for n in range(5))
    assert "note 4" in page


def test_approving_makes_a_post_public_announces_it_and_earns_trust(
    make_account: Any, entry: Any, moderator: Any, settings: Any
) -> None:
    settings.PARTICIPATION_TRUST_AFTER_APPROVED = 2
    asker = make_account(name="Asker")
    newcomer = make_account(trusted=False)
    thread = _thread(asker, entry)
    events: list[dict[str, Any]] = []

    def listen(**kwargs: Any) -> None:
        events.append(kwargs)

    participation_event.connect(listen, dispatch_uid="test-listen")
    try:
        for n in range(2):
            post = services.add_reply(user=newcomer, thread=thread, body=f"Reply {n}")
            assert post.status == PostStatus.HELD and len(events) == n
            assert _act(moderator, post, "approve").status_code == 302
            post.refresh_from_db()
            assert post.status == PostStatus.VISIBLE
    finally:
        participation_event.disconnect(dispatch_uid="test-listen")
    assert [e["kind"] for e in events] == ["new_post", "new_post"]
    assert asker in events[0]["notify"] and newcomer not in events[0]["notify"]
    assert events[0]["exclude"] == (newcomer,)
    assert profile_of(newcomer).trusted  # two approved posts: trusted from now on
    assert services.add_reply(user=newcomer, thread=thread, body="Now").status == "visible"


def test_hide_restore_resolve_block_and_unblock(
    make_account: Any, entry: Any, moderator: Any
) -> None:
    author = make_account(name="Spammer")
    post = _thread(author, entry, body="Buy cheap things").posts.get()
    services.flag_post(user=make_account(), post=post, reason="spam")
    _act(moderator, post, "hide", resolve="1")
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN and not PostFlag.objects.filter(resolved_at=None)
    public = Client().get(entry.get_absolute_url()).content.decode()
    assert "Buy cheap things" not in public and "hidden by the moderators" in public
    _act(moderator, post, "restore")
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE
    services.flag_post(user=make_account(), post=post, reason="offensive")
    _act(moderator, post, "resolve")
    assert not PostFlag.objects.filter(resolved_at=None).exists()
    _act(moderator, post, "block")
    assert profile_of(author).is_blocked
    refused = _client(author).post(
        reverse("discussions:reply", args=[post.thread_id]), {"body": "again"}
    )
    assert refused.status_code == 403
    _act(moderator, post, "unblock")
    assert not profile_of(author).is_blocked
    assert _act(moderator, post, "explode").status_code == 404
