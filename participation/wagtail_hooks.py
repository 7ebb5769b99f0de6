"""Participation in the Wagtail admin: an organisation's editors reach only its entries, and
whoever decides membership requests finds them from the admin menu.

The catalogue asks the ``entry_admin_scope`` hook (catalogue.admin_scope) which publishers a
user may edit; the answer is participation's rule (selectors.admin_entry_scope, ADR 0024).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .selectors import admin_entry_scope, reviewable_organisation_ids


@hooks.register("entry_admin_scope")  # type: ignore[untyped-decorator]  # Wagtail is untyped
def membership_scope(user: Any) -> set[int] | None:
    return admin_entry_scope(user)


class MembershipReviewMenuItem(MenuItem):  # type: ignore[misc]  # Wagtail is untyped
    """Shown to those who decide requests: moderators and organisations' administrators."""

    def is_shown(self, request: Any) -> bool:
        return reviewable_organisation_ids(request.user) != set()


@hooks.register("register_admin_menu_item")  # type: ignore[untyped-decorator]  # Wagtail is untyped
def membership_review_menu_item() -> MenuItem:
    return MembershipReviewMenuItem(
        _("Membership requests"),
        reverse("participation:membership_review"),
        icon_name="group",
        order=900,
    )
