"""System checks: every entry type has the parts the standard interfaces cannot do without.

The DCAT-AP catalogue and the JSON API describe every published entry, so a type without a
``DcatPart`` or an ``ApiEntryPart`` would break them; ``manage.py check`` says so at start-up
instead. (A CKAN or schema.org part is optional: those interfaces leave such a type out.)
"""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, register

from catalogue.registry import entry_types

from .api.parts import ApiEntryPart
from .standards.parts import DcatPart

REQUIRED_PARTS = {DcatPart: "dcat.py", ApiEntryPart: "api.py"}


@register()
def entry_types_have_interop_parts(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    for spec in entry_types:
        for interface, module in REQUIRED_PARTS.items():
            if entry_types.part(spec.key, interface) is None:
                errors.append(
                    Error(
                        f"Entry type {spec.key!r} registers no {interface.__name__}.",
                        hint=f"Add entrytypes/<type>/{module} (docs/extending.md).",
                        id="interop.E001",
                    )
                )
    return errors
