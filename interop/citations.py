"""Citations of datasets for academics: BibTeX, RIS and CSL-JSON, following DataCite's
recommended form *Creator (PublicationYear). Title. Version. Publisher. Identifier*.

The publisher organisation is the (corporate) author; the year is the issue date's, else the
last modification's. A DOI in the identifier becomes ``doi``/``DO``/``DOI``. Text goes into
BibTeX with its special characters escaped, so a title like "R&D 100% #1" compiles.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from catalogue.models import Entry

_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)", re.IGNORECASE)
_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LINE_BREAKS = re.compile(r"[\r\n\t\f\v]+")

FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}


@dataclass(frozen=True)
class Citation:
    key: str
    title: str
    author: str
    year: int | None
    date: dt.date | None
    publisher: str
    version: str
    url: str
    doi: str
    abstract: str
    keywords: list[str] = field(default_factory=list)
    accessed: dt.date | None = None


@dataclass(frozen=True)
class CitationPart:
    """Registered by an entry type whose entries researchers cite (datasets)."""


def _one_line(value: str) -> str:
    return _LINE_BREAKS.sub(" ", value or "").strip()


def citation_for(entry: Entry, *, base_url: str, today: dt.date | None = None) -> Citation:
    when = entry.issued or entry.modified
    date = when.date() if when else None
    identifier = entry.identifier or ""
    doi_match = _DOI.fullmatch(identifier.strip())
    author = entry.publisher.name
    key_author = re.sub(r"[^A-Za-z0-9]", "", entry.publisher.slug.title())[:30] or "Catalogue"
    key_title = re.sub(r"[^A-Za-z0-9]", "", (entry.slug.split("-") or ["dataset"])[0].title())
    return Citation(
        key=f"{key_author}{date.year if date else ''}{key_title[:20]}" or f"entry{entry.pk}",
        title=_one_line(entry.title),
        author=_one_line(author),
        year=date.year if date else None,
        date=date,
        publisher=_one_line(str(settings.WAGTAIL_SITE_NAME)),
        version=_one_line(entry.version),
        # The catalogue's own page: a stable URL, even when the source's landing page moves.
        url=base_url + entry.get_absolute_url(),
        doi=doi_match.group(1) if doi_match else "",
        abstract=_one_line(entry.summary),
        keywords=[_one_line(str(k)) for k in entry.keywords or [] if str(k).strip()],
        accessed=today or timezone.localdate(),
    )


def bibtex_escape(value: str) -> str:
    return "".join(_BIBTEX_SPECIALS.get(ch, ch) for ch in value)


def to_bibtex(citation: Citation) -> str:
    """A ``@misc`` entry (every BibTeX style knows it), with ``note = {Dataset}``.

    The corporate author is double-braced so BibTeX never splits it into first and last names.
    """
    fields = [
        ("author", "{" + bibtex_escape(citation.author) + "}"),
        ("title", bibtex_escape(citation.title)),
        ("year", str(citation.year) if citation.year else ""),
        ("publisher", bibtex_escape(citation.publisher)),
        ("version", bibtex_escape(citation.version)),
        ("doi", bibtex_escape(citation.doi)),
        ("url", citation.url.replace("}", "%7D").replace("{", "%7B")),
        ("urldate", citation.accessed.isoformat() if citation.accessed else ""),
        ("keywords", bibtex_escape(", ".join(citation.keywords))),
        ("note", "Dataset"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{citation.key},\n{body}\n}}\n"


def to_ris(citation: Citation) -> str:
    """RIS, type DATA; lines end with CRLF, as the format's readers expect."""
    lines = [("TY", "DATA"), ("AU", citation.author), ("TI", citation.title)]
    if citation.year:
        lines.append(("PY", str(citation.year)))
    if citation.date:
        lines.append(("DA", citation.date.strftime("%Y/%m/%d")))
    lines += [
        ("PB", citation.publisher),
        ("ET", citation.version),
        ("DO", citation.doi),
        ("UR", citation.url),
        ("AB", citation.abstract),
    ]
    lines += [("KW", keyword) for keyword in citation.keywords]
    if citation.accessed:
        lines.append(("Y2", citation.accessed.strftime("%Y/%m/%d")))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value or tag == "ER")


def to_csl_json(citation: Citation) -> str:
    """A CSL-JSON array of one item of type ``dataset`` (Zotero, Pandoc, citeproc read it)."""
    item: dict[str, object] = {
        "id": citation.key,
        "type": "dataset",
        "title": citation.title,
        "author": [{"literal": citation.author}],
        "publisher": citation.publisher,
        "URL": citation.url,
    }
    if citation.date:
        item["issued"] = {
            "date-parts": [[citation.date.year, citation.date.month, citation.date.day]]
        }
    if citation.accessed:
        item["accessed"] = {
            "date-parts": [[citation.accessed.year, citation.accessed.month, citation.accessed.day]]
        }
    for key, value in (
        ("version", citation.version),
        ("DOI", citation.doi),
        ("abstract", citation.abstract),
        ("keyword", ", ".join(citation.keywords)),
    ):
        if value:
            item[key] = value
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def _apa_parts(citation: Citation) -> tuple[str, str, str]:
    """What comes before the title, the title, and what follows it, in APA 7's reference form
    for a data set: *Author. (Year). Title (Version v) [Dataset]. Publisher. DOI or URL*."""
    year = str(citation.year) if citation.year else _("n.d.")
    before = f"{citation.author.rstrip('.')}. ({year}). "
    version = " " + _("(Version %(version)s)") % {"version": citation.version}
    after = (version if citation.version else "") + " [" + _("Dataset") + "]. "
    if citation.publisher and citation.publisher != citation.author:
        after += citation.publisher.rstrip(".") + ". "
    after += f"https://doi.org/{citation.doi}" if citation.doi else citation.url
    return before, citation.title, after


def to_apa(citation: Citation) -> str:
    """The formatted APA reference as plain text (what citeproc renders from the CSL-JSON)."""
    return "".join(_apa_parts(citation))


def to_apa_html(citation: Citation) -> SafeString:
    """The APA reference for a web page: the title in italics, every part escaped."""
    before, title, after = _apa_parts(citation)
    return format_html("{}<i>{}</i>{}", before, title, after)


RENDERERS = {"bib": to_bibtex, "ris": to_ris, "json": to_csl_json}


def render_citation(entry: Entry, *, fmt: str, base_url: str) -> str:
    return RENDERERS[fmt](citation_for(entry, base_url=base_url))
