"""The search requests both search benchmarks time (make bench, make bench-search): one list."""

QUERY_MIX = {
    "broad": ["q=data", "q=public", "q=open+data", "q=data&sort=newest", "q=public&page=3"],
    "selective": ["q=cadastre", "q=vaccination", "q=orthophoto+imagery", "q=refugee"],
    "phrase": ['q="air+quality"', 'q="bus+route"', 'q="public+data"'],
    "filters only": [
        "type=dataset",
        "type=api&authentication=none",
        "format=CSV",
        "theme=transport&type=dataset",
        "challenge_status=open",
        "sort=title",
    ],
    "broad + filters": [
        "q=data&type=dataset&format=CSV",
        "q=public&theme=health",
        "q=data&organisation_kind=government&country=FR",
    ],
}
