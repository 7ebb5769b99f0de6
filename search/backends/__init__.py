"""The search backends; callers reach them through ``search.service``, never from here.

``SEARCH_BACKEND`` (site/settings.py) names the class, ``search.service.get_backend`` loads it.
"""
