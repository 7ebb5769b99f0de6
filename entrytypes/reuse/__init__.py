"""Reuses: what people made with the catalogue's data (apps, visualisations, papers, ideas)."""
