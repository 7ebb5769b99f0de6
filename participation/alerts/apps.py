from typing import cast

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "participation.alerts"
    label = "alerts"
    verbose_name = _("Follows and alerts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from participation.dashboard import DemandPanel, register_demand_panel
        from participation.personal_data import register_personal_data

        from . import receivers  # noqa: F401  (events and catalogue changes become alerts)
        from .selectors import export_alerts_data, most_followed_rows
        from .services import erase_alerts_data

        register_personal_data("alerts", export=export_alerts_data, erase=erase_alerts_data)
        register_demand_panel(
            DemandPanel(
                key="most-followed",
                # lazy strings, translated when the dashboard renders (typed as str there)
                title=cast(str, _("Most followed entries")),
                headers=[
                    cast(str, _("Entry")),
                    cast(str, _("Organisation")),
                    cast(str, _("Followers")),
                ],
                rows=most_followed_rows,
                order=40,
            )
        )

        from .openapi import register as register_openapi

        register_openapi()
