"""Each endpoint answers what a client needs, in the shape the OpenAPI document promises."""

from __future__ import annotations

from typing import Any

import pytest

from catalogue.registry import entry_types
from interop.api.openapi_registry import openapi_parts

from .conftest import assert_matches_openapi

pytestmark = pytest.mark.django_db


def test_dataset_detail_has_every_field_and_links(client: Any, linked_catalogue: dict) -> None:
    dataset = linked_catalogue["dataset"]
    response = client.get(f"/api/v1/datasets/{dataset.slug}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert_matches_openapi(response, "/api/v1/datasets/{slug}")
    data = response.json()
    assert data["title"] == "Bus stops of the metropolitan area"
    assert data["licence"]["spdx_id"] == "CC-BY-4.0"
    assert data["access_rights"] == "public"
    assert data["provenance"]["origin"] == "manual"
    assert data["publisher"]["slug"] == "ministry-of-transport"
    assert [t["code"] for t in data["themes"]] == ["TRAN"]
    assert data["countries"] == [{"code": "FR", "name": data["countries"][0]["name"]}]
    assert data["distributions"][0]["format"] == "CSV"
    assert data["distributions"][0]["byte_size"] == 1234
    assert data["temporal"]["start"] == "2020-01-01"
    # The API that serves it is linked back; the URL is absolute and resolves.
    assert [ref["slug"] for ref in data["served_by"]] == [linked_catalogue["api"].slug]
    assert data["url"].startswith("http://testserver/datasets/")
    assert client.get(data["api_url"]).status_code == 200


def test_api_detail_links_only_published_datasets(client: Any, linked_catalogue: dict) -> None:
    response = client.get(f"/api/v1/apis/{linked_catalogue['api'].slug}")
    assert_matches_openapi(response, "/api/v1/apis/{slug}")
    data = response.json()
    assert (data["api_type"], data["authentication"]) == ("rest", "api-key")
    # The draft dataset it also serves stays hidden.
    assert [ref["slug"] for ref in data["serves_datasets"]] == [linked_catalogue["dataset"].slug]


def test_ppp_detail_has_partners_milestones_risks(client: Any, linked_catalogue: dict) -> None:
    response = client.get(f"/api/v1/ppp-projects/{linked_catalogue['ppp'].slug}")
    assert_matches_openapi(response, "/api/v1/ppp-projects/{slug}")
    data = response.json()
    assert data["total_investment"] == "123456789012.50"  # no float rounding
    assert data["partners"][0]["organisation"]["slug"] == "buildco"
    assert data["partners"][0]["role"] == "operator"
    assert data["milestones"][0] == {
        "kind": "award",
        "date": "2023-05-01",
        "planned": False,
        "note": None,
    }
    assert data["risks"][0]["allocation"] == "shared"
    assert data["documents"][0]["title"] == "Contract"
    assert data["public_authority"]["slug"] == "ministry-of-transport"
    assert data["related_datasets"][0]["type"] == "dataset"


def test_challenge_detail_has_prizes_criteria_phases_winners(
    client: Any, linked_catalogue: dict
) -> None:
    response = client.get(f"/api/v1/challenges/{linked_catalogue['challenge'].slug}")
    assert_matches_openapi(response, "/api/v1/challenges/{slug}")
    data = response.json()
    assert data["challenge_status"] == "open"
    assert data["prizes"][0]["amount"] == "10000.00"
    assert data["criteria"][0] == {"name": "Impact", "weight": 60, "description": None}
    assert data["phases"][0]["starts_on"] == "2024-01-01"
    assert data["winners"][0]["organisation"]["slug"] == "city-university"
    assert {r["type"] for r in data["offered_resources"]} == {"dataset", "api"}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/datasets/no-such-thing",
        "/api/v1/apis/nope",
        "/api/v1/organisations/nope",
        "/api/v1/themes/nope",
        "/api/v1/unknown-type/x",
        "/api/v1/datasets/a/b/c",
    ],
)
def test_unknown_addresses_answer_json_404(client: Any, db: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"]["message"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_unpublished_and_withdrawn_entries_are_404(client: Any, linked_catalogue: dict) -> None:
    from catalogue.services import entry_withdraw

    assert client.get(f"/api/v1/datasets/{linked_catalogue['draft'].slug}").status_code == 404
    entry_withdraw(entry_ids=[linked_catalogue["api"].pk])
    response = client.get(f"/api/v1/apis/{linked_catalogue['api'].slug}")
    assert response.status_code == 404
    assert_matches_openapi(response, "/api/v1/apis/{slug}")


def test_entry_lists_filter_and_page(client: Any, linked_catalogue: dict) -> None:
    from tests.factories import make_entry

    for n in range(3):
        make_entry("dataset", title=f"Extra dataset {n}", publisher=linked_catalogue["builder"])
    response = client.get("/api/v1/datasets", {"page_size": 2})
    assert_matches_openapi(response, "/api/v1/datasets")
    data = response.json()
    assert data["count"] == 4  # the draft is not listed
    assert len(data["results"]) == 2
    assert data["links"]["previous"] is None
    second = client.get(data["links"]["next"]).json()
    assert second["page"] == 2 and second["links"]["next"] is None
    assert "page_size=2" in second["links"]["previous"]
    seen = {r["slug"] for r in data["results"] + second["results"]}
    assert len(seen) == 4

    by_org = client.get("/api/v1/datasets", {"organisation": "ministry-of-transport"}).json()
    assert [r["slug"] for r in by_org["results"]] == [linked_catalogue["dataset"].slug]
    assert by_org["results"][0]["formats"] == ["CSV"]
    by_theme = client.get("/api/v1/datasets", {"theme": ["TRAN", "no-such-theme"]}).json()
    assert by_theme["count"] == 1
    by_slug = client.get("/api/v1/datasets", {"theme": "transport"}).json()
    assert by_slug["count"] == 1
    assert client.get("/api/v1/datasets", {"licence": "CC-BY-4.0"}).json()["count"] == 4
    assert client.get("/api/v1/datasets", {"licence": "MIT"}).json()["count"] == 0
    assert client.get("/api/v1/datasets", {"country": "fr"}).json()["count"] == 1
    assert client.get("/api/v1/datasets", {"modified_since": "2999-01-01"}).json()["count"] == 0
    assert (
        client.get("/api/v1/datasets", {"modified_since": "2000-01-01T00:00:00Z"}).json()["count"]
        == 4
    )


def test_organisation_filter_includes_partners(client: Any, linked_catalogue: dict) -> None:
    data = client.get("/api/v1/ppp-projects", {"organisation": "buildco"}).json()
    assert [r["slug"] for r in data["results"]] == [linked_catalogue["ppp"].slug]
    assert data["results"][0]["sector"] == "transport"
    challenges = client.get("/api/v1/challenges").json()
    assert challenges["results"][0]["challenge_status"] == "open"
    apis = client.get("/api/v1/apis")
    assert_matches_openapi(apis, "/api/v1/apis")
    assert apis.json()["results"][0]["lifecycle"] == "production"
    assert_matches_openapi(client.get("/api/v1/ppp-projects"), "/api/v1/ppp-projects")
    assert_matches_openapi(client.get("/api/v1/challenges"), "/api/v1/challenges")


def test_organisations(client: Any, linked_catalogue: dict) -> None:
    response = client.get("/api/v1/organisations")
    assert_matches_openapi(response, "/api/v1/organisations")
    names = [o["name"] for o in response.json()["results"]]
    assert names == sorted(names)
    ministry = next(o for o in response.json()["results"] if o["slug"] == "ministry-of-transport")
    assert ministry["entry_count"] == 4 and ministry["country"] == "FR"
    kinds = client.get("/api/v1/organisations", {"kind": "business"}).json()
    assert [o["slug"] for o in kinds["results"]] == ["buildco"]

    detail = client.get("/api/v1/organisations/buildco")
    assert_matches_openapi(detail, "/api/v1/organisations/{slug}")
    data = detail.json()
    assert data["counts"] == {**{spec.key: 0 for spec in entry_types}, "ppp": 1}
    listed = client.get(data["entries"]["ppp_projects"]).json()
    assert listed["count"] == 1


def test_themes(client: Any, linked_catalogue: dict) -> None:
    response = client.get("/api/v1/themes", {"page_size": 100})
    assert_matches_openapi(response, "/api/v1/themes")
    data = response.json()
    assert data["count"] == 30  # 13 EU data themes and 17 SDGs
    transport = next(t for t in data["results"] if t["code"] == "TRAN")
    assert transport["entry_count"] == 1
    sdgs = client.get("/api/v1/themes", {"scheme": "sdg", "page_size": 100}).json()
    assert sdgs["count"] == 17
    detail = client.get(f"/api/v1/themes/{transport['slug']}")
    assert_matches_openapi(detail, "/api/v1/themes/{slug}")
    assert detail.json()["counts"]["dataset"] == 1


def test_search_answers_with_results_facets_and_links(client: Any, linked_catalogue: dict) -> None:
    response = client.get("/api/v1/search", {"q": "bus stops", "page_size": 1})
    assert response.status_code == 200
    assert_matches_openapi(response, "/api/v1/search")
    data = response.json()
    assert data["count"] >= 1
    assert data["results"][0]["slug"] == linked_catalogue["dataset"].slug
    assert data["results"][0]["api_url"].endswith(f"/api/v1/datasets/{data['results'][0]['slug']}")
    assert set(data["facets"]) >= {"type", "organisation", "theme", "licence"}
    type_counts = {v["value"]: v["count"] for v in data["facets"]["type"]}
    assert type_counts.get("dataset") == 1

    everything = client.get("/api/v1/search", {"page_size": 2}).json()
    assert everything["count"] == 4
    assert everything["links"]["next"].endswith("page=2&page_size=2")
    only_apis = client.get("/api/v1/search", {"type": "api"}).json()
    assert [r["type"] for r in only_apis["results"]] == ["api"]
    assert client.get("/api/v1/search", {"organisation": "nobody"}).json()["count"] == 0


def test_openapi_document_and_docs_page(client: Any, db: Any) -> None:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    assert doc["openapi"].startswith("3.1")
    assert {
        "/api/v1/search",
        "/api/v1/datasets",
        "/api/v1/datasets/{slug}",
        "/api/v1/organisations",
        "/api/v1/themes/{slug}",
    } <= set(doc["paths"])
    participation_tags = {part.tag for part in openapi_parts()}
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            # The read API's token bucket covers its own operations; participation's parts
            # (registered tags) limit posting through the posting rule, documented per
            # operation and checked against the live server by schemathesis.
            if not set(operation["tags"]) & participation_tags:
                assert "429" in responses, (method, path)
            if "{slug}" in path:
                assert "404" in responses, (method, path)
    page = client.get("/api/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'href="/api/openapi.json"' in html
    assert "<table>" in html and "/api/v1/search" in html
