"""A read-only, CKAN-compatible Action API at ``/api/3/action/<action>``.

Existing CKAN clients and harvesters (ckanapi, ckanext-harvest, udata, data.europa.eu's CKAN
importer) read the catalogue without custom work. Each entry type that is a CKAN package
says how in its ``CkanPackagePart`` (``parts.py``): datasets and APIs are packages of ``type``
"dataset" and "api"; types without a part (PPP projects, challenges) stay out. The envelope,
error types and status codes are CKAN 2.10's, see docs/adr/0010-ckan-compatible-api.md.
"""
