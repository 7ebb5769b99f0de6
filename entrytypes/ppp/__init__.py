"""Public-private partnership projects: partners, milestones, risk allocation (OC4IDS)."""
