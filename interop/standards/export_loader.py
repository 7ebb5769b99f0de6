"""Loads a chunk of entries with everything the exports read, in a fixed number of queries.

Django's ``prefetch_related`` builds a queryset per instance and relation (17 relations
here), which alone would take the 100,000-entry export far past its time budget
(docs/adr/0016). This loader runs one query per table per chunk, joins in Python, and keeps the
vocabularies and organisations in per-export caches (bounded by the size of those tables,
not by the number of entries). Each entry gets ``_export_rel``: relation name → list, read
by :func:`rel`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import SimpleNamespace
from typing import Any

from django.db.models import Model, prefetch_related_objects
from django.db.models.base import ModelState

from catalogue.models import (
    ChallengePhase,
    Country,
    Distribution,
    Entry,
    EntryDocument,
    JudgingCriterion,
    Language,
    Licence,
    Milestone,
    Organisation,
    Partnership,
    Prize,
    ProjectStatus,
    Risk,
    Theme,
    Winner,
)
from catalogue.registry import entry_types

from .parts import DcatPart

RELATIONS = (
    "themes",
    "countries",
    "languages",
    "distributions",
    "served_by",
    "serves_datasets",
    "distributions_accessed",
    "related_datasets",
    "offered_resources",
    "partnerships",
    "milestones",
    "risks",
    "documents",
    "phases",
    "prizes",
    "criteria",
    "winners",
)
STUB_FIELDS = (
    "id",
    "entry_type",
    "slug",
    "title",
    "summary",
    "description",
    "endpoint_url",
    "access_rights",  # an endpoint is published only when access is public
    "landing_page",
    "identifier",
)
# Entry columns no export reads (revisions, locks, scheduling, harvest and quality
# bookkeeping): left out of the chunk query, which saves ~40% of its row conversion (9 of
# the 14 datetimes, 2 of the 4 JSON columns). An instance reading one of them anyway gets it
# from Django's deferred-field query, one per entry: slow, never wrong (a test counts the
# queries). A new column is loaded unless it is named here.
UNREAD_ENTRY_COLUMNS = frozenset(
    {
        "latest_revision_id",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision_id",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by_id",
        "withdrawn_at",
        "origin",
        "last_harvested_at",
        "content_hash",
        "overridden_fields",
        "quality_score",
        "quality_report",
        "created_at",
        "updated_at",
    }
)
_PARTS: dict[str, type[Model]] = {
    "milestones": Milestone,
    "risks": Risk,
    "documents": EntryDocument,
    "phases": ChallengePhase,
    "prizes": Prize,
    "criteria": JudgingCriterion,
}


def _instance(model: type[Model], row: dict[str, Any]) -> Any:
    """A model instance from a ``values()`` row without running ``__init__``.

    ``ClusterableModel.__init__`` is too slow for the 100,000-entry export; the export only
    reads field values and calls plain methods, which this instance supports.
    """
    obj = model.__new__(model)
    obj.__dict__.update(row)
    obj._state = state = ModelState()
    state.adding, state.db, state.fields_cache = False, "default", {}
    return obj


def rel(entry: Any, name: str) -> Sequence[Any]:
    """A relation's objects: from the chunk loader when it ran, else from the ORM."""
    cache = entry.__dict__.get("_export_rel")
    if cache is not None:
        cached: Sequence[Any] = cache.get(name, ())
        return cached
    return list(getattr(entry, name).all())


def _add(entry: Any, name: str, item: Any) -> None:
    """Append to one of the entry's loaded relations; empty relations hold no list (most
    entries have 2 or 3 of the 17, and every container object costs garbage collection)."""
    found = entry._export_rel.get(name)
    if found is None:
        entry._export_rel[name] = [item]
    else:
        found.append(item)


def _cache(obj: Any, name: str, value: Any) -> None:
    """Set a loaded foreign key as Django's descriptor would, without its per-call checks
    (the ids match by construction: ``value`` was looked up by the row's ``<name>_id``)."""
    obj._state.fields_cache[name] = value


class ExportLoader:
    """One per export: vocabularies loaded once, organisations cached as they are met."""

    def __init__(self) -> None:
        self.themes = {t.pk: t for t in Theme.objects.all()}
        self.countries = {c.pk: c for c in Country.objects.all()}
        self.languages = {lang.pk: lang for lang in Language.objects.all()}
        self.licences = {lic.pk: lic for lic in Licence.objects.all()}
        self.statuses = {s.pk: s for s in ProjectStatus.objects.all()}
        self.orgs: dict[int, Organisation] = {}
        self.range = (0, 0)

    def _between(self, field: str) -> dict[str, int]:
        """``field`` within the chunk's id range (``__range`` is refused on foreign keys)."""
        return {f"{field}__gte": self.range[0], f"{field}__lte": self.range[1]}

    def _organisations(self, ids: Iterable[int | None]) -> None:
        missing = {i for i in ids if i and i not in self.orgs}
        if missing:
            for org in Organisation.objects.filter(pk__in=missing).select_related(
                "country", "parent"
            ):
                self.orgs[org.pk] = org

    def load(self, ids: list[int]) -> list[Entry]:
        # ids are ascending (keyset chunks or a page): a range filter, then keep only ours;
        # a long IN list is costly for Django to build, query after query
        lo, hi = min(ids), max(ids)
        wanted = set(ids)
        columns = [
            f.attname for f in Entry._meta.concrete_fields if f.attname not in UNREAD_ENTRY_COLUMNS
        ]
        rows = Entry.objects.filter(pk__gte=lo, pk__lte=hi).order_by("pk").values(*columns)
        entries = [_instance(Entry, row) for row in rows if row["id"] in wanted]
        by_id = {e.pk: e for e in entries}
        self.range = (lo, hi)
        for entry in entries:
            entry._export_rel = {}
        self._vocabularies(entries, by_id)
        stubs = self._links(entries, by_id)
        rows = Distribution.objects.filter(**self._between("entry_id"))
        distributions = [
            _instance(Distribution, d)
            for d in rows.order_by("entry_id", "sort_order", "pk").values()
            if d["entry_id"] in by_id
        ]
        stub_ids = {d.access_service_id for d in distributions if d.access_service_id}
        stub_ids |= {e.in_series_id for e in entries if e.in_series_id}
        stubs.update(self._stubs(stub_ids - set(stubs)))
        for dist in distributions:
            _cache(dist, "licence", self.licences.get(dist.licence_id or 0))
            _cache(dist, "access_service", stubs.get(dist.access_service_id or 0))
            _add(by_id[dist.entry_id], "distributions", dist)
        for entry in entries:
            _cache(entry, "in_series", stubs.get(entry.in_series_id or 0))
        self._parts(entries, by_id)
        self._type_prefetches(entries)
        self._organisations(
            [e.publisher_id for e in entries] + [e.public_authority_id for e in entries]
        )
        for entry in entries:
            _cache(entry, "publisher", self.orgs[entry.publisher_id])
            _cache(entry, "public_authority", self.orgs.get(entry.public_authority_id or 0))
            _cache(entry, "licence", self.licences.get(entry.licence_id or 0))
            _cache(entry, "project_status", self.statuses.get(entry.project_status_id or 0))
        return entries

    @staticmethod
    def _type_prefetches(entries: list[Entry]) -> None:
        """What a type's DCAT part reads beyond the shared table (``DcatPart.prefetch``, its
        child row say), in a few queries per type and chunk."""
        for key, part in entry_types.parts(DcatPart).items():
            of_type = [e for e in entries if e.entry_type == key] if part.prefetch else []
            if of_type:
                prefetch_related_objects(of_type, *part.prefetch)

    def _vocabularies(self, entries: list[Entry], by_id: dict[int, Entry]) -> None:
        for name, table, field in (
            ("themes", self.themes, "theme_id"),
            ("countries", self.countries, "country_id"),
            ("languages", self.languages, "language_id"),
        ):
            through = Entry._meta.get_field(name).remote_field.through
            rows = through.objects.filter(**self._between("entry_id")).order_by("pk")
            for entry_id, term_id in rows.values_list("entry_id", field):
                if entry_id in by_id:
                    _add(by_id[entry_id], name, table[term_id])

    def _stubs(self, ids: Iterable[int]) -> dict[int, Entry]:
        ids = [i for i in ids if i]
        if not ids:
            return {}
        return {e.pk: e for e in Entry.objects.published().filter(pk__in=ids).only(*STUB_FIELDS)}

    def _links(self, entries: list[Entry], by_id: dict[int, Entry]) -> dict[int, Entry]:
        """Entry-to-entry links (both directions of servesDataset, offers, related)."""
        field = Entry._meta.get_field
        links: list[tuple[str, int, int]] = []  # (relation, owner id, linked id)
        serves = field("serves_datasets").remote_field.through.objects
        for api_id, dataset_id in serves.filter(**self._between("from_entry_id")).values_list(
            "from_entry_id", "to_entry_id"
        ):
            if api_id in by_id:
                links.append(("serves_datasets", api_id, dataset_id))
        for api_id, dataset_id in serves.filter(**self._between("to_entry_id")).values_list(
            "from_entry_id", "to_entry_id"
        ):
            if dataset_id in by_id:
                links.append(("served_by", dataset_id, api_id))
        for name in ("related_datasets", "offered_resources"):
            through = field(name).remote_field.through.objects
            for owner, linked in through.filter(**self._between("from_entry_id")).values_list(
                "from_entry_id", "to_entry_id"
            ):
                if owner in by_id:
                    links.append((name, owner, linked))
        accessed = [
            (a, e)
            for a, e in Distribution.objects.filter(
                **self._between("access_service_id")
            ).values_list("access_service_id", "entry_id")
            if a in by_id
        ]
        stubs = self._stubs({linked for _n, _o, linked in links} | {e for _a, e in accessed})
        for name, owner, linked in links:
            if linked in stubs:
                _add(by_id[owner], name, stubs[linked])
        for api_id, dataset_id in accessed:
            if dataset_id in stubs:
                _add(
                    by_id[api_id],
                    "distributions_accessed",
                    SimpleNamespace(entry=stubs[dataset_id]),
                )
        return stubs

    def _parts(self, entries: list[Entry], by_id: dict[int, Entry]) -> None:
        for name, model in _PARTS.items():
            for row in (
                model._default_manager.filter(**self._between("entry_id"))
                .order_by("sort_order", "pk")
                .values()
            ):
                if row["entry_id"] in by_id:
                    _add(by_id[row["entry_id"]], name, _instance(model, row))
        for name, model in (("partnerships", Partnership), ("winners", Winner)):
            parts = [
                _instance(model, row)
                for row in model.objects.filter(**self._between("entry_id"))
                .order_by("sort_order", "pk")
                .values()
                if row["entry_id"] in by_id
            ]
            self._organisations(p.organisation_id for p in parts)
            for part in parts:
                _cache(part, "organisation", self.orgs.get(part.organisation_id or 0))
                _add(by_id[part.entry_id], name, part)
