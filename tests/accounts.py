"""Accounts as allauth keeps them (a user, its e-mail address, a profile), for tests that need
a person who already signed up: the participation tests and the browser flows share it."""

from __future__ import annotations

import itertools
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from participation.selectors import profile_of

PASSWORD = "a long and unusual passphrase 42"  # noqa: S105
_numbers = itertools.count(1)


def create_account(
    *, email: str = "", name: str = "", verified: bool = True, trusted: bool = True
) -> Any:
    """A signed-up account with a verified e-mail address (or not), and a display name."""
    n = next(_numbers)
    email = email or f"person{n}@example.org"
    user = get_user_model().objects.create_user(
        username=email.split("@")[0] + str(n), email=email, password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    profile = profile_of(user)
    profile.display_name = name or f"Person {n}"
    profile.trusted = trusted
    profile.save()
    return user
