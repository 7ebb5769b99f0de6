"""Innovation challenges: timeline, prizes, judging criteria, winners."""
