"""API descriptions: an OpenAPI 3 / Swagger 2 document, or an APIs.guru-style list.json."""
