"""Every account has a profile, whichever way it was created (sign-up, admin, shell)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Profile


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def user_saved(sender: Any, instance: Any, created: bool, raw: bool = False, **kw: Any) -> None:
    if created and not raw:
        Profile.objects.get_or_create(user=instance)
