"""The actions a CKAN client expects beyond search (issue 10), against a live server with real
clients: ckanapi's RemoteCKAN, the ``ckanapi dump`` command line and plain requests (CORS,
the ``help`` links, Solr syntax in ``q``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import ckanapi
import pytest
import requests

from interop.ckan_api.actions import ACTIONS
from interop.ckan_api.ids import object_uuid
from interop.ckan_api.parts import ckan_parts

pytestmark = pytest.mark.slow

CKANAPI = str(Path(sys.executable).with_name("ckanapi"))


@pytest.fixture
def remote(live_server: Any, live_catalogue: dict[str, Any]) -> ckanapi.RemoteCKAN:
    with ckanapi.RemoteCKAN(live_server.url, user_agent="catalogue-tests") as remote:
        yield remote


def test_groups_resources_tags_licences_and_autocompletes(remote, live_catalogue, live_server):
    groups = remote.action.group_list(all_fields=True)
    by_name = {g["name"]: g for g in groups}
    assert len(groups) == 25  # CKAN's all_fields maximum (30 themes)
    [transport] = remote.action.group_list(all_fields=True, groups=["transport"])
    assert (transport["title"], transport["package_count"]) == ("Transport", 1)
    assert transport["type"] == "group" and transport["is_organization"] is False
    assert remote.action.group_list(limit=2, offset=1) == remote.action.group_list()[1:3]
    shown = remote.action.group_show(id=transport["name"], include_datasets=True)
    assert [p["name"] for p in shown["packages"]] == ["bicycle-counts"]
    assert remote.action.group_show(id=transport["id"])["name"] == transport["name"]
    assert set(by_name) <= set(remote.action.group_list(limit=1000))
    with pytest.raises(ckanapi.NotFound):
        remote.action.group_show(id="no-such-group")

    api = remote.action.package_show(id="api--parking")
    for package in (api, remote.action.package_show(id="bicycle-counts")):
        assert package["creator_user_id"] is None
        for resource in package["resources"]:
            assert uuid.UUID(resource["id"])
            assert resource["package_id"] == package["id"]
            for key in ("url", "format", "name", "description", "mimetype", "created"):
                assert key in resource
            assert "last_modified" in resource and "position" in resource
            assert remote.action.resource_show(id=resource["id"]) == resource
        for tag in package["tags"]:
            assert uuid.UUID(tag["id"])
    # Stable: the same ids on the next read.
    assert remote.action.package_show(id="api--parking")["resources"] == api["resources"]
    with pytest.raises(ckanapi.NotFound):
        remote.action.resource_show(id=str(uuid.uuid4()))

    tag = remote.action.tag_show(id="mobility", include_datasets=True)
    assert len(tag["packages"]) == 3
    assert remote.action.tag_show(id=tag["id"])["name"] == "mobility"
    with pytest.raises(ckanapi.NotFound):
        remote.action.tag_show(id="no-such-tag")

    licences = remote.action.license_list()
    assert {"id": "CC0-1.0", "is_okd_compliant": True}.items() <= next(
        lic for lic in licences if lic["id"] == "CC0-1.0"
    ).items()
    assert remote.action.site_read() is True
    found = remote.action.package_autocomplete(q="bicycle")
    assert {f["name"] for f in found} == {"bicycle-counts", "bicycle-survey"}
    assert found[0]["match_field"] == "title"
    assert remote.action.format_autocomplete(q="cs") == ["csv"]
    recent = remote.action.current_package_list_with_resources(limit=2)
    assert [p["name"] for p in recent] == ["air-quality", "bicycle-counts"]
    assert recent[1]["resources"][0]["format"] == "CSV"


def test_ckanapi_dump_groups_all_exits_0(live_server, live_catalogue, tmp_path):
    out = tmp_path / "groups.jsonl"
    # ckanapi dump starts its workers as "ckanapi" from PATH, as in an activated virtualenv.
    path = os.pathsep.join([str(Path(CKANAPI).parent), os.environ.get("PATH", "")])
    done = subprocess.run(  # noqa: S603
        [CKANAPI, "dump", "groups", "--all", "-r", live_server.url, "-O", str(out), "-p", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "PATH": path},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dumped = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(g["type"] == "group" for g in dumped)
    listed = requests.get(live_server.url + "/api/3/action/group_list", timeout=30).json()
    assert sorted(g["name"] for g in dumped) == sorted(listed["result"]) != []


def test_every_help_link_resolves(live_server, live_catalogue):
    base = live_server.url + "/api/3/action/"
    type_actions = [name for part in ckan_parts().values() for name in part.actions]
    for action in [*ACTIONS, *type_actions]:
        body = requests.get(base + action, timeout=30).json()
        helped = requests.get(body["help"], timeout=30)
        assert helped.status_code == 200, body["help"]
        assert helped.json()["success"] is True
        assert isinstance(helped.json()["result"], str), action
    missing = requests.get(base + "help_show", params={"name": "nothing"}, timeout=30)
    assert missing.status_code == 404


def test_cors_on_answers_errors_and_preflight(live_server, live_catalogue):
    base = live_server.url + "/api/3/action/"
    origin = {"Origin": "https://app.example"}
    for response in (
        requests.get(base + "package_list", headers=origin, timeout=30),
        requests.get(base + "package_show", params={"id": "nope"}, headers=origin, timeout=30),
        requests.get(base + "package_search", params={"rows": "x"}, headers=origin, timeout=30),
        requests.get(base + "no_such_action", headers=origin, timeout=30),
    ):
        assert response.headers["Access-Control-Allow-Origin"] == "*", response.status_code
    preflight = requests.options(
        base + "package_search",
        headers={
            **origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
        timeout=30,
    )
    assert preflight.status_code in {200, 204}
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("survey OR parking", {"bicycle-survey", "api--parking"}),
        ("title:air", {"air-quality"}),
        ('"bicycle counts"', {"bicycle-counts"}),
        ("bicycle -survey", {"bicycle-counts"}),
        ("bicycle NOT survey", {"bicycle-counts"}),
        ("(air OR parking) AND tags:mobility", {"api--parking"}),
        ("tags:mobility -organization:city-of-ghent", {"bicycle-survey"}),
    ],
)
def test_solr_syntax_in_q_is_answered(live_server, live_catalogue, q, expected):
    body = requests.get(
        live_server.url + "/api/3/action/package_search", params={"q": q}, timeout=30
    ).json()
    assert body["success"] is True, body
    assert {p["name"] for p in body["result"]["results"]} == expected
    assert body["result"]["count"] == len(expected)


@pytest.mark.parametrize(
    "q", ["air~2", "air^2", "air*", "title:[a TO z]", "secret:x", "air AND", "{!xmlparser v='x'}"]
)
def test_solr_syntax_we_cannot_honour_is_a_search_error(live_server, remote, q):
    response = requests.get(
        live_server.url + "/api/3/action/package_search", params={"q": q}, timeout=30
    )
    assert response.status_code == 409
    body = response.json()
    assert body["success"] is False
    assert body["error"]["__type"] == "Search Error"
    assert body["error"]["message"].startswith("Search error: ")
    with pytest.raises(ckanapi.errors.SearchError) as refused:
        remote.action.package_search(q=q)
    assert refused.value.args[0] == body["error"]["message"].removeprefix("Search error: ")


def test_sort_name_asc_is_the_order_of_the_names_returned(remote, live_catalogue):
    found = remote.action.package_search(sort="name asc", rows=10)["results"]
    names = [p["name"] for p in found]
    assert (
        names
        == sorted(names)
        == ["air-quality", "api--parking", "bicycle-counts", "bicycle-survey"]
    )
    down = [p["name"] for p in remote.action.package_search(sort="name desc", rows=10)["results"]]
    assert down == names[::-1]
    ids = {p["name"]: p["id"] for p in found}
    assert ids["api--parking"] == object_uuid("entry", live_catalogue["api"].pk)
