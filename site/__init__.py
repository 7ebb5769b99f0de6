"""The Django/Wagtail project, installed under the import name ``portal``.

The folder is ``site/`` (the product's layout) but Python's standard library owns the
name ``site``; pyproject.toml maps this folder to ``portal``.

Import rule (enforced by import-linter in ``make test``): the project wires the apps
together (settings, root URLs, ``manage.py bootstrap``), so it may import all of them; no
app imports ``portal``.
"""
