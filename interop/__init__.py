"""Every standard interface of the catalogue: DCAT-AP, DCAT-US, schema.org, the CKAN Action
API, REST API v1 and its OpenAPI document, bulk exports, feeds, sitemaps and citations, and
the DCAT vocabulary that the DCAT harvester shares.

Import rule (enforced by import-linter in ``make test``): ``interop`` reads the catalogue
through ``catalogue`` models, selectors and the entry-type registry, and searches through
``search``'s public interface; it never writes (no ``catalogue.services``), and never
imports ``harvesters``, ``demo``, ``portal`` or ``search.backends``.
"""
