"""Real CKAN clients against the running test server: ckanapi's RemoteCKAN (which POSTs JSON
to ``/api/action/``) and our own CKAN harvester (which GETs keyset-paged package_search).

The harvest test fetches and maps our own catalogue with ``harvesters.ckan`` over real HTTP
and compares every common-core field of the records with the entries they came from. It does
not load the records: loading into the same database would merge them into the very entries
they came from and prove nothing; the mapper's records are what a second catalogue would load.
"""

from __future__ import annotations

import json
from typing import Any

import ckanapi
import pytest

from harvesters.base import HarvestContext
from harvesters.ckan.client import CkanHarvester
from harvesters.ckan.mapping import map_organisation_list, map_package
from harvesters.records import EntryRecord
from interop.ckan_api.ids import object_uuid

pytestmark = pytest.mark.slow


@pytest.fixture
def remote(live_server: Any, live_catalogue: dict[str, Any]) -> ckanapi.RemoteCKAN:
    with ckanapi.RemoteCKAN(live_server.url, user_agent="catalogue-tests") as remote:
        yield remote


def test_ckanapi_reads_packages_facets_and_organisations(remote, live_catalogue):
    found = remote.action.package_search(
        fq='organization:"city-of-ghent" +tags:mobility',
        rows=10,
        **{"facet.field": json.dumps(["res_format", "tags"])},
    )
    assert found["count"] == 2
    assert {p["name"] for p in found["results"]} == {"bicycle-counts", "api--parking"}
    assert found["search_facets"]["res_format"]["items"] == [
        {"name": "CSV", "display_name": "CSV", "count": 1},
        {"name": "JSON", "display_name": "JSON", "count": 1},
    ]
    package = remote.action.package_show(id="bicycle-counts")
    assert package["id"] == object_uuid("entry", live_catalogue["bikes"].pk)
    assert [r["format"] for r in package["resources"]] == ["CSV", "JSON"]
    orgs = remote.action.organization_list(all_fields=True)
    assert [(o["name"], o["package_count"]) for o in orgs] == [
        ("city-of-ghent", 3),
        ("ghent-university", 1),
    ]
    assert remote.action.organization_show(id="ghent-university")["title"] == "Ghent University"
    assert "mobility" in remote.action.tag_list()
    assert remote.action.package_list() == [
        "air-quality",
        "api--parking",
        "bicycle-counts",
        "bicycle-survey",
    ]
    assert remote.action.status_show()["ckan_version"].startswith("2.")


def test_ckanapi_raises_its_own_exceptions_on_our_errors(remote):
    with pytest.raises(ckanapi.NotFound):
        remote.action.package_show(id="no-such-dataset")
    with pytest.raises(ckanapi.ValidationError) as error:
        remote.action.package_search(rows=10**9)
    assert "rows" in error.value.error_dict
    with pytest.raises(ckanapi.ValidationError):
        remote.action.package_search(fq="organization:x OR *:*")
    with pytest.raises(ckanapi.CKANAPIError):
        remote.action.package_delete(id="bicycle-counts")


def test_ckanapi_get_only_client(live_server, live_catalogue):
    with ckanapi.RemoteCKAN(live_server.url, get_only=True) as remote:
        assert remote.action.package_search(q="survey")["count"] == 1


def test_our_ckan_harvester_maps_our_catalogue_back_to_the_same_core(
    live_server, live_catalogue, settings
):
    settings.HARVEST_ALLOW_PRIVATE_ADDRESSES = True  # the live server listens on 127.0.0.1
    harvester = CkanHarvester(
        HarvestContext(source_url=live_server.url, options={"rows": 2})  # 2: several pages
    )
    pages = list(harvester.pages())
    assert len(pages) >= 2  # keyset paging through fq=metadata_modified:[... TO *]
    records = {r.title: r for _url, page in pages for r in page.records}
    assert not [e for _url, page in pages for e in page.errors]
    # Our harvester takes CKAN packages of type "dataset" only: the API is left out.
    assert set(records) == {"Bicycle counts", "Air quality measurements", "Bicycle survey 2023"}

    bikes, record = live_catalogue["bikes"], records["Bicycle counts"]
    assert record.remote_id == object_uuid("entry", bikes.pk)
    assert record.description == "Counts from 20 posts."
    assert record.identifier == bikes.identifier
    assert record.landing_page == bikes.landing_page
    assert record.publisher is not None
    assert record.publisher.name == "City of Ghent"
    assert record.publisher.remote_id == "city-of-ghent"
    assert (record.contact_name, record.contact_email) == (
        "Mobility desk",
        "mobility@ghent.example",
    )
    assert record.keywords == ("mobility", "bicycles")
    assert record.themes == ("TRAN",)
    assert record.licence == "CC-BY-4.0"
    assert record.access_rights == "public"
    assert record.countries == ("BE",)
    assert record.languages == ("nl",)
    assert record.spatial_label == "Ghent"
    assert (record.temporal_start, record.temporal_end) == (
        bikes.temporal_start,
        bikes.temporal_end,
    )
    assert record.issued == bikes.issued
    assert record.modified == bikes.modified
    assert record.frequency == "DAILY"
    assert [
        (d.title, d.format, d.download_url or d.access_url, d.byte_size)
        for d in record.distributions
    ] == [
        ("Counts (CSV)", "CSV", "https://data.ghent.example/bicycle-counts.csv", 1234),
        ("Counts (JSON)", "JSON", "https://data.ghent.example/bicycle-counts.json", None),
    ]
    assert records["Air quality measurements"].licence == "CC0-1.0"
    assert records["Air quality measurements"].themes == ("ENVI",)


def test_our_mapper_reads_package_show_and_organization_list(client, ckan_catalogue):
    package = client.get("/api/3/action/package_show", {"id": "air-quality"}).json()["result"]
    record = map_package(package, site_url="http://testserver")
    assert isinstance(record, EntryRecord)
    assert record.title == "Air quality measurements"
    assert record.remote_url == "http://testserver/dataset/air-quality"
    orgs = client.get("/api/3/action/organization_list", {"all_fields": "true"}).json()
    assert [o.name for o in map_organisation_list(orgs)] == ["City of Ghent", "Ghent University"]
