"""Datasets in the CKAN Action API: packages of type "dataset", a resource per distribution."""

from __future__ import annotations

import json
from typing import Any

from catalogue.models import Entry
from catalogue.registry import entry_types
from interop.ckan_api.packages import distribution_resources
from interop.ckan_api.parts import CkanPackagePart


def dataset_extras(entry: Entry) -> list[tuple[str, Any]]:
    return [
        ("frequency", entry.frequency),
        ("conformsTo", json.dumps(list(entry.conforms_to)) if entry.conforms_to else ""),
        ("contains_personal_data", "true" if entry.contains_personal_data else ""),
    ]


entry_types.add_part(
    "dataset",
    CkanPackagePart,
    CkanPackagePart(
        package_type="dataset",
        name_prefix="",
        resources=distribution_resources,
        extras=dataset_extras,
    ),
)
