from django.utils.translation import gettext_lazy as _

from catalogue import registry


class ChallengeTypeConfig(registry.EntryTypeAppConfig):
    name = "entrytypes.challenge"
    label = "challenges"
    verbose_name = _("Challenges")
