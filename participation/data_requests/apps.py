"""Requests for data and APIs that do not exist yet: votes, answers, status."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataRequestsConfig(AppConfig):
    name = "participation.data_requests"
    label = "data_requests"
    verbose_name = _("Requests for data and APIs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from interop.api.openapi_registry import register_openapi_part
        from participation.dashboard import register_demand_panel
        from participation.personal_data import register_personal_data

        from .demand import REQUESTED_DATA_PANEL
        from .openapi import OPENAPI_PART
        from .services import erase_requester, export_requests_of

        register_demand_panel(REQUESTED_DATA_PANEL)
        register_personal_data("data_requests", export=export_requests_of, erase=erase_requester)
        register_openapi_part(OPENAPI_PART)
