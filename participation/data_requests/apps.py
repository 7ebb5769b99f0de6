from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataRequestsConfig(AppConfig):
    name = "participation.data_requests"
    label = "data_requests"
    verbose_name = _("Requests for data and APIs")
    default_auto_field = "django.db.models.BigAutoField"
