"""Anonymity by construction: no field, relation, ordering, admin screen or import can tie an answer to a person."""

import ast
import pathlib

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.db import models

from performance.pulse.models import PulseAnswer, PulseParticipation

from .conftest import answer

ROOT = pathlib.Path(settings.BASE_DIR)


def _concrete_fields(model):
    return [f for f in model._meta.get_fields() if getattr(f, "concrete", False)]


def test_answer_has_no_person_no_time_and_a_random_key():
    fields = {f.name: f for f in _concrete_fields(PulseAnswer)}
    assert set(fields) == {"id", "pulse", "unit", "score_1", "score_2", "score_3", "score_4", "score_5", "open_answer"}
    assert isinstance(fields["id"], models.UUIDField) and fields["id"].primary_key
    for field in fields.values():
        assert not isinstance(field, (models.DateField, models.DateTimeField, models.TimeField)), field.name
        if field.is_relation:
            assert field.related_model is not settings.AUTH_USER_MODEL
            assert field.related_model._meta.label in {"pulse.Pulse", "performance.OrgUnit"}, field.name
    assert PulseAnswer._meta.ordering == []


def test_participation_has_no_answer_no_unit_and_no_time():
    fields = {f.name: f for f in _concrete_fields(PulseParticipation)}
    assert set(fields) == {"id", "pulse", "user"}
    assert isinstance(fields["id"], models.UUIDField)
    assert not any(isinstance(f, (models.DateField, models.DateTimeField)) for f in fields.values())


def test_no_model_anywhere_points_at_an_answer():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete:
                assert field.related_model is not PulseAnswer, f"{model._meta.label}.{field.name}"


def test_participations_and_answers_cannot_be_joined(open_pulse, org):
    people = [org["pegawai"], *org["colleagues"]]
    written = [1 + i % 5 for i in range(len(people))]
    for user, first in zip(people, written, strict=True):
        answer(open_pulse, user, scores=(first, 3, 3, 3, 3))
    parts = list(PulseParticipation.objects.filter(pulse=open_pulse).values())
    rows = list(PulseAnswer.objects.filter(pulse=open_pulse).values())
    assert len(parts) == len(rows) == 11
    # The only column the two tables share is the pulse; their keys are unrelated random UUIDs.
    assert set(parts[0]) & set(rows[0]) == {"id", "pulse_id"}
    assert not {p["id"] for p in parts} & {r["id"] for r in rows}
    # Going through the only shared thing, the pulse, a person's participation leads to every answer of the pulse.
    for user in people[:3]:
        assert PulseAnswer.objects.filter(pulse__participations__user=user).count() == 11
    # Answer keys are random: sorted by key, the answers do not come back in the order they were written.
    assert [r["score_1"] for r in sorted(rows, key=lambda r: r["id"])] != written
    # The unit is the reporting unit: every answer of the seksi carries the same one.
    assert {r["unit_id"] for r in rows} == {org["units"]["WLS.PEL"].pk}


def test_admin_shows_neither_answers_nor_participations():
    assert PulseAnswer not in admin.site._registry
    assert PulseParticipation not in admin.site._registry
    from wagtail.snippets.models import get_snippet_models

    assert PulseAnswer not in get_snippet_models()
    assert PulseParticipation not in get_snippet_models()


def _imports(path: pathlib.Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []


def test_nothing_outside_the_pulse_imports_its_models():
    """The contract the import-linter rule states: only performance.pulse (and tests) read the tables."""
    offenders = []
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(("performance/pulse/", "tests/", ".venv/")) or "/migrations/" in rel:
            continue
        for module, names in _imports(path):
            if module == "performance.pulse.models" or (module == "performance.pulse" and "models" in names):
                offenders.append(rel)
    assert offenders == []


def test_pulse_never_imports_learning():
    for path in (ROOT / "performance" / "pulse").rglob("*.py"):
        for module, _names in _imports(path):
            assert not module.startswith("learning"), path
