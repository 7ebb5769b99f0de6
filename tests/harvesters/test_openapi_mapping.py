"""OpenAPI 3 / Swagger 2 documents and APIs.guru directories → API records; hostile input."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from harvesters.exceptions import PayloadError
from harvesters.openapi.documents import parse_document
from harvesters.openapi.mapping import map_document, map_payload
from harvesters.records import EntryRecord, Page, RecordError

from .jsonish import json_values, objects

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SPEC_URL = "https://specs.example.org/api.json"


def described(relpath: str) -> EntryRecord:
    page = map_payload(parse_document((FIXTURES / relpath).read_bytes()), page_url=SPEC_URL)
    (record,) = page.records
    return record


def test_openapi_3_json_with_oauth_and_test_servers() -> None:
    record = described("api_descriptions/bcgov_bc-data-catalogue_ckan-api_oas3.json")
    assert record.entry_type == "api" and record.api_type == "rest"
    assert record.remote_id == SPEC_URL and record.endpoint_description_url == SPEC_URL
    assert record.title == "BC Data Catalogue API"
    assert record.endpoint_url == "https://catalogue.data.gov.bc.ca/api/3"  # "Production"
    assert record.sandbox_url == "https://cat.data.gov.bc.ca/api/3"  # "Test"
    assert record.authentication == "oauth2"
    assert record.version == "3.0.1"
    assert (record.contact_name, record.contact_email, record.contact_url) == (
        "Data BC",
        "data@gov.bc.ca",
        "http://data.gov.bc.ca/",
    )
    assert record.licence == ""  # the BC licence has no SPDX id: reported, kept
    assert dict(record.extras)["licence"] == "Open Government License - British Columbia"
    assert any(w.startswith("licence:") for w in record.warnings)
    assert dict(record.extras)["specification"] == "OpenAPI 3.0.0"


def test_swagger_2_host_and_base_path() -> None:
    record = described("api_descriptions/bcgov_drivebc-open511_swagger2.json")
    assert record.endpoint_url == "https://api.open511.gov.bc.ca/"
    assert record.authentication == "none"
    assert record.landing_page == "http://api.open511.gov.bc.ca/help"  # externalDocs
    assert dict(record.extras)["specification"] == "Swagger 2.0"


def test_yaml_documents() -> None:
    gwells = described("api_descriptions/bcgov_gwells_oas3.yaml")
    assert gwells.endpoint_url == "https://apps.nrs.gov.bc.ca/gwells/api/v1/"
    assert gwells.authentication == "api-key"  # required apiKey "Bearer"
    assert gwells.version == "v1"
    news = described("api_descriptions/bcgov_news_oas3.yaml")
    assert (news.licence, news.authentication) == ("Apache-2.0", "none")
    mpcm = described("api_descriptions/bcgov_mpcm_oas3.yaml")
    assert mpcm.sandbox_url == "https://test.apps.gov.bc.ca/pub/mpcm/services"


def test_large_document_with_api_key() -> None:
    record = described("api_descriptions/bcgov_route-planner_oas3.json")
    assert record.endpoint_url == "https://router.api.gov.bc.ca/"
    assert record.authentication == "api-key"
    assert int(dict(record.extras)["operations"]) > 10


def test_portal_api_descriptions() -> None:
    explore = described("opendatasoft/eindhoven_explore-v2.0_openapi.yaml")
    assert explore.endpoint_url == "https://data.eindhoven.nl/api/explore/v2.0"
    socrata = described("socrata/metadata_api_openapi.json")
    assert socrata.endpoint_url == "https://evergreen.data.socrata.com"  # host without scheme
    discovery = described("socrata/discovery_api_openapi-3.1.json")
    assert discovery.endpoint_url == ""
    assert any(w.startswith("servers:") for w in discovery.warnings)


def test_apis_guru_directory() -> None:
    payload = json.loads((FIXTURES / "api_descriptions/apis-guru-format_list.json").read_text())
    page = map_payload(payload, page_url="https://example.org/v2/list.json")
    assert len(page.records) == 34 and page.errors == ()
    maps = next(r for r in page.records if r.remote_id == "carto.com:maps")
    assert maps.title == "Maps"
    assert maps.endpoint_description_url == (
        "https://mobidatalab.github.io/mdl-catalog-api/v2/specs/carto.com/maps/1/openapi.json"
    )
    assert maps.publisher is not None and maps.publisher.name == "carto.com"
    assert maps.keywords[:2] == ("location", "maps")
    assert maps.issued == dt.datetime(2024, 3, 19, 13, 51, 4, tzinfo=dt.UTC)
    assert maps.authentication == ""  # only the description document can say


def test_lifecycle_and_sunset() -> None:
    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "Old",
            "version": "1",
            "x-sunset": "2027-01-31",
            "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": "/v1"}],
        "paths": {"/a": {"get": {"deprecated": True}}},
    }
    record = map_document(document, document_url="https://x.org/spec/openapi.json")
    assert isinstance(record, EntryRecord)
    assert (record.lifecycle, record.sunset_date) == ("deprecated", dt.date(2027, 1, 31))
    assert record.endpoint_url == "https://x.org/v1"  # relative to the document
    assert record.licence == "CC-BY-4.0"
    beta = map_document({"openapi": "3.0.0", "info": {"title": "B", "x-status": "beta"}})
    assert isinstance(beta, EntryRecord) and beta.lifecycle == "experimental"


def test_server_variables_and_unusable_servers() -> None:
    document = {
        "openapi": "3.0.0",
        "info": {"title": "T"},
        "servers": [
            {"url": "javascript:alert(1)"},
            {
                "url": "https://{region}.api.example.org/{v}",
                "variables": {"region": {"default": "eu"}, "v": {"default": "v2"}},
            },
        ],
    }
    record = map_document(document)
    assert isinstance(record, EntryRecord)
    assert record.endpoint_url == "https://eu.api.example.org/v2"


def test_missing_title_is_a_record_error() -> None:
    result = map_document({"openapi": "3.0.0", "info": {}}, remote_id="x")
    assert isinstance(result, RecordError) and result.field == "title"


@pytest.mark.parametrize(
    "content",
    [b"", b"- a\n- b", b"{not json: [", b"openapi: 3.0.0\ninfo: {title: [unclosed"],
)
def test_not_a_description(content: bytes) -> None:
    with pytest.raises(PayloadError):
        map_payload(parse_document(content))


def test_yaml_alias_bomb_is_refused() -> None:
    bomb = b"a: &a [x,x,x,x,x,x,x,x,x]\n" + b"".join(
        b"%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n"
        % ((bytes([c]),) * 2 + (bytes([c - 1]),) * 9)
        for c in range(ord("b"), ord("z"))
    )
    with pytest.raises(PayloadError):
        parse_document(bomb)


def test_yaml_never_builds_python_objects() -> None:
    with pytest.raises(PayloadError):
        parse_document(b"!!python/object/apply:os.system ['echo pwned']")


DOCUMENT_KEYS = [
    "openapi",
    "swagger",
    "info",
    "title",
    "version",
    "servers",
    "url",
    "variables",
    "default",
    "host",
    "basePath",
    "schemes",
    "paths",
    "get",
    "deprecated",
    "security",
    "components",
    "securitySchemes",
    "securityDefinitions",
    "type",
    "scheme",
    "in",
    "name",
    "license",
    "identifier",
    "contact",
    "email",
    "x-sunset",
    "x-status",
    "tags",
    "externalDocs",
    "versions",
    "preferred",
    "swaggerUrl",
    "x-origin",
    "x-apisguru-categories",
]


@settings(max_examples=150, deadline=None)
@given(objects(DOCUMENT_KEYS))
def test_any_document_gives_a_record_or_an_error(document: dict[str, Any]) -> None:
    result = map_document(document, document_url="https://x.org/openapi.json")
    assert isinstance(result, EntryRecord | RecordError)


@settings(max_examples=100, deadline=None)
@given(json_values(DOCUMENT_KEYS))
def test_any_payload_gives_a_page_or_a_payload_error(payload: Any) -> None:
    with contextlib.suppress(PayloadError):
        assert isinstance(map_payload(payload, page_url="https://x.org/list.json"), Page)
