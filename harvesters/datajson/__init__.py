"""DCAT-US data.json protocol (Project Open Data 1.1 and DCAT-US 3), incl. Socrata and ArcGIS Hub
feeds, which publish the same format."""
