"""Helpers for building demo pages idempotently: child pages found by slug, simple covers.

StreamField JSON comes from `portal.streamfield` (re-exported here for the seeders)."""

from __future__ import annotations

import io

from django.core.files.images import ImageFile

from portal.streamfield import items, p, stable_id, stream, ul  # noqa: F401  (the seeders import them from here)


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
