"""A reuse in the JSON API, the CKAN API (ckanext-showcase's actions) and DCAT-AP."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.services import entry_withdraw
from interop.standards.catalog_export import entry_document, parse_export_params, stream_catalog
from tests.api.conftest import assert_matches_openapi
from tests.factories import make_entry
from tests.standards.shacl import parse, violations

pytestmark = pytest.mark.django_db
CKAN = "/api/3/action/"


def ckan(client: Any, action: str, status: int = 200, **params: Any) -> Any:
    response = client.get(CKAN + action, params)
    assert response.status_code == status, response.content[:300]
    body = response.json()
    return body["result"] if status == 200 else body["error"]


def test_api_detail_and_list_validate_against_openapi(client, reuse_catalogue, settings):
    settings.API_RATE_LIMIT = "off"
    response = client.get("/api/v1/reuses/transit-companion")
    assert response.status_code == 200
    assert_matches_openapi(response, "/api/v1/reuses/{slug}")
    data = response.json()
    assert (data["reuse_kind"], data["author_name"]) == ("application", "Amira Haddad")
    assert data["reuse_url"] == "https://apps.reuse.example/transit"
    assert data["image_url"] is None
    assert sorted(ref["slug"] for ref in data["uses"]) == ["departures", "stops"]
    listing = client.get("/api/v1/reuses")
    assert_matches_openapi(listing, "/api/v1/reuses")
    assert {item["slug"] for item in listing.json()["results"]} == {
        "transit-companion",
        "late-tram",
    }


def _queries(client: Any, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_api_queries_do_not_grow_with_reuses(client, reuse_catalogue, settings):
    settings.API_RATE_LIMIT = "off"
    _queries(client, "/api/v1/reuses")  # warm caches
    few = _queries(client, "/api/v1/reuses")
    detail = _queries(client, "/api/v1/reuses/transit-companion")
    uses = [reuse_catalogue["stops"], reuse_catalogue["counts"], reuse_catalogue["api"]]
    for i in range(5):
        make_entry("reuse", title=f"More {i}", reuse_kind="idea", uses=uses)
    assert _queries(client, "/api/v1/reuses") == few
    assert _queries(client, "/api/v1/reuses/more-0") == detail


def test_ckan_package_search_finds_showcases(client, reuse_catalogue):
    found = ckan(client, "package_search", fq="type:showcase")
    assert found["count"] == 2
    names = sorted(p["name"] for p in found["results"])
    assert names == ["showcase--late-tram", "showcase--transit-companion"]
    app = next(p for p in found["results"] if p["name"] == "showcase--transit-companion")
    assert app["type"] == "showcase"
    assert [r["url"] for r in app["resources"]] == ["https://apps.reuse.example/transit"]
    extras = {pair["key"]: pair["value"] for pair in app["extras"]}
    assert extras["reuse_kind"] == "application" and extras["author"] == "Amira Haddad"
    shown = ckan(client, "package_show", id="showcase--transit-companion")
    assert shown["id"] == app["id"]


def test_ckan_search_queries_do_not_grow_with_showcases(client, reuse_catalogue):
    ckan(client, "package_search", rows=1000)
    with CaptureQueriesContext(connection) as few:
        ckan(client, "package_search", rows=1000)
    for i in range(5):
        make_entry("reuse", title=f"More {i}", uses=[reuse_catalogue["stops"]])
    ckan(client, "package_search", rows=1000)  # the search backend rebuilds its bitmaps
    with CaptureQueriesContext(connection) as more:
        ckan(client, "package_search", rows=1000)
    assert len(more) == len(few)


def test_ckanext_showcase_actions(client, reuse_catalogue):
    listed = ckan(client, "ckanext_showcase_list")
    assert sorted(p["name"] for p in listed) == [
        "showcase--late-tram",
        "showcase--transit-companion",
    ]
    shown = ckan(client, "ckanext_showcase_show", id="showcase--transit-companion")
    assert shown["type"] == "showcase" and shown["num_datasets"] == 2
    assert ckan(client, "ckanext_showcase_show", id=shown["id"])["name"] == shown["name"]
    used = ckan(client, "ckanext_showcase_package_list", showcase_id="showcase--transit-companion")
    assert sorted(p["name"] for p in used) == ["api--departures", "stops"]  # not the withdrawn
    using = ckan(client, "ckanext_package_showcase_list", package_id="stops")
    assert sorted(p["name"] for p in using) == [
        "showcase--late-tram",
        "showcase--transit-companion",
    ]
    by_api = ckan(client, "ckanext_package_showcase_list", package_id="api--departures")
    assert [p["name"] for p in by_api] == ["showcase--transit-companion"]
    error = ckan(client, "ckanext_showcase_show", status=404, id="showcase--draft-idea")
    assert error["__type"] == "Not Found Error"
    error = ckan(client, "ckanext_showcase_package_list", status=409)
    assert error["__type"] == "Validation Error" and "showcase_id" in error
    entry_withdraw(entry_ids=[reuse_catalogue["stops"].pk])
    ckan(client, "ckanext_package_showcase_list", status=404, package_id="stops")


def test_dcat_documents_pass_the_semic_shapes(reuse_catalogue):
    graph = parse(entry_document(reuse_catalogue["app"], "ttl"), "turtle")
    assert violations(graph) == []
    text = entry_document(reuse_catalogue["app"], "ttl")
    assert "schema:SoftwareApplication" in text or "schema.org/SoftwareApplication" in text
    assert text.count("dct:relation") + text.count("terms/relation") >= 1
    assert "old-counts" not in text  # the withdrawn dataset is not related
    export = parse_export_params({}, fmt="ttl", path="/catalog.ttl")
    whole = parse("".join(stream_catalog(export, total=10)), "turtle")
    assert violations(whole) == []


def test_dcat_export_queries_do_not_grow_with_reuses(reuse_catalogue):
    def export_queries() -> int:
        export = parse_export_params({}, fmt="ttl", path="/catalog.ttl")
        with CaptureQueriesContext(connection) as captured:
            "".join(stream_catalog(export, total=20))
        return len(captured)

    few = export_queries()
    uses = [reuse_catalogue["stops"], reuse_catalogue["api"]]
    for i in range(5):
        make_entry("reuse", title=f"More {i}", reuse_kind="research-paper", uses=uses)
    assert export_queries() == few
