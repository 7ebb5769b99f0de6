"""Demonstration content: a small, living catalogue for a first run.

The organisations, datasets, APIs, PPP projects and challenges here are invented, though
modelled on what real public bodies publish. Every web address uses the reserved ``.example``
top-level domain (RFC 2606), so nothing points at a real site. ``loader.demo_load`` writes
it through the catalogue services; ``manage.py load_demo`` runs it.

Import rule (enforced by import-linter in ``make test``): ``demo`` may import any app but
never ``portal``: the project wires the demo in (``manage.py bootstrap``), not the reverse.
"""
