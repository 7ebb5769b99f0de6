"""Requests for data and APIs that do not exist yet: votes, answers, status."""
