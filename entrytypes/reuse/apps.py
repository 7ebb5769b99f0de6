from django.utils.translation import gettext_lazy as _

from catalogue import registry


class ReuseTypeConfig(registry.EntryTypeAppConfig):
    name = "entrytypes.reuse"
    label = "reuses"
    verbose_name = _("Reuses")
