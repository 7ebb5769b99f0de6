"""Datasets are citable: ``/datasets/<slug>/cite.bib|.ris|.json`` (interop.citations)."""

from catalogue.registry import entry_types
from interop.citations import CitationPart

entry_types.add_part("dataset", CitationPart, CitationPart())
