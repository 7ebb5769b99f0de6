"""CKAN API errors follow the request language (issue 10), in CKAN's envelope: the same
``__type`` and field lists a CKAN client reads, the message in the client's language."""

from __future__ import annotations

from typing import Any

import ckanapi
import pytest
import requests

pytestmark = pytest.mark.django_db


def test_a_validation_error_in_french_keeps_ckans_shape(client) -> None:
    response = client.get("/api/3/action/package_search?rows=x", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 409
    body = response.json()
    assert body["success"] is False
    assert body["error"]["__type"] == "Validation Error"
    assert body["error"]["message"] == "Entier invalide : rows"
    assert body["error"]["rows"] == ["Entier invalide : rows"]
    english = client.get("/api/3/action/package_search?rows=x", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["error"]["message"] == "Invalid integer: rows"


def test_not_found_and_unknown_actions_in_french(client) -> None:
    missing = client.get("/api/3/action/package_show", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert missing["error"] == {
        "__type": "Validation Error",
        "message": "Valeur manquante",
        "id": ["Valeur manquante"],
    }
    unknown = client.get("/api/3/action/no_such_action", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert unknown["error"]["message"].startswith("Requête invalide - Nom d'action inconnu")
    query = client.get("/api/3/action/package_search?q=ti*le:x", HTTP_ACCEPT_LANGUAGE="fr")
    assert "Syntaxe de requête non prise en charge dans q" in query.json()["error"]["message"]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ckanapi_reads_the_french_message(live_server: Any) -> None:
    session = requests.Session()
    session.headers["Accept-Language"] = "fr"
    with (
        ckanapi.RemoteCKAN(live_server.url, session=session) as remote,
        pytest.raises(ckanapi.ValidationError) as error,
    ):
        remote.action.package_search(rows="x")
    assert error.value.error_dict["rows"] == ["Entier invalide : rows"]
