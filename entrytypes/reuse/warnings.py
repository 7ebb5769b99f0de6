"""What an editor should fix on a reuse that was saved anyway: no image, withdrawn links.

A reuse with such gaps is still worth keeping, so the admin saves it and says what is wrong
(a message after saving, a note on the edit form); it never calls the reuse's address to see
whether it answers (that is a link checker's job, not a form's).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalogue.models import Entry, published_condition


def reuse_warnings(reuse: Any) -> list[str]:
    """Plain sentences, one per gap; empty when the reuse needs nothing."""
    found = []
    if not reuse.image_id:
        found.append(_("No image: add a screenshot or illustration of the reuse."))
    if not reuse.url:
        found.append(_("No address: say where people find the reuse itself."))
    ids = [entry.pk for entry in reuse.uses.all() if entry.pk]
    if not ids:
        found.append(_("The reuse links to no dataset or API."))
    else:
        hidden = Entry.objects.filter(pk__in=ids).exclude(published_condition())
        withdrawn = hidden.filter(withdrawn_at__isnull=False).count()
        drafts = hidden.count() - withdrawn
        if withdrawn:
            found.append(
                ngettext(
                    "The reuse links to %(n)d withdrawn entry: the public page leaves it out.",
                    "The reuse links to %(n)d withdrawn entries: the public page leaves them out.",
                    withdrawn,
                )
                % {"n": withdrawn}
            )
        if drafts:
            found.append(
                ngettext(
                    "The reuse links to %(n)d unpublished entry: the public page leaves it out.",
                    "The reuse links to %(n)d unpublished entries: the public page leaves them"
                    " out.",
                    drafts,
                )
                % {"n": drafts}
            )
    return found
