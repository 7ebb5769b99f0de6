"""A harvest job's admin page in words: the plan of a dry run as lists of titles, the log and
error as preformatted text, yes/no and durations, instead of Python reprs of JSON."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.generic.models import InspectView

from .models import HarvestRecord, HarvestSource

WARNING_GROUPS = 50
WARNING_RECORDS_READ = 5000

PLAN_LABELS = {
    "create": gettext_lazy("Would create"),
    "update": gettext_lazy("Would update"),
    "withdraw": gettext_lazy("Would withdraw"),
}


def _pre(text: str) -> Any:
    return format_html('<pre class="w-whitespace-pre-wrap">{}</pre>', text) if text else "—"


class HarvestJobInspectView(InspectView):  # type: ignore[misc]  # Wagtail ships no types
    def get_status_display_value(self) -> str:
        return str(self.object.get_status_display())

    def get_dry_run_display_value(self) -> str:
        return _("Yes: nothing was written") if self.object.dry_run else _("No")

    def get_log_display_value(self) -> Any:
        return _pre(self.object.log)

    def get_error_display_value(self) -> Any:
        return _pre(self.object.error)

    def get_cursor_display_value(self) -> Any:
        return format_html("<code>{}</code>", self.object.cursor) if self.object.cursor else "—"

    def get_plan_display_value(self) -> Any:
        plan = self.object.plan or {}
        if not isinstance(plan, dict) or not any(plan.values()):
            return "—"
        return format_html_join(
            "",
            "<p><strong>{}</strong> ({})</p><ul>{}</ul>",
            (
                (
                    PLAN_LABELS.get(kind, kind),
                    len(items),
                    format_html_join("", "<li>{}</li>", ((str(item),) for item in items)),
                )
                for kind, items in plan.items()
                if isinstance(items, list) and items
            ),
        )


def record_warnings(*, source: HarvestSource) -> list[dict[str, Any]]:
    """What the source's records lost or had to guess (the loader's warnings), grouped by
    message with a few examples, most frequent first; the records still loaded."""
    records = (
        HarvestRecord.objects.filter(source=source, gone=False)
        .exclude(warnings=[])
        .values_list("remote_id", "remote_url", "warnings")[:WARNING_RECORDS_READ]
    )
    counts: Counter[str] = Counter()
    samples: dict[str, list[tuple[str, str]]] = {}
    for remote_id, remote_url, warnings in records:
        for message in dict.fromkeys(str(w) for w in warnings or []):
            counts[message] += 1
            examples = samples.setdefault(message, [])
            if len(examples) < 5:
                examples.append((remote_id, remote_url))
    return [
        {"message": message, "count": count, "samples": samples[message]}
        for message, count in counts.most_common(WARNING_GROUPS)
    ]
