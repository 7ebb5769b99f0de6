"""The CKAN Action API through Django's test client: shapes, filters, facets, bad input."""

from __future__ import annotations

import json
from typing import Any

import pytest

from interop.ckan_api.ids import object_uuid

pytestmark = pytest.mark.django_db

BASE = "/api/3/action/"


def call(client: Any, action: str, status: int = 200, **params: Any) -> dict[str, Any]:
    response = client.get(BASE + action, params)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["help"].endswith(f"help_show?name={action}") or status != 200
    return body


def result(client: Any, action: str, **params: Any) -> Any:
    body = call(client, action, **params)
    assert body["success"] is True
    return body["result"]


def names(packages: list[dict[str, Any]]) -> list[str]:
    return [p["name"] for p in packages]


def test_package_search_lists_public_datasets_and_apis_newest_first(client, ckan_catalogue):
    found = result(client, "package_search", rows=100)
    assert found["count"] == 4
    assert names(found["results"]) == [
        "air-quality",
        "bicycle-counts",
        "api--parking",
        "bicycle-survey",
    ]
    assert found["sort"] == "score desc, metadata_modified desc"


def test_package_show_maps_a_dataset_onto_ckans_package(client, ckan_catalogue):
    package = result(client, "package_show", id="bicycle-counts")
    bikes = ckan_catalogue["bikes"]
    assert package["id"] == object_uuid("entry", bikes.pk)
    assert package["type"] == "dataset"
    assert package["title"] == "Bicycle counts"
    assert package["notes"] == "Counts from 20 posts."
    assert package["license_id"] == "CC-BY-4.0"
    assert package["isopen"] is True
    assert package["organization"]["name"] == "city-of-ghent"
    assert package["owner_org"] == package["organization"]["id"]
    assert [t["name"] for t in package["tags"]] == ["mobility", "bicycles"]
    assert [g["name"] for g in package["groups"]] == [bikes.themes.get().slug]
    assert package["maintainer_email"] == "mobility@ghent.example"
    assert package["url"] == "https://data.ghent.example/bicycle-counts"
    csv, json_ = package["resources"]
    assert (csv["format"], csv["url"], csv["size"], csv["mimetype"]) == (
        "CSV",
        "https://data.ghent.example/bicycle-counts.csv",
        1234,
        "text/csv",
    )
    assert json_["url"] == "https://data.ghent.example/bicycle-counts.json"
    assert package["num_resources"] == 2
    extras = {e["key"]: e["value"] for e in package["extras"]}
    assert extras["identifier"] == "https://data.ghent.example/id/bicycle-counts"
    assert extras["frequency"] == "DAILY"
    assert package["metadata_modified"] == bikes.modified.replace(tzinfo=None).isoformat()
    # by id too
    assert result(client, "package_show", id=package["id"])["name"] == "bicycle-counts"


def test_api_is_a_package_of_type_api_with_endpoint_and_spec_resources(client, ckan_catalogue):
    package = result(client, "package_show", id="api--parking")
    assert package["type"] == "api"
    assert [(r["resource_type"], r["url"], r["format"]) for r in package["resources"]] == [
        ("api-endpoint", "https://api.ghent.example/parking/v1", "API"),
        ("api-description", "https://api.ghent.example/parking/openapi.json", "OpenAPI"),
    ]
    extras = {e["key"]: e["value"] for e in package["extras"]}
    assert extras["authentication"] == "api-key"


@pytest.mark.parametrize("name", ["draft", "gone", "mobility", "nope", "api--nope", "parking"])
def test_package_show_hides_what_is_not_a_public_package(client, ckan_catalogue, name):
    body = call(client, "package_show", status=404, id=name)
    assert body["success"] is False
    assert body["error"]["__type"] == "Not Found Error"


def test_package_show_without_id_is_a_validation_error(client, ckan_catalogue):
    body = call(client, "package_show", status=409)
    assert body["error"]["__type"] == "Validation Error"
    assert body["error"]["id"] == ["Missing value"]


@pytest.mark.parametrize(
    ("fq", "expected"),
    [
        ("organization:ghent-university", ["bicycle-survey"]),
        ('organization:"city-of-ghent" res_format:CSV', ["air-quality", "bicycle-counts"]),
        ("tags:mobility AND tags:bicycles", ["bicycle-counts"]),
        ('tags:"mobility"', ["bicycle-counts", "api--parking", "bicycle-survey"]),
        ("license_id:CC0-1.0", ["air-quality"]),
        ("+dataset_type:api", ["api--parking"]),
        ("res_format:json", ["bicycle-counts"]),
        ("(organization:city-of-ghent) AND (tags:mobility)", ["bicycle-counts", "api--parking"]),
        ("tags:nothing-like-this", []),
        ("organization:x AND name:y", []),
    ],
)
def test_fq_filters(client, ckan_catalogue, fq, expected):
    assert names(result(client, "package_search", fq=fq)["results"]) == expected


def test_fq_on_organization_id_and_modified_range(client, ckan_catalogue):
    uni_id = object_uuid("organisation", ckan_catalogue["uni"].pk)
    assert names(result(client, "package_search", fq=f"owner_org:{uni_id}")["results"]) == [
        "bicycle-survey"
    ]
    bound = ckan_catalogue["api"].modified.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    found = result(
        client,
        "package_search",
        fq=f"metadata_modified:[{bound} TO *]",
        sort="metadata_modified asc,id asc",
    )
    assert names(found["results"]) == ["api--parking", "bicycle-counts", "air-quality"]


def test_q_matches_words_and_field_clauses(client, ckan_catalogue):
    # Ranked by bm25 relevance (CKAN's "score desc"), so only the set is fixed here.
    assert sorted(names(result(client, "package_search", q="bicycle")["results"])) == [
        "bicycle-counts",
        "bicycle-survey",
    ]
    assert names(
        result(client, "package_search", q='bicycle organization:"ghent-university"')["results"]
    ) == ["bicycle-survey"]
    assert result(client, "package_search", q="*:*")["count"] == 4
    # Solr syntax we cannot honour is refused, never a silent count of 0
    body = call(client, "package_search", status=409, q="title:{!xmlparser v='x'}")
    assert body["error"]["__type"] == "Search Error"
    assert body["error"]["message"].startswith("Search error: ")  # CKAN's, ckanapi strips it
    assert (
        "unknown field secret"
        in call(client, "package_search", status=409, q="secret:x OR a")["error"]["message"]
    )


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("tags:(air OR survey)", {"air-quality", "bicycle-survey"}),
        ("name:bicycle-counts OR name:api--parking", {"bicycle-counts", "api--parking"}),
        ("notes:posts OR type:api", {"bicycle-counts", "api--parking"}),
        ('text:"quality measurements" OR res_format:json', {"air-quality", "bicycle-counts"}),
        ("+bicycle -groups:transport", {"bicycle-survey"}),
        ("license_id:cc0-1.0 OR dataset_type:nothing", {"air-quality"}),
    ],
)
def test_q_expressions_on_every_filter_field(client, ckan_catalogue, q, expected):
    assert set(names(result(client, "package_search", q=q, rows=10)["results"])) == expected


def test_q_organization_by_id_inside_an_expression(client, ckan_catalogue):
    uni = object_uuid("organisation", ckan_catalogue["uni"].pk)
    found = result(client, "package_search", q=f'owner_org:"{uni}" OR title:air')["results"]
    assert set(names(found)) == {"bicycle-survey", "air-quality"}


def test_rows_start_and_sort(client, ckan_catalogue):
    page = result(client, "package_search", rows=2, start=1, sort="name asc")
    assert page["count"] == 4
    assert names(page["results"]) == ["api--parking", "bicycle-counts"]  # by the name returned
    titles = names(result(client, "package_search", sort="title_string desc", rows=4)["results"])
    assert titles == ["api--parking", "bicycle-survey", "bicycle-counts", "air-quality"]


def test_facets_in_ckans_two_shapes(client, ckan_catalogue):
    found = result(
        client,
        "package_search",
        **{
            "facet.field": json.dumps(
                ["organization", "tags", "res_format", "license_id", "dataset_type"]
            ),
            "rows": 0,
        },
    )
    assert found["results"] == []
    assert found["facets"]["organization"] == {"city-of-ghent": 3, "ghent-university": 1}
    assert found["facets"]["tags"]["mobility"] == 3
    assert found["facets"]["res_format"] == {"CSV": 2, "JSON": 1}
    assert found["facets"]["license_id"] == {"CC-BY-4.0": 3, "CC0-1.0": 1}
    assert found["facets"]["dataset_type"] == {"dataset": 3, "api": 1}
    org_items = found["search_facets"]["organization"]
    assert org_items["title"] == "organization"
    assert org_items["items"][0] == {
        "name": "city-of-ghent",
        "display_name": "City of Ghent",
        "count": 3,
    }
    limited = result(client, "package_search", **{"facet.field": '["tags"]', "facet.limit": 1})
    assert limited["facets"]["tags"] == {"mobility": 3}


def test_package_search_queries_do_not_grow_with_rows(
    client, ckan_catalogue, django_assert_max_num_queries
):
    result(client, "package_search", rows=1)  # builds the search backend's per-process bitmaps
    with django_assert_max_num_queries(9):
        result(client, "package_search", rows=1000)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"rows": "1000000000"}, "rows"),
        ({"rows": "-1"}, "rows"),
        ({"rows": "ten"}, "rows"),
        ({"start": "-5"}, "start"),
        ({"sort": "title; DROP TABLE catalogue_entry"}, "sort"),
        ({"sort": "metadata_modified sideways"}, "sort"),
        ({"fq": "organization:x OR 1=1"}, "fq"),
        ({"fq": "organization:x' OR '1'='1"}, "fq"),
        ({"fq": "{!join from=id to=id}*:*"}, "fq"),
        ({"fq": '_query_:"{!dismax}x"'}, "fq"),
        ({"fq": "secret_field:1"}, "fq"),
        ({"fq": "tags:a)"}, "fq"),
        ({"fq": "tags:[a TO z]"}, "fq"),
        ({"fq": "metadata_modified:[yesterday TO *]"}, "fq"),
        ({"fq": "x" * 3000}, "fq"),
        ({"facet.field": "organization"}, "facet.field"),
        ({"facet.field": '["password"]'}, "facet.field"),
        ({"facet.limit": "99999999"}, "facet.limit"),
    ],
)
def test_hostile_search_parameters_get_ckans_validation_error(
    client, ckan_catalogue, params, field
):
    body = call(client, "package_search", status=409, **params)
    assert body["success"] is False
    assert body["error"]["__type"] == "Validation Error"
    assert field in body["error"]
    assert body["error"]["message"]


def test_unknown_action_is_a_400_ckan_error(client, db):
    body = call(client, "package_create", status=400)
    assert body["success"] is False
    assert "Action name not known" in body["error"]["message"]
    assert call(client, "x" * 500, status=400)["success"] is False


def test_post_with_a_json_body_and_bad_bodies(client, ckan_catalogue):
    response = client.post(
        BASE + "package_search",
        data=json.dumps({"fq": "tags:survey", "rows": 5}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert names(response.json()["result"]["results"]) == ["bicycle-survey"]
    for body in ("[1, 2]", "{not json", '"x"'):
        response = client.post(BASE + "package_search", data=body, content_type="application/json")
        assert response.status_code == 400
        assert response.json()["success"] is False
    response = client.post(
        BASE + "package_search",
        data=json.dumps({"rows": [1], "q": {"a": 1}}),
        content_type="application/json",
    )
    assert response.status_code == 409


def test_package_list_and_unversioned_alias(client, ckan_catalogue):
    assert result(client, "package_list") == [
        "air-quality",
        "api--parking",
        "bicycle-counts",
        "bicycle-survey",
    ]
    assert result(client, "package_list", limit=2, offset=1) == ["api--parking", "bicycle-counts"]
    response = client.get("/api/action/package_list")
    assert response.json()["result"][0] == "air-quality"


def test_organization_list_and_show(client, ckan_catalogue):
    assert result(client, "organization_list") == ["city-of-ghent", "ghent-university"]
    full = result(client, "organization_list", all_fields="true")
    assert [(o["name"], o["title"], o["package_count"]) for o in full] == [
        ("city-of-ghent", "City of Ghent", 3),
        ("ghent-university", "Ghent University", 1),
    ]
    by_count = result(client, "organization_list", sort="package_count desc")
    assert by_count[0] == "city-of-ghent"
    shown = result(client, "organization_show", id="ghent-university", include_datasets="true")
    assert shown["package_count"] == 1
    assert names(shown["packages"]) == ["bicycle-survey"]
    assert result(client, "organization_show", id=shown["id"])["name"] == "ghent-university"
    assert call(client, "organization_show", status=404, id="nobody")["error"]["__type"] == (
        "Not Found Error"
    )
    assert call(client, "organization_list", status=409, sort="password")["success"] is False


def test_tag_list_and_status_show(client, ckan_catalogue):
    tags = result(client, "tag_list")
    assert tags == sorted(tags)
    assert {"mobility", "bicycles", "air", "parking", "survey"} <= set(tags)
    assert result(client, "tag_list", query="bic") == ["bicycles"]
    assert result(client, "tag_list", query="%") == []
    status = result(client, "status_show")
    assert status["ckan_version"].startswith("2.")
    assert status["site_url"] == "http://testserver"
