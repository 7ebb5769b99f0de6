"""The Django/Wagtail project, installed under the import name ``portal``.

The folder is ``site/`` (the product's layout) but Python's standard library owns the
name ``site``; pyproject.toml maps this folder to ``portal``.
"""
