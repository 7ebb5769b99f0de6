"""Rankings of broad words, derived from the search index and kept per index state.

Why: a word found in most entries ("data" is in ~80% of a data catalogue) makes FTS5 compute
``bm25()`` for every one of its matches and sort them all, on every search for it: most of a
broad query's time. Yet the words that broad are few (a word in at
least half the rows: at most twice the distinct words of an average row), and their ranking
depends only on the index. So each process keeps, per index state token (as the facet
bitmaps do, search.bitmaps.TokenCache), the ranking of each broad word asked for: its entries in
bm25 order, their scores and their bitmap. A query made only of broad words is then answered
from these, with no full-text scan at all: the matches are an AND of bitmaps, and the page is
a walk down the ranking, filtered by the query's facets.

Why the answer is identical to FTS5's, bit for bit: FTS5's bm25 (ext/fts5/fts5_aux.c,
``fts5Bm25Function``) scores a row as ``-1.0 * score`` where ``score`` starts at ``0.0`` and,
for each phrase ``i`` of the query in order, adds
``idf[i] * (f[i] * (k1 + 1)) / (f[i] + k1 * (1 - b + b * D / avgdl))``. ``f[i]`` (the row's
weighted count of phrase ``i``), ``D`` (the row's length) and ``avgdl`` do not depend on the
other phrases; nor does ``idf[i]``, computed from the phrase's own row count and the table's
row count (and clamped to 1e-6 when the phrase is in half the rows or more: hence "broad"
words add almost nothing to a score beside a selective word, but still order rows among
themselves, by how often and where they occur; they are not a tie). So the term a word adds is
minus its score as a one-word query, and the score of ``w1 w2 ...`` is
``-(((0.0 + c(w1)) + c(w2)) + ...)``, the same additions in the same order, hence the same
double. The order is that of the SQL query: score ascending, then rowid ascending (entry id
descending).

Only plain ASCII words take this path (a word FTS5's unicode61 tokenizer reads as exactly one
token, the one looked up in the vocabulary); phrases, other words and the PostgreSQL dialect
keep the SQL query.
"""

from __future__ import annotations

import heapq
import re
import threading
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.db import connection

from ..bitmaps import Membership, TokenCache, bitmap_from_ids

FTS_TABLE = "wagtailsearch_indexentry_fts"
VOCAB_TABLE = "temp.search_fts_vocab_rows"
MIN_BROAD_ROWS = 1000  # below this the SQL query is fast anyway
BROAD_SHARE = 10  # a word is broad from 1/10 of the indexed entries on
MAX_CACHED_WORDS = 16  # broad words kept per index state; beyond, the SQL query answers
_PLAIN_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class WordRanking:
    """One word's matching entries (this backend's rows) in its one-word bm25 order."""

    order: array[int]  # entry ids, best first
    scores: array[float]  # their bm25 scores (negative; lower is better)
    bitmap: int  # the entries holding the word
    size_bytes: int
    _contribution: array[float] | None = None

    @property
    def best(self) -> float:
        return -self.scores[0] if self.scores else 0.0

    @property
    def contribution(self) -> array[float]:
        """By entry id: minus its score, the word's term in the sum of any query holding it.
        Built on the first query of several words (a single word never needs it)."""
        if self._contribution is None:
            contribution = array("d", bytes(8 * self.size_bytes * 8))
            for entry_id, score in zip(self.order, self.scores, strict=True):
                contribution[entry_id] = -score
            self._contribution = contribution
        return self._contribution


class BroadWords:
    """The rankings of one index state, computed on first use of each broad word."""

    def __init__(self, token: str) -> None:
        self.token = token
        self._lock = threading.Lock()
        self._rankings: dict[str, WordRanking] = {}

    def rankings(
        self, words: Sequence[str], *, indexed: int, size_bytes: int
    ) -> list[WordRanking] | None:
        """Every word's ranking when all are broad (in a tenth of the ``indexed`` entries or
        more), else None: the caller's SQL query answers."""
        threshold = max(MIN_BROAD_ROWS, indexed // BROAD_SHARE)
        if not words or not all(_PLAIN_WORD.fullmatch(w) for w in words):
            return None
        found = []
        for word in words:
            ranking = self._rankings.get(word)
            if ranking is None:
                with self._lock:
                    ranking = self._rankings.get(word)
                    if ranking is None:
                        if len(self._rankings) >= MAX_CACHED_WORDS:
                            return None
                        if _document_count(word) < threshold:
                            return None
                        ranking = _rank(word, size_bytes)
                        self._rankings[word] = ranking
            found.append(ranking)
        return found


def _document_count(word: str) -> int:
    """Rows holding the word, from FTS5's own vocabulary (no scan of its matches)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB_TABLE} "
            f"USING fts5vocab(main, {FTS_TABLE}, row)"
        )
        cursor.execute(f"SELECT doc FROM {VOCAB_TABLE} WHERE term = %s", [word])  # noqa: S608
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def _rank(word: str, size_bytes: int) -> WordRanking:
    from .bitmap_run import BODY_WEIGHT, TITLE_WEIGHT  # the weights the SQL query uses

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT -rowid, bm25({FTS_TABLE}, 0.0, %s, %s) AS score FROM {FTS_TABLE} "  # noqa: S608
            f"WHERE {FTS_TABLE} MATCH %s AND rowid < 0 ORDER BY score, rowid",
            [BODY_WEIGHT, TITLE_WEIGHT, f'"{word}"'],
        )
        rows = cursor.fetchall()
    top = size_bytes * 8
    rows = [(entry_id, score) for entry_id, score in rows if 0 <= entry_id < top]
    order = array("q", [entry_id for entry_id, _ in rows])
    scores = array("d", [score for _, score in rows])
    return WordRanking(order, scores, bitmap_from_ids(order, size_bytes), size_bytes)


def _score(entry_id: int, rankings: Sequence[WordRanking]) -> float:
    total = 0.0
    for ranking in rankings:
        total += ranking.contribution[entry_id]
    return total


def ranked(
    rankings: Sequence[WordRanking], members: Membership, limit: int | None
) -> list[tuple[int, float]]:
    """``(entry id, bm25 score)`` of the members, best first, as FTS5's query would give.

    ``members`` must hold only entries with every word (the AND of the rankings' bitmaps).
    """
    if limit is not None and limit <= 0:
        return []
    if len(rankings) == 1:
        pairs = zip(rankings[0].order, rankings[0].scores, strict=True)
        return list(_take(((e, s) for e, s in pairs if e in members), limit))
    # Walk the word with the fewest entries: every member is in it, and its term is usually
    # the largest (the highest idf), which ends the pruned walk below soonest.
    walked = min(range(len(rankings)), key=lambda i: len(rankings[i].order))
    first = rankings[walked]
    if limit is None:
        found = [(_score(e, rankings), e) for e in first.order if e in members]
        found.sort(key=lambda pair: (-pair[0], -pair[1]))
        return [(e, -total) for total, e in found]
    # Top ``limit`` by the sum: along the walked ranking its term never grows, so once the sum
    # of that term and the others' best terms (added in the query's order, as the scores are:
    # rounding is monotonic) falls below the last kept row's, no later row can enter.
    kept: list[tuple[float, int]] = []  # min-heap of (sum, entry id): the worst kept on top
    for entry_id, score in zip(first.order, first.scores, strict=True):
        if len(kept) >= limit:
            bound = 0.0
            for i, ranking in enumerate(rankings):
                bound += -score if i == walked else ranking.best
            if bound < kept[0][0]:
                break
        if entry_id not in members:
            continue
        item = (_score(entry_id, rankings), entry_id)
        if len(kept) < limit:
            heapq.heappush(kept, item)
        elif item > kept[0]:
            heapq.heapreplace(kept, item)
    kept.sort(key=lambda pair: (-pair[0], -pair[1]))
    return [(e, -total) for total, e in kept]


def _take(pairs: Iterator[tuple[int, float]], limit: int | None) -> Iterator[tuple[int, float]]:
    if limit is None:
        yield from pairs
        return
    if limit <= 0:
        return
    for n, pair in enumerate(pairs, 1):
        yield pair
        if n >= limit:
            return


_broad_words: TokenCache[BroadWords] = TokenCache(BroadWords, lambda words: words.token)


def broad_rankings(
    words: Sequence[str], *, token: str, indexed: int, size_bytes: int
) -> list[WordRanking] | None:
    """The cached rankings when every word is broad, on SQLite; else None. ``token`` is the
    index state the caller's facet bitmaps belong to: rankings of another state are not used."""
    if connection.vendor != "sqlite":
        return None
    broad = _broad_words.get()
    if broad.token != token:
        return None
    return broad.rankings(words, indexed=indexed, size_bytes=size_bytes)
