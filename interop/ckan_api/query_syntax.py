"""CKAN's ``q`` in Solr (Lucene) syntax: parsed with luqum, answered or refused, never guessed.

What the search backend can answer as it is (words, "quoted phrases" and ``field:value``
filters, all required) stays a plain text query with filters. Everything else that has a
meaning on our fields (``OR``, ``NOT``/``-word``, ``+word``, parentheses, ``title:``,
``notes:``, ``text:``, ``tags:`` and the other filter fields inside an expression) becomes
one ORM condition. Syntax we cannot honour (fuzzy ``~``, boosts ``^``, wildcards, ranges,
regular expressions, unknown fields, local params) is a Search Error (409), as CKAN answers
for a query Solr rejects: a client never receives a count of 0 for a query we did not run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext

# luqum ships no types (no py.typed); its nodes are used as plain classes here.
from luqum.exceptions import ParseError  # type: ignore[import-untyped]
from luqum.thread import parse  # type: ignore[import-untyped]
from luqum.tree import (  # type: ignore[import-untyped]
    AndOperation,
    FieldGroup,
    Group,
    Item,
    Not,
    OrOperation,
    Phrase,
    Plus,
    Prohibit,
    SearchField,
    UnknownOperation,
    Word,
)

from .conditions import FILTER_FIELDS, TEXT_FIELDS, filter_condition, text_condition
from .errors import CkanActionError

MAX_NODES = 60


class SearchError(CkanActionError):
    """CKAN's answer when Solr rejects ``q``: 409, ``Search Error``, "Search error: ..."."""

    error_type = "Search Error"
    status = 409

    def as_dict(self) -> dict[str, Any]:
        # ckanapi keeps what follows the first ": " as its SearchError's message.
        return {**super().as_dict(), "message": f"Search error: {self.message}"}


@dataclass
class ParsedQuery:
    words: list[str] = field(default_factory=list)  # words and "quoted phrases", all required
    filters: list[tuple[str, str]] = field(default_factory=list)  # (CKAN field, value)
    condition: Q | None = None  # set when only the ORM can answer


def _refuse(message: str) -> SearchError:
    return SearchError(
        gettext("Unsupported query syntax in q: %(message)s") % {"message": message}, field="q"
    )


def _value(node: Item) -> str:
    if isinstance(node, Phrase):
        return str(node.value)[1:-1]
    if isinstance(node, Word):
        text = str(node.value)
        if any(ch in text for ch in "*?\\"):
            raise _refuse(gettext("wildcards (%(text)s)") % {"text": text[:40]})
        return text
    raise _refuse(f"{type(node).__name__.lower()} ({str(node)[:40]})")  # no words to translate


def _term(node: Item) -> str:
    text = _value(node)
    return f'"{text}"' if isinstance(node, Phrase) else text


def parse_q(q: str) -> ParsedQuery:
    """Words, filters and, where needed, an ORM condition for ``q``; or a SearchError."""
    text = q.strip()
    if text in {"", "*", "*:*"}:
        return ParsedQuery()
    try:
        tree = parse(text)
    except (ParseError, ValueError, TypeError):
        raise SearchError(
            gettext("Cannot parse q: check its quotes, parentheses and operators")
        ) from None
    if sum(1 for _ in _walk(tree)) > MAX_NODES:
        raise SearchError(
            gettext("q is too complex (at most %(limit)s terms and operators)")
            % {"limit": MAX_NODES}
        )
    clauses = list(tree.children) if isinstance(tree, AndOperation | UnknownOperation) else [tree]
    parsed = ParsedQuery()
    for clause in clauses:
        if isinstance(clause, Word | Phrase):
            parsed.words.append(_term(clause))
        elif (
            isinstance(clause, SearchField)
            and clause.name in FILTER_FIELDS
            and isinstance(clause.expr, Word | Phrase)
        ):
            parsed.filters.append((clause.name, _value(clause.expr)))
        else:
            return ParsedQuery(condition=condition(tree))
    return parsed


def _walk(node: Item) -> Any:
    yield node
    for child in node.children:
        yield from _walk(child)


def _field_condition(name: str, value: str) -> Q:
    if name in TEXT_FIELDS:
        return text_condition(value, name)
    if name in FILTER_FIELDS:
        return filter_condition(FILTER_FIELDS[name], value)
    allowed = ", ".join(sorted({*TEXT_FIELDS, *FILTER_FIELDS}))
    raise _refuse(
        gettext("unknown field %(name)s (use %(allowed)s)")
        % {"name": name[:40], "allowed": allowed}
    )


def condition(node: Item, field_name: str = "text") -> Q:
    """The ORM condition of one parsed node, inside the field ``field_name``."""
    if isinstance(node, Word | Phrase):
        return _field_condition(field_name, _value(node))
    if isinstance(node, SearchField):
        if field_name != "text":
            raise _refuse(gettext("a field inside a field"))
        return condition(node.expr, node.name)
    if isinstance(node, Group | FieldGroup):
        return condition(node.expr, field_name)
    if isinstance(node, Plus):
        return condition(node.a, field_name)
    if isinstance(node, Not | Prohibit):
        return ~condition(node.a, field_name)
    if isinstance(node, AndOperation | UnknownOperation | OrOperation):
        combined = condition(node.children[0], field_name)
        for child in node.children[1:]:
            if isinstance(node, OrOperation):
                combined |= condition(child, field_name)
            else:
                combined &= condition(child, field_name)
        return combined
    raise _refuse(f"{type(node).__name__.lower()} ({str(node)[:40]})")  # no words to translate
