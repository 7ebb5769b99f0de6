"""`make bench-engagement` (alerts part): an update to an entry followed by 10,000 accounts.

A temporary SQLite catalogue is migrated and seeded in bulk (10,000 accounts following one
API); then the API is deprecated through the catalogue's own service, as an editor would.
Timed: the transaction and its commit, in which the change is detected and its 10,000 Alert
rows are written and the sending task queued (on the database task queue: not sent). Then,
separately, the background sending: grouping each person's alerts into one mail, delivered
to Django's in-memory mail backend through the site's mail task.

Target (issue 11): alerts queued in <= 5 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

TARGET_QUEUE_SECONDS = 5.0


def _setup(var_dir: str) -> None:
    os.environ.update(
        {
            "VAR_DIR": var_dir,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DEBUG": "false",
            "SECRET_KEY": "bench-alerts-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LOG_LEVEL": "WARNING",
            "ELASTICSEARCH_URL": "",
            "TASKS_BACKEND": "django_tasks_db.backend.DatabaseBackend",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _seed(followers: int) -> int:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from catalogue.models import Organisation
    from catalogue.services import entry_create
    from participation.alerts.models import Follow

    publisher = Organisation.objects.create(name="Bench city", slug="bench-city", kind="government")
    api = entry_create(
        entry_type="api",
        title="Bench bus API",
        publisher=publisher,
        publish=True,
        lifecycle="production",
    )
    user_model = get_user_model()
    unusable = make_password(None)
    user_model.objects.bulk_create(
        [
            user_model(username=f"bench{n}", email=f"bench{n}@example.org", password=unusable)
            for n in range(followers)
        ],
        batch_size=2000,
    )
    ids = list(user_model.objects.filter(username__startswith="bench").values_list("id", flat=True))
    Follow.objects.bulk_create([Follow(user_id=i, entry_id=api.pk) for i in ids], batch_size=2000)
    return int(api.pk)


def _queue(api_id: int) -> tuple[float, int]:
    from django.db import transaction

    from catalogue.models import Entry
    from catalogue.services import entry_update
    from participation.alerts.models import Alert

    api = Entry.objects.get(pk=api_id)
    started = time.perf_counter()
    with transaction.atomic():
        entry_update(entry=api, data={"lifecycle": "deprecated"})
    elapsed = time.perf_counter() - started
    return elapsed, Alert.objects.filter(sent_at=None).count()


def _send() -> tuple[float, int]:
    from django.core import mail
    from django.test import override_settings
    from django.test.utils import setup_test_environment

    from participation.alerts.sending import send_pending_alerts

    setup_test_environment()  # the in-memory mail backend, with mail.outbox
    immediate = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=immediate):
        started = time.perf_counter()
        send_pending_alerts("immediate")
        elapsed = time.perf_counter() - started
    return elapsed, len(mail.outbox)


def run(args: argparse.Namespace) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="bench-alerts-") as var_dir:
        _setup(var_dir)
        api_id = _seed(args.followers)
        queue_seconds, queued = _queue(api_id)
        send_seconds, sent = _send()
    ok = queue_seconds <= TARGET_QUEUE_SECONDS and queued == args.followers
    return [
        f"{'figure':<52} {'value':>10} {'target':>10}  result",
        f"{'alerts queued for ' + str(args.followers) + ' followers (s)':<52} "
        f"{queue_seconds:>10.2f} {TARGET_QUEUE_SECONDS:>10.1f}  {'pass' if ok else 'FAIL'}",
        f"{'  alert rows written':<52} {queued:>10d} {args.followers:>10d}",
        f"{'background sending, one mail each (s)':<52} {send_seconds:>10.2f} {'-':>10}  info",
        f"{'  mails delivered (in-memory backend)':<52} {sent:>10d} {args.followers:>10d}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--followers", type=int, default=10_000)
    args = parser.parse_args(argv)
    lines = run(args)
    print("\n".join(lines))
    return 0 if "FAIL" not in lines[1] else 1


if __name__ == "__main__":
    sys.exit(main())
