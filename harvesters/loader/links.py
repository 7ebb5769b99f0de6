"""Links between harvested entries that may point at records of a later batch.

An API serves datasets, a dataset belongs to a series, a distribution is reached through an
API: a protocol lists them in whatever order it likes, so the loader remembers each link by
the remote id (or identifier URI) it points at and resolves them all when the job finishes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.models.entries import Entry
from catalogue.services.bulk import (
    distributions_bulk_link_service,
    entries_bulk_add_m2m,
    entries_bulk_set_series,
)

from ..models import HarvestRecord, HarvestSource
from ..records import EntryRecord


@dataclass
class PendingLinks:
    """Links waiting for the end of the job, each from an entry id to a remote reference."""

    serves: list[tuple[int, str]] = field(default_factory=list)  # (api entry id, dataset ref)
    series: list[tuple[int, str]] = field(default_factory=list)  # (dataset id, series ref)
    access: list[tuple[int, str, str]] = field(default_factory=list)  # (entry, dist id, ref)

    def remember(self, entry_id: int, record: EntryRecord) -> None:
        self.serves.extend((entry_id, ref) for ref in record.serves_refs if ref)
        if record.series_ref:
            self.series.append((entry_id, record.series_ref))
        for dist in record.distributions:
            if dist.access_service_ref and dist.remote_id:
                self.access.append((entry_id, dist.remote_id, dist.access_service_ref))

    def resolve(self, source: HarvestSource) -> None:
        """Write every link whose target is known now; the others point nowhere and wait."""
        refs = {r for _e, r in self.serves} | {r for _e, r in self.series}
        refs |= {r for _e, _d, r in self.access}
        entries = _refs_to_entries(source, refs)
        pairs = [(api, entries[ref]) for api, ref in self.serves if ref in entries]
        if pairs:
            entries_bulk_add_m2m(field="serves_datasets", pairs=pairs)
        series = {ds: entries[ref] for ds, ref in self.series if ref in entries}
        if series:
            entries_bulk_set_series(values=series)
        access = {(e, d): entries[r] for e, d, r in self.access if r in entries}
        if access:
            distributions_bulk_link_service(links=access)


def _refs_to_entries(source: HarvestSource, refs: set[str]) -> dict[str, int]:
    """reference → entry id: a remote id of this source first, else any entry's identifier."""
    if not refs:
        return {}
    found: dict[str, int] = dict(
        HarvestRecord.objects.filter(
            source=source, remote_id__in=refs, entry__isnull=False
        ).values_list("remote_id", "entry_id")
    )
    missing = refs - set(found)
    if missing:
        for identifier, entry_id in Entry.objects.filter(identifier__in=missing).values_list(
            "identifier", "id"
        ):
            found.setdefault(identifier, entry_id)
    return found
