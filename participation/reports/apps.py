"""Reports of an issue with an entry, answered in the publisher's queue."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "participation.reports"
    label = "reports"
    verbose_name = _("Issue reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from participation.dashboard import register_demand_panel
        from participation.personal_data import register_personal_data

        from .demand import OPEN_REPORTS_PANEL
        from .services import erase_reporter, export_reports_of

        register_demand_panel(OPEN_REPORTS_PANEL)
        register_personal_data("reports", export=export_reports_of, erase=erase_reporter)

        from .openapi import register as register_openapi

        register_openapi()
