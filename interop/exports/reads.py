"""Database settings for a bulk export's one sequential pass over the catalogue.

The settings map up to 256 MB of the SQLite file into the process (``PRAGMA mmap_size``) and
give each connection a 64 MB page cache: interactive pages re-read the same hot pages and
gain from both. A whole-catalogue export reads every page once: each page it touches through
the mapping stays in the process's resident set until the connection closes (250+ MB of RSS
at 100,000 entries) and the page cache fills with pages that are not read again. For the
export's duration the connection reads without the mapping, through a 16 MB page cache
(enough for the index pages the chunked queries revisit); both are restored afterwards, for a
persistent connection.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.db import connection

EXPORT_CACHE_KIB = 16 * 1024


@contextlib.contextmanager
def sequential_reads() -> Iterator[None]:
    """No memory-mapped reads and a small page cache on this thread's connection while the
    block runs (SQLite only).

    Use it around the body of an export generator: the ``finally`` runs when the streaming
    response closes the generator, also when the client goes away mid-download.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA mmap_size")
        row = cursor.fetchone()  # no row: an in-memory database, nothing mapped nor cached
        mmap_size = int(row[0]) if row else 0
        if mmap_size:
            cursor.execute("PRAGMA cache_size")
            cache_size = int(cursor.fetchone()[0])
            # Changing the limit unmaps the file at once (SQLite remaps to the new size);
            # lowering the cache size frees the cached pages above it.
            cursor.execute("PRAGMA mmap_size=0")
            cursor.execute(f"PRAGMA cache_size=-{EXPORT_CACHE_KIB}")
    if not mmap_size:
        yield
        return
    try:
        yield
    finally:
        if connection.connection is not None:  # closed meanwhile: nothing to restore
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA mmap_size={mmap_size}")
                cursor.execute(f"PRAGMA cache_size={cache_size}")
