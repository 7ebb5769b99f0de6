"""A reuse with a Wagtail image: shown with alternative text, linked from every interface."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images.models import Image

from catalogue.services import entry_update
from entrytypes.reuse.models import Reuse
from interop.standards.catalog_export import entry_document
from tests.api.conftest import assert_matches_openapi
from tests.standards.shacl import parse, violations

pytestmark = [
    pytest.mark.django_db,
    # Wagtail's rendition writer leaves a SpooledTemporaryFile for the garbage collector.
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


def png(name: str) -> ImageFile:
    data = io.BytesIO()
    PILImage.new("RGB", (64, 36), "teal").save(data, "PNG")
    return ImageFile(data, name=name)


@pytest.fixture
def with_image(reuse_catalogue: dict[str, Any], settings: Any, tmp_path: Path) -> Any:
    settings.MEDIA_ROOT = tmp_path
    settings.API_RATE_LIMIT = "off"
    image = Image.objects.create(title="Screenshot", file=png("screen.png"))
    app = reuse_catalogue["app"]
    entry_update(entry=app, data={"image": image})
    app.save_revision().publish()
    return image


def test_image_has_alt_text_from_the_title_or_its_description(client: Client, with_image):
    html = client.get("/reuses/transit-companion/").content.decode()
    tag = re.search(r"<img [^>]*>", html)
    assert tag and 'alt="Transit companion"' in tag.group(0)
    with_image.description = "The departures board of the app"
    with_image.save()
    html = client.get("/reuses/transit-companion/").content.decode()
    tag = re.search(r"<img [^>]*>", html)
    assert tag and 'alt="The departures board of the app"' in tag.group(0)


def test_image_in_api_ckan_dcat_and_schema_org(client: Client, with_image):
    response = client.get("/api/v1/reuses/transit-companion")
    assert_matches_openapi(response, "/api/v1/reuses/{slug}")
    assert response.json()["image_url"].startswith("http://catalogue.test/media/")
    package = client.get(
        "/api/3/action/ckanext_showcase_show", {"id": "showcase--transit-companion"}
    ).json()["result"]
    assert package["image_display_url"].startswith("http://catalogue.test/media/")
    text = entry_document(Reuse.objects.get(slug="transit-companion"), "ttl")
    assert violations(parse(text, "turtle")) == []
    assert "/media/" in text
    html = client.get("/reuses/transit-companion/").content.decode()
    assert '"image":"http://catalogue.test/media/original_images/' in html
