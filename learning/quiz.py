"""A plain, read-only view of a page's quiz questions, independent of Wagtail's block values.

Question ids are the StreamField block ids and choice ids the ListBlock item ids: both persist across
revisions, so a recorded answer keeps pointing at the same question and choice after the trainer edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Choice:
    id: str
    text: str
    is_correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "single" | "multiple" | "truefalse"
    prompt: str
    explanation: str = ""
    choices: list[Choice] = field(default_factory=list)

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.choices if c.is_correct)


def quiz_questions(page) -> list[Question]:
    """The questions of a ModulePage or FinalAssessmentPage in authored order (empty when it has no quiz)."""
    stream = getattr(page, "questions", None)
    if not stream:
        return []
    questions = []
    for child in stream:
        if child.block_type != "question":
            continue
        value = child.value
        choice_list = value.get("choices")
        bound = getattr(choice_list, "bound_blocks", None) or []
        choices = [
            Choice(
                id=str(item.id),
                text=item.value.get("text") or "",
                is_correct=bool(item.value.get("is_correct")),
                feedback=item.value.get("feedback") or "",
            )
            for item in bound
        ]
        questions.append(
            Question(
                id=str(child.id),
                kind=value.get("kind") or "single",
                prompt=value.get("prompt") or "",
                explanation=value.get("explanation") or "",
                choices=choices,
            )
        )
    return questions
