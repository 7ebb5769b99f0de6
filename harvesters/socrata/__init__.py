"""Socrata Discovery API protocol (``/api/catalog/v1``), and Socrata's legacy view metadata."""
