"""People taking part: accounts, profiles and organisation membership (this package), and one
Django app per capability beside it: discussions, issue reports, data requests, alerts and
demand signals. Nothing in catalogue/, search/, harvesters/, interop/ or entrytypes/ imports
participation: it plugs into them through their hooks, registries and signals.
"""
