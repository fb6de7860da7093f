"""Stored assessments refer to home's facts by their stable codes.

- BerAKHLAK values: the codes of `home.CoreValue.slug` (`berorientasi-pelayanan`), not the underscore copy that
  `performance/rules.py` had (`berorientasi_pelayanan`).
- Standards: `home.StandardPage.code` (`DK`), not the page slug (`disiplin-kerja`), which editors may change.

Both the rows and the audit trail (its `berakhlak` and `standards` changes) are converted; the reverse undoes it.
"""

from django.db import migrations

#: The slugs and codes of the three standards of the brief, for databases where the pages do not exist (yet).
KNOWN_STANDARDS = {"disiplin-kerja": "DK", "kualitas-pelayanan-publik": "KPP", "inovasi": "INO"}


def berakhlak_code(code: str, *, forward: bool = True) -> str:
    return code.replace("_", "-") if forward else code.replace("-", "_")


def berakhlak_codes(codes, *, forward: bool = True) -> list[str]:
    return sorted({berakhlak_code(c, forward=forward) for c in codes or []})


def standard_code(code: str, mapping: dict[str, str]) -> str:
    """The new code of a stored standard key; keys already converted or unknown are left as they are."""
    return mapping.get(code, code)


def convert_changes(changes: dict, mapping: dict[str, str], *, forward: bool = True) -> dict:
    """An audit entry's changes ({field: [before, after]}) with BerAKHLAK codes and standard keys converted."""
    result = dict(changes)
    if "berakhlak" in result:
        result["berakhlak"] = [
            berakhlak_codes(side, forward=forward) if isinstance(side, list) else side for side in result["berakhlak"]
        ]
    if "standards" in result:
        result["standards"] = [
            {standard_code(k, mapping): v for k, v in side.items()} if isinstance(side, dict) else side
            for side in result["standards"]
        ]
    return result


def slug_to_code(apps) -> dict[str, str]:
    StandardPage = apps.get_model("home", "StandardPage")
    mapping = dict(KNOWN_STANDARDS)
    mapping.update({slug: code for slug, code in StandardPage.objects.values_list("slug", "code") if code})
    return mapping


def _convert(apps, mapping: dict[str, str], *, forward: bool) -> None:
    Assessment = apps.get_model("performance", "Assessment")
    StandardRating = apps.get_model("performance", "StandardRating")
    AssessmentAuditEntry = apps.get_model("performance", "AssessmentAuditEntry")
    changed = []
    for a in Assessment.objects.exclude(berakhlak=[]).only("pk", "berakhlak").iterator():
        new = berakhlak_codes(a.berakhlak, forward=forward)
        if new != a.berakhlak:
            a.berakhlak = new
            changed.append(a)
    Assessment.objects.bulk_update(changed, ["berakhlak"], batch_size=1000)
    for old, new in mapping.items():
        StandardRating.objects.filter(standard_code=old).update(standard_code=new)
    entries = []
    for entry in AssessmentAuditEntry.objects.only("pk", "changes").iterator():
        new = convert_changes(entry.changes or {}, mapping, forward=forward)
        if new != entry.changes:
            entry.changes = new
            entries.append(entry)
    AssessmentAuditEntry.objects.bulk_update(entries, ["changes"], batch_size=1000)


def forwards(apps, schema_editor):
    _convert(apps, slug_to_code(apps), forward=True)


def backwards(apps, schema_editor):
    _convert(apps, {code: slug for slug, code in slug_to_code(apps).items()}, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0001_initial"),
        ("home", "0003_seed_core_values"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
