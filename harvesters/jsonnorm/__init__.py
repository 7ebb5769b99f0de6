"""Normalisation shared by the JSON protocols (CKAN, data.json, Socrata, OpenDataSoft, OpenAPI).

Every function here takes whatever a remote portal sent (strings, numbers, nulls, nested junk)
and returns a clean value or an empty one; none of them raises on bad input. That is what lets
each protocol's mapper promise "records or RecordErrors, never an exception".
"""
