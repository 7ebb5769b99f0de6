"""The database backend's facet index: one row per (entry, facet, value).

A denormalised table lets one GROUP BY count every facet over any set of matching entries,
on SQLite or PostgreSQL, without joining seven tables per query. It is derived data: the
backend rewrites an entry's rows whenever the entry is (re)indexed, and rebuilds it whole.
"""

from __future__ import annotations

from django.db import models


class FacetValueRow(models.Model):
    entry = models.ForeignKey(
        "catalogue.Entry", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    facet = models.CharField(max_length=24)
    value = models.CharField(max_length=200)

    class Meta:
        db_table = "search_facet_value"
        indexes = [
            models.Index(fields=["facet", "value", "entry"], name="search_facet_lookup"),
            models.Index(fields=["entry", "facet", "value"], name="search_facet_by_entry"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.facet}={self.value}"


class IndexState(models.Model):
    """A token that changes whenever the database index changes.

    Each process keeps its facet bitmaps (search/backends/facet_cache.py) until the token it
    built them from changes. A random token rather than a counter: a rolled-back transaction
    can rewind a counter to a value another process has already seen.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    token = models.CharField(max_length=32, default="")

    class Meta:
        db_table = "search_index_state"

    def __str__(self) -> str:
        return self.token
