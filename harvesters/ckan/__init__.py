"""CKAN Action API protocol: ``package_search`` paging (client) and package dicts (mapper)."""
