"""Reports of an issue with an entry, answered in the publisher's queue."""
