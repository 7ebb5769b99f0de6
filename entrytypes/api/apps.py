from django.utils.translation import gettext_lazy as _

from catalogue import registry


class ApiTypeConfig(registry.EntryTypeAppConfig):
    name = "entrytypes.api"
    label = "apis"
    verbose_name = _("APIs")
