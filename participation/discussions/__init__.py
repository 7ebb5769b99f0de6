"""Discussions on every entry and every data request: threads, answers, moderation."""
