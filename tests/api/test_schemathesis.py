"""Schemathesis fuzzes the live server from the OpenAPI document and finds no failure.

Every operation gets generated parameters (positive and negative) and each response is
checked: no 5xx, a documented status and content type, a body valid against its schema,
documented headers present, invalid input rejected, writes refused with 405.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from catalogue.models import Distribution, Licence
from catalogue.services import entry_create
from interop.api.openapi import build_openapi
from tests.factories import make_organisation, theme

MAX_EXAMPLES = 10


@pytest.fixture
def live_catalogue(live_server: Any, transactional_db: Any, settings: Any, request: Any) -> str:
    """A live server; lists and search get one linked entry of each type to describe.

    Detail operations are fuzzed with generated slugs (404s), so they skip the data, which
    keeps the whole run well under a minute.
    """
    settings.API_RATE_LIMIT = "off"
    if "{slug}" in request.node.nodeid or "openapi" in request.node.nodeid:
        return str(live_server.url)
    org = make_organisation(name="Transport authority", slug="transport-authority")
    common: dict[str, Any] = {
        "publisher": org,
        "publish": True,
        "themes": [theme("TRAN")],
        "licence": Licence.objects.get(spdx_id="CC-BY-4.0"),
    }
    dataset = entry_create(entry_type="dataset", title="Bus stops", **common)
    Distribution.objects.create(entry=dataset, format="CSV", download_url="https://e.org/a.csv")
    entry_create(
        entry_type="api",
        title="Departures API",
        serves_datasets=[dataset],
        api_type="rest",
        **common,
    )
    entry_create(entry_type="ppp", title="Tramway concession", sector="transport", **common)
    entry_create(
        entry_type="challenge", title="Mobility challenge", offered_resources=[dataset], **common
    )
    return str(live_server.url)


# The document is built in-process (the same one /api/openapi.json serves, checked below);
# schemathesis' lazy fixture loader does not work with this pytest version.
schema = schemathesis.openapi.from_dict(build_openapi())


def test_served_document_is_the_one_fuzzed(client: Any, db: Any) -> None:
    assert client.get("/api/openapi.json").json() == build_openapi()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_live_api_conforms_to_its_openapi_document(case: Any, live_catalogue: str) -> None:
    excluded = []
    if case.path == "/api/v1/search":
        # Search pages stop at the 10,000th result, so the largest page depends on page_size
        # (page x page_size <= 10,000), which OpenAPI cannot say. The document states the
        # bound that always holds (100); the server also accepts deeper pages of smaller
        # size, as the HTML search does. test_bad_input covers the real limits.
        excluded.append(negative_data_rejection)
    response = case.call(base_url=live_catalogue)
    if response.status_code == 414:
        # The web server refused an address longer than it reads (documented in the OpenAPI
        # responses): a rejection, though not one of the codes this check lists.
        excluded.append(negative_data_rejection)
    case.validate_response(response, excluded_checks=excluded)
