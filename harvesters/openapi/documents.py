"""Reading an API description as JSON or YAML, safely.

YAML is read with ``yaml.SafeLoader`` (no Python objects) and a cap on aliases, so an
"alias bomb" (a few lines that expand into billions of nodes when walked) is refused.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from harvesters.exceptions import PayloadError

MAX_ALIASES = 200


class _CappedLoader(yaml.SafeLoader):
    aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise PayloadError(f"the YAML document uses more than {MAX_ALIASES} aliases")
        return super().compose_node(parent, index)


def parse_document(content: bytes, *, url: str = "") -> Any:
    """JSON if it parses as JSON, else YAML; ``PayloadError`` if neither."""
    stripped = content.lstrip()
    if stripped[:1] in (b"{", b"["):
        try:
            return json.loads(content)
        except (ValueError, RecursionError):
            pass  # YAML flow style also starts with "{"; try it below
    try:
        return yaml.load(content, Loader=_CappedLoader)  # noqa: S506 - a SafeLoader subclass
    except PayloadError:
        raise
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        raise PayloadError(
            f"{url or 'the document'} is neither JSON nor YAML: {str(error)[:200]}"
        ) from None
