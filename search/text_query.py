"""Turn what a person typed into a safe full-text query.

People type words, "quoted phrases", punctuation, operators and unicode. Every word becomes a
quoted FTS token, so no input can be read as FTS5 syntax (NEAR, *, ^, column filters, AND/OR):
the text means "entries containing all these words and phrases".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TERMS = 16
_QUOTED_OR_BARE = re.compile(r'"([^"]*)"|([^\s"]+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class TextQuery:
    terms: tuple[str, ...]  # single words
    phrases: tuple[tuple[str, ...], ...]  # quoted phrases of two or more words

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.phrases

    def words(self) -> list[str]:
        return [*self.terms, *(w for p in self.phrases for w in p)]

    def to_fts5(self) -> str:
        """An FTS5 MATCH expression: every token double-quoted, implicitly AND-ed."""
        parts = [f'"{t}"' for t in self.terms]
        parts += ['"' + " ".join(p) + '"' for p in self.phrases]
        return " ".join(parts)

    def to_plain(self) -> str:
        return " ".join(self.words())


def parse_text_query(text: str) -> TextQuery:
    """Words and phrases from free text; an unbalanced quote is read as a plain character."""
    if text.count('"') % 2:
        text = text.replace('"', " ")
    terms: list[str] = []
    phrases: list[tuple[str, ...]] = []
    for quoted, bare in _QUOTED_OR_BARE.findall(text):
        words = tuple(w.lower() for w in _WORD.findall(quoted if quoted else bare))
        if quoted and len(words) > 1:
            phrases.append(words)
        else:
            terms.extend(words)
        if len(terms) + len(phrases) >= MAX_TERMS:
            break
    return TextQuery(terms=tuple(dict.fromkeys(terms))[:MAX_TERMS], phrases=tuple(phrases))
