"""APIs (DCAT data services): endpoints, description documents, access and lifecycle."""
