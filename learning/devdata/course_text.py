"""The demo courses' text, read from one YAML file per course in `courses/` and turned into page fields.

A file holds the course's fields, its modules (body blocks and knowledge check) and its final assessment. Ids stay
the same on every build (`portal.streamfield` with a key): a body block's id comes from the course and module slug
and its position, a quiz question's from its position in the quiz, a choice's from the question's `key`, a list of
take-aways' items from the block's `key`. Change a `key` and the learners' recorded answers lose their question.

In the text, a paragraph (or an example's text) is a list of paragraphs, `{points: [...]}` for a bulleted list, or
a string of HTML used as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from portal import streamfield

COURSE_DIR = Path(__file__).with_name("courses")


@dataclass(frozen=True)
class ModuleText:
    slug: str
    title: str
    minutes: int
    body: str  # raw StreamField JSON
    questions: str  # raw StreamField JSON


@dataclass(frozen=True)
class FinalText:
    slug: str
    title: str
    questions: str


@dataclass(frozen=True)
class CourseText:
    slug: str
    title: str
    summary: str
    objectives: str  # raw StreamField JSON
    standards: list[str]
    jp: Decimal
    minutes: int
    level: str
    mandatory: bool
    onboarding: bool
    completion_rule: str
    cover: tuple[int, int, int]
    modules: list[ModuleText]
    final: FinalText | None


def _html(value) -> str:
    if isinstance(value, list):
        return streamfield.p(*value)
    if isinstance(value, dict):
        return streamfield.ul(*value["points"])
    return value


def _block(block: dict) -> tuple[str, object]:
    ((kind, value),) = block.items()
    if kind == "paragraph":
        return kind, _html(value)
    if kind == "example":
        return kind, {"title": value["title"], "text": _html(value["text"])}
    if kind == "takeaways":
        return kind, {"title": value["title"], "points": streamfield.items(value["key"], value["points"])}
    if kind in ("heading", "reflection"):
        return kind, value
    raise ValueError(f"unknown block {kind!r} in the demo course text")


def _question(question: dict) -> tuple[str, dict]:
    choices = [
        {"text": c["text"], "is_correct": bool(c["correct"]), "feedback": c.get("feedback", "")}
        for c in question["choices"]
    ]
    return (
        "question",
        {
            "kind": question["kind"],
            "prompt": question["prompt"],
            "choices": streamfield.items(question["key"], choices),
            "explanation": question.get("explanation", ""),
        },
    )


def quiz_stream(key: str, questions: list[dict]) -> str:
    return streamfield.stream(key, [_question(q) for q in questions])


def course_from_data(data: dict) -> CourseText:
    slug = data["slug"]
    final = data.get("final")
    return CourseText(
        slug=slug,
        title=data["title"],
        summary=data["summary"],
        objectives=streamfield.stream(slug + "-obj", [("objective", o) for o in data["objectives"]]),
        standards=list(data.get("standards", [])),
        jp=Decimal(str(data["jp"])),
        minutes=int(data["minutes"]),
        level=data["level"],
        mandatory=bool(data.get("mandatory")),
        onboarding=bool(data.get("onboarding")),
        completion_rule=data["completion_rule"],
        cover=tuple(data["cover"]),
        modules=[
            ModuleText(
                slug=m["slug"],
                title=m["title"],
                minutes=int(m["minutes"]),
                body=streamfield.stream(f"{slug}/{m['slug']}", [_block(b) for b in m["body"]]),
                questions=quiz_stream(f"{slug}/{m['slug']}/quiz", m.get("quiz", [])),
            )
            for m in data["modules"]
        ],
        final=(
            FinalText(
                slug=final["slug"],
                title=final["title"],
                questions=quiz_stream(f"{slug}/{final['slug']}/quiz", final["quiz"]),
            )
            if final
            else None
        ),
    )


def load_courses(directory: Path = COURSE_DIR) -> list[CourseText]:
    """Every course file of the directory, in file-name order (the catalogue's order)."""
    courses = []
    for path in sorted(directory.glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            courses.append(course_from_data(yaml.safe_load(handle)))
    return courses
