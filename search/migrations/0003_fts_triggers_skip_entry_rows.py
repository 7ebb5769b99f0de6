"""Wagtail's FTS5 triggers leave the catalogue's entry rows (negative ids) to the backend.

Wagtail keeps ``wagtailsearch_indexentry_fts`` in step with ``wagtailsearch_indexentry`` by
triggers. A statement run by a trigger runs inside a statement savepoint, and SQLite's FTS5
(3.40) flushes its pending terms to a new segment, with merge work, at every savepoint: each
entry row written through a trigger cost ~3-5 ms of CPU at 100,000 entries, growing with the
index (a harvest batch of 1,000 took 25-60 s, a full rebuild 3-18 minutes). The database
search backend now writes the FTS5 rows of its entries itself, in bulk
(search/backends/sqlite_text_index.py); the triggers keep mirroring Wagtail's own rows
(pages, organisations: positive ids).
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
MIRROR = {
    "insert": (
        "AFTER INSERT ON {t} {when}BEGIN INSERT INTO {t}_fts(title, body, autocomplete, rowid) "
        "VALUES (NEW.title, NEW.body, NEW.autocomplete, NEW.id); END",
        "NEW.id >= 0",
    ),
    "update": (
        "AFTER UPDATE ON {t} {when}BEGIN UPDATE {t}_fts SET title=NEW.title, body=NEW.body, "
        "autocomplete=NEW.autocomplete WHERE rowid=NEW.id; END",
        "NEW.id >= 0",
    ),
    "delete": (
        "AFTER DELETE ON {t} {when}BEGIN DELETE FROM {t}_fts WHERE rowid=OLD.id; END",
        "OLD.id >= 0",
    ),
}


def _recreate(schema_editor, *, skip_entry_rows: bool) -> None:
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [f"{TABLE}_fts"]
        )
        if cursor.fetchone() is None:  # SQLite without FTS5: Wagtail made no triggers
            return
        for action, (body, condition) in MIRROR.items():
            name = f"{action}_{TABLE}_fts"
            when = f"WHEN {condition} " if skip_entry_rows else ""
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"CREATE TRIGGER {name} " + body.format(t=TABLE, when=when))


def skip_entry_rows(apps, schema_editor):
    _recreate(schema_editor, skip_entry_rows=True)


def mirror_every_row(apps, schema_editor):
    _recreate(schema_editor, skip_entry_rows=False)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue_search", "0002_index_state"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(skip_entry_rows, mirror_every_row)]
