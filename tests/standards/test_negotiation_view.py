"""Content negotiation on entry URLs: RDF clients reach the entry's RDF, people get HTML."""

from __future__ import annotations

import pytest

from tests.factories import make_entry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json", "application/rdf+xml"])
def test_rdf_clients_are_sent_to_the_rdf_document(client, accept):
    entry = make_entry("dataset", title="Negotiated dataset")
    response = client.get(entry.get_absolute_url(), HTTP_ACCEPT=accept)
    assert response.status_code == 303
    assert response["Location"].startswith(entry.get_absolute_url().rstrip("/"))
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert (
        "Negotiated dataset"
        in b"".join(getattr(followed, "streaming_content", [followed.content])).decode()
    )


def test_browsers_get_html_that_varies_on_accept(client):
    entry = make_entry("dataset", title="Negotiated dataset")
    response = client.get(entry.get_absolute_url(), HTTP_ACCEPT="text/html,*/*;q=0.8")
    assert response.status_code == 200
    assert "Accept" in response["Vary"]
