"""Helpers for building demo pages idempotently: stable block ids, child pages found by slug, simple covers."""

from __future__ import annotations

import io
import json
import uuid

from django.core.files.images import ImageFile

DEMO_NAMESPACE = uuid.UUID("6f1d3c2e-9a41-4c55-8b0e-5a1e2f3d4c5b")


def stable_id(*parts) -> str:
    """A block id that is the same every time the demo is built."""
    return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(str(p) for p in parts)))


def stream(key: str, blocks: list[tuple[str, object]]) -> str:
    """Raw StreamField JSON with stable ids from (block_type, value) pairs."""
    return json.dumps(
        [{"type": kind, "value": value, "id": stable_id(key, i, kind)} for i, (kind, value) in enumerate(blocks)]
    )


def items(key: str, values: list) -> list[dict]:
    """ListBlock items in Wagtail's current format, with stable ids."""
    return [{"type": "item", "value": v, "id": stable_id(key, "item", i)} for i, v in enumerate(values)]


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*points: str) -> str:
    return "<ul>" + "".join(f"<li>{point}</li>" for point in points) + "</ul>"


def child_by_slug(parent, model, slug: str):
    return model.objects.child_of(parent).filter(slug=slug).first()


def ensure_child(parent, model, slug: str, *, publish: bool = True, **fields):
    """The child page of `parent` with this slug, created (and published) if missing; never duplicated."""
    page = child_by_slug(parent, model, slug)
    if page is not None:
        return page, False
    m2m = {k: fields.pop(k) for k in list(fields) if isinstance(fields[k], list | tuple) and k in _m2m_names(model)}
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    for name, values in m2m.items():
        getattr(page, name).set(values)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page, True


def _m2m_names(model) -> set[str]:
    from modelcluster.fields import ParentalManyToManyField

    return {f.name for f in model._meta.get_fields() if isinstance(f, ParentalManyToManyField)}


def cover_image(title: str, heading: str, *, colour=(11, 93, 59)):
    """A simple illustrated cover (highland ridges and a heading), stored once per title."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    width, height = 1200, 675
    img = PILImage.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(img)
    light = tuple(min(255, c + 40) for c in colour)
    dark = tuple(max(0, c - 35) for c in colour)
    draw.polygon(
        [(0, 520), (260, 330), (470, 470), (720, 280), (980, 450), (1200, 340), (1200, 675), (0, 675)], fill=light
    )
    draw.polygon([(0, 600), (330, 450), (620, 590), (900, 470), (1200, 580), (1200, 675), (0, 675)], fill=dark)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 64)
    except OSError:
        font = ImageFont.load_default(size=64)
    y = 90
    for line in _wrap(heading, 26):
        draw.text((70, y), line, fill=(255, 255, 255), font=font)
        y += 82
    buffer = io.BytesIO()
    img.save(buffer, format="PNG", optimize=True)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{slug}.png"))


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines
