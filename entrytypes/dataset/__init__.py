"""Datasets (DCAT datasets, their distributions and series)."""
