"""Raw StreamField JSON, built one way for demo content, scale data and test factories.

Wagtail stores a StreamField as a list of `{"type", "value", "id"}` blocks and a ListBlock as `{"type": "item",
"value", "id"}` items. Demo content passes a `key` so ids are stable across rebuilds (quiz question and choice ids must
stay the same); scale data and tests pass none and get random ids.
"""

from __future__ import annotations

import json
import uuid

DEMO_NAMESPACE = uuid.UUID("6f1d3c2e-9a41-4c55-8b0e-5a1e2f3d4c5b")


def stable_id(*parts) -> str:
    """A block id that is the same every time the same parts are given."""
    return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(str(p) for p in parts)))


def _id(key: str | None, *parts) -> str:
    return stable_id(key, *parts) if key is not None else str(uuid.uuid4())


def blocks(key: str | None, pairs: list[tuple[str, object]]) -> list[dict]:
    """StreamField blocks from (block_type, value) pairs, as Python data."""
    return [{"type": kind, "value": value, "id": _id(key, i, kind)} for i, (kind, value) in enumerate(pairs)]


def stream(key: str | None, pairs: list[tuple[str, object]]) -> str:
    """Raw StreamField JSON from (block_type, value) pairs."""
    return json.dumps(blocks(key, pairs))


def items(key: str | None, values: list) -> list[dict]:
    """ListBlock items in Wagtail's current format."""
    return [{"type": "item", "value": v, "id": _id(key, "item", i)} for i, v in enumerate(values)]


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*points: str) -> str:
    return "<ul>" + "".join(f"<li>{point}</li>" for point in points) + "</ul>"
