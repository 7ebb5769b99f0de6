"""Signed links: unsubscribe without signing in, and a saved search's feed without a session.

The signature is the authorisation (django.core.signing with the site's SECRET_KEY and a salt
per use), so the links carry no account name and no tracking: only which follow (or "all")
and whose. Unsubscribe links expire after ``UNSUBSCRIBE_MAX_AGE``; feed links do not (a feed
reader keeps its address for years) and stop working when the saved search is deleted.
"""

from __future__ import annotations

from typing import Any

from django.core import signing

UNSUBSCRIBE_SALT = "participation.alerts.unsubscribe"
FEED_SALT = "participation.alerts.saved-search-feed"
UNSUBSCRIBE_MAX_AGE = 60 * 60 * 24 * 180  # half a year: older mails' links answer 400


class BadSignature(ValueError):
    """A link that was altered, or that expired."""


def unsubscribe_token(user_id: int, follow_id: int | None) -> str:
    """``follow_id`` None: every follow of the user."""
    return signing.dumps({"u": user_id, "f": follow_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, int | None]:
    try:
        data: Any = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
        user_id, follow_id = int(data["u"]), data.get("f")
        return user_id, (int(follow_id) if follow_id is not None else None)
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadSignature(str(error)) from None


def feed_token(saved_search_id: int) -> str:
    return signing.Signer(salt=FEED_SALT).sign(str(saved_search_id))


def read_feed_token(token: str) -> int:
    try:
        return int(signing.Signer(salt=FEED_SALT).unsign(token))
    except (signing.BadSignature, ValueError) as error:
        raise BadSignature(str(error)) from None
