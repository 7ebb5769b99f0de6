"""Public views of the standard metadata exports: DCAT-AP 3, DCAT-US data.json, /ns/eco."""
