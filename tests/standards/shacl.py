"""Validation against the official SEMIC DCAT-AP 3.0.1 SHACL shapes (tests/fixtures/shacl).

Both release files are loaded together, as SEMIC publishes them: ``dcat-ap-SHACL.ttl`` holds
the cardinality and node-kind shapes, ``ranges.ttl`` adds ``sh:class`` range constraints to
the same property shapes. The 3.0.1 release lists five property shapes as members of the
Dataset, Distribution and Relationship shapes that neither file defines (no ``sh:path``);
pyshacl refuses such a shapes graph, so those five dangling ``sh:property`` links, and only
those, are dropped. Validation runs without inference: every ``sh:class`` must hold on the
triples we publish.
"""

from __future__ import annotations

import functools
import warnings
from pathlib import Path

from pyshacl import validate
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

SH = Namespace("http://www.w3.org/ns/shacl#")
SHACL_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "shacl"


@functools.cache
def dcat_ap_shapes() -> Graph:
    shapes = Graph()
    shapes.parse(SHACL_DIR / "dcat-ap-3.0.1_dcat-ap-SHACL.ttl")
    shapes.parse(SHACL_DIR / "dcat-ap-3.0.1_ranges.ttl")
    dangling = [
        (s, p) for s, p in shapes.subject_objects(SH.property) if shapes.value(p, SH.path) is None
    ]
    assert len(dangling) == 5, "the SEMIC release changed: review the dangling shapes"
    for s, p in dangling:
        shapes.remove((s, SH.property, p))
    return shapes


def parse(text: str, fmt: str) -> Graph:
    """Parse an export with rdflib (its JSON-LD parser warns about ConjunctiveGraph)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return Graph().parse(data=text, format=fmt)


def violations(data: Graph) -> list[str]:
    """One line per violation: focus node, path, shape message."""
    conforms, report, _text = validate(
        data, shacl_graph=dcat_ap_shapes(), inference="none", allow_warnings=True
    )
    if conforms:
        return []
    lines = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        lines.append(
            " | ".join(
                str(report.value(result, p))
                for p in (SH.focusNode, SH.resultPath, SH.sourceShape, SH.resultMessage)
            )
        )
    return sorted(lines)
