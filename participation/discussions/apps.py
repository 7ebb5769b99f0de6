from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    name = "participation.discussions"
    label = "discussions"
    verbose_name = _("Discussions")
    default_auto_field = "django.db.models.BigAutoField"
