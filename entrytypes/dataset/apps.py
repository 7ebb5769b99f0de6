from django.utils.translation import gettext_lazy as _

from catalogue import registry


class DatasetTypeConfig(registry.EntryTypeAppConfig):
    name = "entrytypes.dataset"
    label = "datasets"
    verbose_name = _("Datasets")
