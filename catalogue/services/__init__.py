"""Services: the only code that writes catalogue data (HackSoft styleguide).

Keyword-only, typed functions named ``<entity>_<action>``. Views, admin hooks, commands and
harvesters call these; none of them saves a model directly.
"""

from .entries import (  # noqa: F401
    entry_create,
    entry_publish,
    entry_refresh_quality,
    entry_restore,
    entry_unpublish,
    entry_update,
    entry_withdraw,
)
