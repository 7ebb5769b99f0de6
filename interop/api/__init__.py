"""The read-only JSON API (``/api/v1/...``) and its OpenAPI 3.1 description.

Plain Django views returning JSON: the API only reads, so a framework would add weight and
no safety. ``http.py`` holds what every endpoint shares (errors, CORS, ETag/Last-Modified,
rate limits), ``serializers.py`` turns models into JSON, ``openapi.py`` describes it all.
See docs/adr/0013-json-api.md.
"""
