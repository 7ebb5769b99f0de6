"""OpenDataSoft protocol: the Explore API catalog (v2.1, also v2.0 and the v1 search API).

An OpenDataSoft portal's DCAT export (``/api/explore/v2.1/catalog/exports/dcat``) is RDF and is
harvested with the ``dcat`` protocol instead.
"""
