"""``manage.py bootstrap``: everything a fresh database needs to become a working catalogue.

``make run`` calls it on every start, so each step checks before it acts and a second run
only reads a few rows. Steps, in order: the Wagtail site and editorial pages; on first setup
the publishing workflow and editor permissions; the demo content (once); demo harvesting
(``harvest_demo_sources``, filled in by the harvesters); the search index when it is empty;
the admin account, whose credentials are printed every time.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Model
from wagtail.models import Workflow, WorkflowContentType

from catalogue.models import Entry, Organisation
from catalogue.registry import entry_types
from demo.site import site_ensure
from search.index import rebuild_index
from search.query import SearchQuery
from search.service import search_entries

CREDENTIALS_FILE = "admin-credentials.txt"
DEFAULT_WORKFLOW = "Moderators approval"  # created by Wagtail's own migrations
# What each of Wagtail's default groups may do with entries and organisations.
GROUP_ACTIONS = {
    "Editors": ("add", "change", "view"),
    "Moderators": ("add", "change", "delete", "view", "publish", "lock", "unlock"),
}


class Command(BaseCommand):
    help = (
        "Prepare the catalogue on start: site and pages, demo content once, search index, "
        "admin account. Safe and fast to run on every start."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo content.")

    def handle(self, *args: Any, no_demo: bool, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        site = site_ensure()
        if site.pages_created:
            self.say(f"Pages created: {', '.join(site.pages_created)}.")
        if site.site_created:
            self.entry_workflow_ensure()
            self.editor_permissions_ensure()
        if not no_demo:
            call_command(
                "load_demo",
                verbosity=self.verbosity,
                stdout=self.stdout._out,
                stderr=self.stderr._out,
            )
            self.harvest_demo_sources()
            call_command(
                "seed_participation_demo",
                verbosity=self.verbosity,
                stdout=self.stdout._out,
                stderr=self.stderr._out,
            )
        self.search_index_ensure()
        self.admin_ensure()

    def say(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(message)

    # --- steps ----------------------------------------------------------------------------
    def entry_workflow_ensure(self) -> None:
        """Send entries that editors save through Wagtail's moderation workflow."""
        workflow = Workflow.objects.filter(name=DEFAULT_WORKFLOW, active=True).first()
        if workflow is None:
            return
        for proxy in (spec.model for spec in entry_types):
            content_type = ContentType.objects.get_for_model(proxy, for_concrete_model=False)
            WorkflowContentType.objects.get_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )
        self.say(f"Workflow “{workflow.name}” assigned to datasets, APIs, projects, challenges.")

    def editor_permissions_ensure(self) -> None:
        """Let Wagtail's Editors draft entries and its Moderators also publish them."""
        models: list[type[Model]] = [*(spec.model for spec in entry_types), Organisation]
        content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
        for group_name, actions in GROUP_ACTIONS.items():
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                continue
            codenames = [
                f"{action}_{model._meta.model_name}" for model in models for action in actions
            ]
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__in=content_types.values(), codename__in=codenames
                )
            )

    def harvest_demo_sources(self) -> None:
        """Harvest the bundled real catalogues once, so harvested entries sit beside
        hand-made ones with their provenance. Later runs leave them as they are."""
        from harvesters.demo import DEMO_SOURCES, harvest_demo_sources
        from harvesters.models import HarvestSource

        done = set(
            HarvestSource.objects.filter(
                slug__in=[d.slug for d in DEMO_SOURCES], jobs__isnull=False
            ).values_list("slug", flat=True)
        )
        todo = tuple(d.slug for d in DEMO_SOURCES if d.slug not in done)
        if not todo:
            return
        self.say(f"Harvesting {len(todo)} bundled real catalogues from a local server…")
        try:
            jobs = harvest_demo_sources(only=todo)
        except Exception as error:  # noqa: BLE001 - a demo harvest must not stop the site
            self.stderr.write(f"Demo harvest failed, the site runs without it: {error}")
            return
        for job in jobs:
            counts = ", ".join(f"{n} {k}" for k, n in job.counts().items() if n)
            self.say(f"  {job.source.name}: {job.status} ({counts or 'nothing new'})")

    def search_index_ensure(self) -> None:
        """Rebuild the search index when it is empty but published entries exist."""
        if not Entry.objects.published().exists():
            return
        try:
            if search_entries(SearchQuery(page_size=1)).count:
                return
            self.say("Search index is empty: rebuilding it…")
            count = rebuild_index()
        except Exception as error:  # noqa: BLE001 - an unreachable search server must not stop the site
            self.stderr.write(
                f"Search index not checked ({type(error).__name__}: {error}). The site starts; "
                "run `manage.py search_index rebuild` once search is reachable."
            )
            return
        self.say(f"Search index rebuilt: {count} entries.")

    def admin_ensure(self) -> None:
        """Create the admin account once; print how to sign in on every run."""
        user_model = get_user_model()
        username = os.environ.get("ADMIN_USERNAME") or "admin"
        env_password = os.environ.get("ADMIN_PASSWORD") or ""
        email = os.environ.get("ADMIN_EMAIL") or ""
        credentials = Path(settings.VAR_DIR) / CREDENTIALS_FILE

        if not user_model.objects.filter(username=username).exists():
            password = env_password or secrets.token_urlsafe(12)
            user_model.objects.create_superuser(username=username, email=email, password=password)
            if not env_password:
                credentials.write_text(f"username: {username}\npassword: {password}\n")
                credentials.chmod(0o600)
            self.say(f"Admin account “{username}” created.")

        admin_url = self._admin_url()
        if env_password:
            secret = "the ADMIN_PASSWORD you set"  # noqa: S105 - a hint, not a password
        else:
            secret = _stored_password(credentials, username) or (
                f"not stored here; set one with: manage.py changepassword {username}"
            )
        self.stdout.write(
            self.style.SUCCESS(f"Admin: {admin_url}  username: {username}  password: {secret}")
        )

    @staticmethod
    def _admin_url() -> str:
        port = os.environ.get("PORT")
        base = f"http://127.0.0.1:{port}" if port else settings.WAGTAILADMIN_BASE_URL
        return f"{base.rstrip('/')}/admin/"


def _stored_password(path: Path, username: str) -> str:
    """The generated password from the credentials file, if it belongs to ``username``."""
    try:
        lines = dict(line.split(": ", 1) for line in path.read_text().splitlines() if ": " in line)
    except OSError:
        return ""
    return lines.get("password", "") if lines.get("username") == username else ""
