from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "catalogue_search"
    verbose_name = _("Catalogue search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from catalogue.models.organisations import Organisation
        from catalogue.models.vocabularies import Country, Language, Licence, ProjectStatus, Theme

        from . import checks  # noqa: F401  (registers the Elasticsearch system check)
        from .facet_labels import forget_vocabulary_labels

        # Facet labels are cached per process; a change to a vocabulary drops them.
        for model in (Organisation, Theme, Licence, Country, Language, ProjectStatus):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_vocabulary_labels,
                    sender=model,
                    dispatch_uid=f"facet-labels-{model.__name__}-{signal}",
                )
