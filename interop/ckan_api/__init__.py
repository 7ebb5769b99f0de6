"""A read-only, CKAN-compatible Action API at ``/api/3/action/<action>``.

Existing CKAN clients and harvesters (ckanapi, ckanext-harvest, udata, data.europa.eu's CKAN
importer) read the catalogue without custom work. Datasets and APIs are exposed as CKAN
packages (``type`` "dataset" or "api"); PPP projects and challenges have no CKAN counterpart
and stay out. The envelope, error types and status codes are CKAN 2.10's, see
docs/adr/0010-ckan-compatible-api.md.
"""
