"""No record deletes a valid distribution: the rules the loader applies before it writes.

The catalogue replaces an entry's distributions with the ones a write carries. Before that,
for each update of a batch:

* a distribution row without a usable URL is not written (DCAT requires an access URL), with
  a warning on the record;
* when every distribution the record sent was unusable and the entry has distributions, the
  previous ones are kept (the write leaves them alone) and the record says so;
* when the entry is also fed by another source, that source's distributions are kept: the
  write carries this record's rows plus every existing row whose URL it does not repeat.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from catalogue.models.parts import Distribution

from ..models import HarvestRecord, HarvestSource
from .batch import PreparedRecord

ROW_FIELDS = (
    "title",
    "description",
    "access_url",
    "download_url",
    "media_type",
    "format",
    "byte_size",
    "licence_id",
    "checksum",
    "remote_id",
    "deprecated",
    "access_service_id",
)


def usable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row for row in rows if row.get("access_url") or row.get("download_url")]


def _url(row: dict[str, Any]) -> str:
    return str(row.get("download_url") or row.get("access_url") or "")


def protect_distributions(source: HarvestSource, items: list[PreparedRecord]) -> None:
    """Adjust the writes of ``items`` (creates and updates) so no valid distribution is lost."""
    for item in items:
        rows = item.write.distributions
        if rows is not None and len(usable(rows)) < len(rows):
            item.warnings.append(
                _("%d distributions without a usable URL were not written.")
                % (len(rows) - len(usable(rows)))
            )
            item.write.distributions = usable(rows)
    updates = [i for i in items if i.entry_id and i.write.distributions is not None]
    if not updates:
        return
    ids = [i.target_entry_id for i in updates]
    existing: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in (
        Distribution.objects.filter(entry_id__in=ids)
        .order_by("sort_order", "pk")
        .values("entry_id", *ROW_FIELDS)
    ):
        existing[row.pop("entry_id")].append(row)
    shared = set(
        HarvestRecord.objects.filter(entry_id__in=ids, gone=False)
        .exclude(source=source)
        .values_list("entry_id", flat=True)
    )
    for item in updates:
        _merge(item, existing.get(item.target_entry_id, []), item.target_entry_id in shared)


def _merge(item: PreparedRecord, before: list[dict[str, Any]], shared: bool) -> None:
    rows = item.write.distributions or []
    if not rows and before and item.record.distributions:
        item.write.distributions = None
        item.warnings.append(
            _("No distribution of this record is usable: the previous ones are kept.")
        )
        return
    if shared and before:
        given = {_url(row) for row in rows}
        kept = [row for row in before if _url(row) not in given]
        item.write.distributions = rows + kept
