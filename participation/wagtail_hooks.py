"""Participation in the Wagtail admin: an organisation's editors reach only its entries.

The catalogue asks the ``entry_admin_scope`` hook (catalogue.admin_scope) which publishers a
user may edit; the answer is participation's rule (selectors.admin_entry_scope, ADR 0024).
"""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from .selectors import admin_entry_scope


@hooks.register("entry_admin_scope")  # type: ignore[untyped-decorator]  # Wagtail is untyped
def membership_scope(user: Any) -> set[int] | None:
    return admin_entry_scope(user)
