"""The catalogue: its content model, the services that write it, the selectors that read it,
the Wagtail admin and the public pages.

Import rule (enforced by import-linter in ``make test``): ``catalogue`` imports only Django,
Wagtail and ``search``'s public interface (``search.service``, ``search.query``,
``search.index``). It never imports ``harvesters``, ``interop``, ``demo``, ``portal`` or a
search backend: those build on the catalogue, and the catalogue reaches them only through
hooks they register (Wagtail's ``hooks``), so it can be read and tested on its own.
"""
