"""Property tests: whatever a DCAT source sends, the mapper gives records, record errors or
a clear page error (PayloadError), never any other exception."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harvesters.dcat.client import DcatHarvester
from harvesters.exceptions import PayloadError
from harvesters.records import EntryRecord, Page

from .conftest import FIXTURES

SEED = (FIXTURES / "dcat" / "semic_dcat-ap-3-hvd_example-ms_catalogue.ttl").read_bytes()
SEED_JSONLD = json.loads((FIXTURES / "dcat" / "udata_hydra_paged_collection-1.jsonld").read_bytes())
CONTENT_TYPES = ["text/turtle", "application/rdf+xml", "application/ld+json", "", "text/html"]
PREDICATES = [
    "http://purl.org/dc/terms/title",
    "http://purl.org/dc/terms/issued",
    "http://purl.org/dc/terms/modified",
    "http://purl.org/dc/terms/license",
    "http://www.w3.org/ns/dcat#distribution",
    "http://www.w3.org/ns/dcat#byteSize",
    "http://purl.org/dc/terms/spatial",
    "http://www.w3.org/ns/dcat#theme",
    "http://www.w3.org/ns/dcat#servesDataset",
    "http://www.w3.org/ns/hydra/core#next",
    "http://purl.org/dc/terms/temporal",
    "http://www.w3.org/ns/dcat#startDate",
    "http://purl.org/dc/terms/publisher",
    "http://xmlns.com/foaf/0.1/name",
]
TYPES = [
    "http://www.w3.org/ns/dcat#Dataset",
    "http://www.w3.org/ns/dcat#DataService",
    "http://www.w3.org/ns/dcat#DatasetSeries",
    "http://www.w3.org/ns/dcat#Distribution",
]
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=30)
    | st.sampled_from(["2020-13-45", "http://x/", "mailto:a@b", "-1", "1e999"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["@value", "@id", "@language", "@type"]), inner, max_size=3
        )
    ),
    max_leaves=8,
)
NODES = st.fixed_dictionaries(
    {
        "@id": st.one_of(st.just("_:b0"), st.text(max_size=20), st.just("https://x.example/a")),
        "@type": st.lists(st.sampled_from(TYPES), min_size=1, max_size=2),
    },
    optional={p: JSON_VALUES for p in PREDICATES},
)


def check(payload: dict[str, Any]) -> None:
    try:
        page = DcatHarvester.map_payload(payload, source_options={})
    except PayloadError:
        return
    assert isinstance(page, Page)
    for record in page.records:
        assert isinstance(record, EntryRecord)
        assert record.title and record.remote_id


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(CONTENT_TYPES))
def test_any_bytes(content: bytes, content_type: str) -> None:
    check({"content": content, "content_type": content_type})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_turtle(data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(SEED)))
    insert = data.draw(st.binary(max_size=20))
    check({"content": SEED[:cut] + insert + SEED[cut:], "content_type": "text/turtle"})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NODES, max_size=5))
def test_arbitrary_jsonld_nodes(nodes: list[Any]) -> None:
    doc = {"@graph": nodes}
    check({"content": json.dumps(doc).encode(), "content_type": "application/ld+json"})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_real_jsonld_with_values_replaced(data: st.DataObject) -> None:
    doc = json.loads(json.dumps(SEED_JSONLD))
    for node in doc:
        for key in list(node):
            if key.startswith("http") and data.draw(st.booleans()):
                node[key] = data.draw(JSON_VALUES)
    check({"content": json.dumps(doc).encode(), "content_type": "application/ld+json"})
