"""What people look for and do not find: logged searches and the demand dashboard."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemandConfig(AppConfig):
    name = "participation.demand"
    label = "demand"
    verbose_name = _("Demand signals")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search.signals import search_performed

        from .panels import register_search_panels
        from .receivers import log_performed_search

        search_performed.connect(log_performed_search, dispatch_uid="demand.log_search")
        register_search_panels()
