"""A plain, read-only view of a page's quiz questions, independent of Wagtail's block values, and the snapshot
an attempt freezes when it starts.

Question ids are the StreamField block ids and choice ids the ListBlock item ids: both persist across
revisions, so a recorded answer keeps pointing at the same question and choice after the trainer edits.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import rules


@dataclass(frozen=True)
class Choice:
    id: str
    text: str
    is_correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # a rules.QuestionKind value
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
                kind=value.get("kind") or rules.QuestionKind.SINGLE,
                prompt=value.get("prompt") or "",
                explanation=value.get("explanation") or "",
                choices=choices,
            )
        )
    return questions


@dataclass(frozen=True)
class QuizSnapshot:
    """What an attempt is fixed to when it starts (stored on `QuizAttempt`): the drawn questions in their order,
    each question's choice order, and the questions with their choices as they were then."""

    question_ids: list[str]
    choice_order: dict[str, list[str]]
    questions: dict[str, dict]


def quiz_snapshot(
    questions: Sequence[Question],
    *,
    draw_count: int = 0,
    shuffle_questions: bool = False,
    shuffle_choices: bool = False,
    rng: random.Random | None = None,
) -> QuizSnapshot:
    """The snapshot of one attempt: draw and order the questions, order each one's choices, freeze their text.

    The one builder of the snapshot, used by the attempt service and the scale data generator."""
    rng = rng or random.SystemRandom()
    by_id = {q.id: q for q in questions}
    question_ids = rules.draw_questions(list(by_id), draw_count=draw_count, shuffle=shuffle_questions, rng=rng)
    choice_order = {
        qid: rules.order_choices([c.id for c in by_id[qid].choices], shuffle=shuffle_choices, rng=rng)
        for qid in question_ids
    }
    frozen = {
        qid: {
            "kind": by_id[qid].kind,
            "prompt": by_id[qid].prompt,
            "explanation": by_id[qid].explanation,
            "choices": {
                c.id: {"text": c.text, "is_correct": c.is_correct, "feedback": c.feedback} for c in by_id[qid].choices
            },
        }
        for qid in question_ids
    }
    return QuizSnapshot(question_ids=question_ids, choice_order=choice_order, questions=frozen)


def page_quiz_snapshot(page, *, rng: random.Random | None = None) -> QuizSnapshot:
    """The snapshot of an attempt at a ModulePage or FinalAssessmentPage, by the page's own quiz rules."""
    return quiz_snapshot(
        quiz_questions(page),
        draw_count=page.draw_count,
        shuffle_questions=page.shuffle_questions,
        shuffle_choices=page.shuffle_choices,
        rng=rng,
    )
