"""DCAT / DCAT-AP 2 and 3 harvesting: RDF/XML, Turtle and JSON-LD, with Hydra paging."""
