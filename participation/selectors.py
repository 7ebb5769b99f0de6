"""Reading accounts: a user's profile (created on the fly for accounts made before it existed)."""

from __future__ import annotations

from typing import Any

from .models import Profile


def profile_of(user: Any) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile
