from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HarvestersConfig(AppConfig):
    name = "harvesters"
    verbose_name = _("Harvesters")
    default_auto_field = "django.db.models.BigAutoField"
