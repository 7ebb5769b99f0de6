"""What the loader carries through one batch: the records, how each was classified, the counts.

A batch goes through named steps (receive, classify, prepare, assign entries, write); these
dataclasses are the state those steps hand on, so no step reads positions of a tuple.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from catalogue.services.bulk import EntryWrite

from ..models import HarvestRecord
from ..records import EntryRecord


def record_hash(record: EntryRecord, salt: str = "") -> str:
    """A stable hash of everything a record says (and the source options that shape it).

    The dataclass ``repr`` lists every field in declaration order, nested records included,
    so it is a complete, cheap serialisation: this runs for every record of every harvest,
    changed or not, which rules out the slower ``asdict`` + JSON.
    """
    return hashlib.sha256((salt + repr(record)).encode()).hexdigest()


@dataclass
class BatchOutcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    restored: int = 0
    failed: int = 0


@dataclass(frozen=True)
class RecordFailure:
    """A record that cannot be written: its error is stored on its HarvestRecord."""

    remote_id: str
    message: str
    field: str = ""
    remote_url: str = ""


@dataclass
class PreparedRecord:
    """A new or changed record, mapped onto entry values and waiting to be written."""

    record: EntryRecord
    content_hash: str
    stored: HarvestRecord | None  # the source's HarvestRecord for this remote id, if any
    write: EntryWrite
    warnings: list[str]
    #: The entry this record feeds: its own link, an entry another source feeds, or (once
    #: created) a new one. None until the batch has assigned or created it.
    entry_id: int | None = None

    @property
    def target_entry_id(self) -> int:
        """``entry_id`` where the batch has settled it (every record, once entries exist)."""
        if self.entry_id is None:
            raise LookupError(f"record {self.record.remote_id!r} has no entry yet")
        return self.entry_id


@dataclass
class Batch:
    """One batch, from the records a protocol handed over to the rows the loader writes."""

    records: dict[str, EntryRecord]  # by remote id: a record listed twice counts once
    fingerprints: dict[str, str]  # remote id → tagged fingerprint to store
    failures: list[RecordFailure]
    skipped_ids: list[str]  # not mapped: their fingerprint matched (see known_fingerprints)
    unchanged_pks: list[int] = field(default_factory=list)  # HarvestRecords to mark seen
    restore_entries: list[int] = field(default_factory=list)  # withdrawn entries seen again
    refingerprinted: list[HarvestRecord] = field(default_factory=list)  # same content, new mark
    prepared: list[PreparedRecord] = field(default_factory=list)
    creates: list[PreparedRecord] = field(default_factory=list)
    updates: list[PreparedRecord] = field(default_factory=list)

    def outcome(self) -> BatchOutcome:
        return BatchOutcome(
            created=len(self.creates),
            updated=len(self.updates),
            unchanged=len(self.unchanged_pks),
            restored=len(set(self.restore_entries)),
            failed=len(self.failures),
        )
