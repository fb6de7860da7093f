"""The data migration that moves stored assessments onto home's codes: BerAKHLAK underscore → hyphen (the
`CoreValue.slug`), standard slug → `StandardPage.code`, in the rows and in the audit trail."""

import importlib

import pytest

migration = importlib.import_module("performance.migrations.0002_codes_from_home")
MAPPING = dict(migration.KNOWN_STANDARDS)


@pytest.mark.parametrize(
    ("stored", "forward", "expected"),
    [
        ("berorientasi_pelayanan", True, "berorientasi-pelayanan"),
        ("berorientasi-pelayanan", True, "berorientasi-pelayanan"),  # already converted: unchanged
        ("akuntabel", True, "akuntabel"),
        ("kolaboratif", True, "kolaboratif"),
        ("berorientasi-pelayanan", False, "berorientasi_pelayanan"),
        ("loyal", False, "loyal"),
    ],
)
def test_berakhlak_code(stored, forward, expected):
    assert migration.berakhlak_code(stored, forward=forward) == expected


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("disiplin-kerja", "DK"),
        ("kualitas-pelayanan-publik", "KPP"),
        ("inovasi", "INO"),
        ("DK", "DK"),  # already converted
        ("standar-lain", "standar-lain"),  # unknown: left as it was, never guessed
    ],
)
def test_standard_code(stored, expected):
    assert migration.standard_code(stored, MAPPING) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"berakhlak": [[], ["berorientasi_pelayanan", "akuntabel"]]},
            {"berakhlak": [[], ["akuntabel", "berorientasi-pelayanan"]]},
        ),
        (
            {"standards": [{}, {"disiplin-kerja": [2, "bukti"], "inovasi": [1, ""]}]},
            {"standards": [{}, {"DK": [2, "bukti"], "INO": [1, ""]}]},
        ),
        (
            {"berakhlak": [None, ["loyal"]], "summary": ["", "Baik."]},
            {"berakhlak": [None, ["loyal"]], "summary": ["", "Baik."]},
        ),
        ({"revisi_baru": [None, 2]}, {"revisi_baru": [None, 2]}),
    ],
)
def test_audit_changes_converted(changes, expected):
    assert migration.convert_changes(changes, MAPPING) == expected


def test_slug_to_code_prefers_the_pages(db):
    from django.apps import apps

    from home.models import StandardPage

    mapping = migration.slug_to_code(apps)
    assert mapping["disiplin-kerja"] == "DK"  # the known three, also without pages
    for slug, code in StandardPage.objects.values_list("slug", "code"):
        assert mapping[slug] == code


@pytest.mark.django_db
def test_forwards_then_backwards_on_stored_rows(demo_org):
    from django.apps import apps

    from performance.models import Assessment, AssessmentAuditEntry, StandardRating

    a = Assessment.objects.exclude(berakhlak=[]).first()
    a.berakhlak = ["akuntabel", "berorientasi_pelayanan"]
    a.save(update_fields=["berakhlak"])
    StandardRating.objects.filter(assessment=a, standard_code="DK").update(standard_code="disiplin-kerja")
    entry = AssessmentAuditEntry.objects.create(
        assessment=a, action="updated", changes={"berakhlak": [[], ["berorientasi_pelayanan"]]}
    )
    migration.forwards(apps, None)
    a.refresh_from_db()
    entry.refresh_from_db()
    assert a.berakhlak == ["akuntabel", "berorientasi-pelayanan"]
    assert set(a.standard_ratings.values_list("standard_code", flat=True)) == {"DK", "KPP", "INO"}
    assert entry.changes == {"berakhlak": [[], ["berorientasi-pelayanan"]]}
    migration.backwards(apps, None)
    a.refresh_from_db()
    assert a.berakhlak == ["akuntabel", "berorientasi_pelayanan"]
    assert "disiplin-kerja" in set(a.standard_ratings.values_list("standard_code", flat=True))
