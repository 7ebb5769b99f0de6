"""Writing follows and saved searches: the only code that changes them."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.db.models import Model

from search.params import check_known_parameters, parse_search_params, search_parameters

from .models import Alert, AlertFrequency, Follow, MailOptOut, SavedSearch

FOLLOWABLE = ("entry", "organisation", "theme")


def normalised_search(params: Any) -> str:
    """The search page's parameters (a QueryDict) in one canonical form: the text and sorted
    filters, without paging or sort, so one search saved twice is one saved search.

    Raises ``search.query.SearchInputError`` for what the search page itself refuses.
    """
    wanted = [name for name in params if name not in {"page", "page_size", "sort", "website"}]
    check_known_parameters(wanted, search_parameters())
    query = parse_search_params(params)
    pairs: list[tuple[str, str]] = [("q", query.text)] if query.text else []
    for facet in sorted(query.filters):
        pairs.extend((str(facet), value) for value in sorted(query.filters[facet]))
    return urlencode(pairs)


def _clear_opt_out(user: Any) -> None:
    MailOptOut.objects.filter(user=user).delete()


@transaction.atomic
def follow_create(
    *, user: Any, target_type: str, target: Model, frequency: str = AlertFrequency.IMMEDIATE
) -> tuple[Follow, bool]:
    """Follow ``target`` (or change the frequency of an existing follow); ``created`` says which."""
    if target_type not in (*FOLLOWABLE, "saved_search"):
        raise ValueError(f"cannot follow a {target_type!r}")
    frequency = frequency if frequency in AlertFrequency.values else AlertFrequency.IMMEDIATE
    _clear_opt_out(user)
    follow = Follow.objects.filter(user=user, **{target_type: target}).first()
    if follow is not None:
        if follow.frequency != frequency:
            follow.frequency = frequency
            follow.save(update_fields=["frequency"])
        return follow, False
    try:
        with transaction.atomic():
            follow = Follow.objects.create(user=user, frequency=frequency, **{target_type: target})
    except IntegrityError:  # the same follow made at the same moment (a double submit)
        return Follow.objects.get(user=user, **{target_type: target}), False
    return follow, True


def follow_set_frequency(*, user: Any, follow_id: int, frequency: str) -> bool:
    if frequency not in AlertFrequency.values:
        return False
    updated = Follow.objects.filter(pk=follow_id, user=user).update(frequency=frequency)
    Alert.objects.filter(follow_id=follow_id, user=user, sent_at=None).update(frequency=frequency)
    return bool(updated)


@transaction.atomic
def follow_delete(*, user: Any, follow_id: int) -> bool:
    """Stop following (its pending alerts go with it); a saved search goes with its follow."""
    follow = Follow.objects.filter(pk=follow_id, user=user).first()
    if follow is None:
        return False
    saved_search_id = follow.saved_search_id
    follow.delete()
    if saved_search_id:
        SavedSearch.objects.filter(pk=saved_search_id, user=user).delete()
    return True


@transaction.atomic
def saved_search_create(
    *, user: Any, params: Any, name: str = "", frequency: str = AlertFrequency.DAILY
) -> tuple[SavedSearch, Follow, bool]:
    """Save the search and follow it (saving a search already saved changes nothing else)."""
    query = normalised_search(params)
    name = (name or "").strip()[:120] or (parse_search_params(params).text[:120]) or query[:120]
    saved, created = SavedSearch.objects.get_or_create(
        user=user, query=query, defaults={"name": name or "—"}
    )
    follow, _ = follow_create(
        user=user, target_type="saved_search", target=saved, frequency=frequency
    )
    return saved, follow, created


@transaction.atomic
def unsubscribe(*, user_id: int, follow_id: int | None) -> int:
    """What a signed unsubscribe link does: one follow, or every follow and direct alerts."""
    if follow_id is not None:
        follow = Follow.objects.filter(pk=follow_id, user_id=user_id).first()
        if follow is None:
            return 0
        saved_search_id = follow.saved_search_id
        follow.delete()
        if saved_search_id is not None:
            SavedSearch.objects.filter(pk=saved_search_id).delete()
        return 1
    count = Follow.objects.filter(user_id=user_id).count()
    Follow.objects.filter(user_id=user_id).delete()
    SavedSearch.objects.filter(user_id=user_id).delete()
    Alert.objects.filter(user_id=user_id, sent_at=None).delete()
    MailOptOut.objects.get_or_create(user_id=user_id)
    return count


def erase_alerts_data(user: Any) -> None:
    """Personal-data eraser: follows, saved searches, alerts and the opt-out, all gone."""
    Alert.objects.filter(user=user).delete()
    Follow.objects.filter(user=user).delete()
    SavedSearch.objects.filter(user=user).delete()
    MailOptOut.objects.filter(user=user).delete()
