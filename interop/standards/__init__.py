"""Open metadata standards: DCAT-AP 3 (RDF), DCAT-US data.json and schema.org JSON-LD.

``dcat_vocabulary`` is the ONE code ↔ URI mapping shared with the DCAT harvester.
"""
