from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    name = "participation.discussions"
    label = "discussions"
    verbose_name = _("Discussions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from participation.personal_data import register_personal_data

        from .selectors import export_person
        from .services import erase_person

        register_personal_data("discussions", export=export_person, erase=erase_person)

        from .openapi import register as register_openapi

        register_openapi()
