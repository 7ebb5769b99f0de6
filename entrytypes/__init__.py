"""One package per entry type: everything that is specific to that kind of entry.

Each sub-package is a small Django app (its ``apps.py`` subclasses
``catalogue.registry.EntryTypeAppConfig``) holding the type's model or proxy, URL segment and
labels (``entry.py``), admin viewset (``admin.py``), templates, and what it brings to each layer:
search, the JSON and CKAN APIs, DCAT and schema.org, the demo. Each module registers its part
with ``catalogue.registry.entry_types`` on start-up; the layers only ask the registry.

Import rule: an entry type may import ``catalogue``, ``search`` (not ``search.backends``),
``interop`` and ``demo``; nothing imports an entry type except its own package (and tests), so
removing a package from ``INSTALLED_APPS`` removes the type. See docs/extending.md.
"""
