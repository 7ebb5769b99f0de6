from django.utils.translation import gettext_lazy as _

from catalogue import registry


class PPPTypeConfig(registry.EntryTypeAppConfig):
    name = "entrytypes.ppp"
    label = "ppp_projects"
    verbose_name = _("PPP projects")
