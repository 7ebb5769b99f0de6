"""Follows (entries, organisations, themes, saved searches) and the alert mails they bring."""
