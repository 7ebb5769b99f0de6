from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemandConfig(AppConfig):
    name = "participation.demand"
    label = "demand"
    verbose_name = _("Demand signals")
    default_auto_field = "django.db.models.BigAutoField"
