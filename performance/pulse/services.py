"""Every write of the pulse: open, close, answer, remind. Keyword-only, atomic, validated before saving."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext as _

from performance.access import own_employee, unit_ids_below_sql
from performance.models import Employee, OrgUnit
from portal import dates
from portal.tasks import enqueue_on_commit

from . import notices, rules
from .models import Pulse, PulseAnswer, PulseParticipation, PulseUnit


def _units_below(unit_ids: list[int]) -> list[int]:
    placeholders = ", ".join(["%s"] * len(unit_ids))
    sql = unit_ids_below_sql(f"SELECT id FROM {OrgUnit._meta.db_table} WHERE id IN ({placeholders})", tuple(unit_ids))
    with connection.cursor() as cursor:
        cursor.execute(sql.sql, sql.params)
        return [row[0] for row in cursor.fetchall()]


@transaction.atomic
def pulse_open(
    *,
    opened_by,
    title: str,
    opens_on: dt.date,
    closes_on: dt.date,
    units: list[OrgUnit],
    statements: list[str] | None = None,
    open_question: str | None = None,
    kind: str = Pulse.Kind.QUARTERLY,
    invite: bool = True,
) -> Pulse:
    """Open a pulse for the units (with their subunits); fixes headcounts and storage units, invites everyone."""
    with translation.override(settings.LANGUAGE_CODE):  # the defaults are stored as data, in Indonesian
        defaults = [str(s) for s in rules.DEFAULT_STATEMENTS]
        default_question = str(rules.DEFAULT_OPEN_QUESTION)
    statements = list(statements or defaults)
    if len(statements) != rules.STATEMENT_COUNT or not all(s.strip() for s in statements):
        raise ValidationError(_("Pulse memerlukan tepat lima pernyataan yang terisi."))
    if not units:
        raise ValidationError({"units": _("Pilih paling sedikit satu unit.")})
    pulse = Pulse(
        title=title,
        kind=kind,
        opens_on=opens_on,
        closes_on=closes_on,
        open_question=default_question if open_question is None else open_question,
        opened_by=opened_by,
        **{f"statement_{i}": text.strip() for i, text in enumerate(statements, start=1)},
    )
    pulse.full_clean()
    pulse.save()
    pulse.units.set(units)

    unit_ids = _units_below([u.pk for u in units])
    parents = dict(OrgUnit.objects.filter(pk__in=unit_ids).values_list("id", "parent_id"))
    headcounts = dict(
        Employee.objects.filter(unit_id__in=unit_ids, active=True)
        .values("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    storage = rules.storage_units(parents, headcounts)
    PulseUnit.objects.bulk_create(
        PulseUnit(
            pulse=pulse,
            unit_id=unit_id,
            parent_id=parent_id,
            storage_unit_id=storage[unit_id],
            headcount=headcounts.get(unit_id, 0),
        )
        for unit_id, parent_id in parents.items()
    )
    if invite:
        from .tasks import pulse_invitations

        enqueue_on_commit(pulse_invitations, pulse.pk)
    return pulse


@transaction.atomic
def pulse_invite(*, pulse_id: int) -> int:
    """Give everyone in the pulse's units a notice and a mail, once per person (event key); idempotent."""
    pulse = Pulse.objects.select_for_update().filter(pk=pulse_id).first()
    if pulse is None or pulse.invited_on or not pulse.accepts_answers_on(dates.today()):
        return 0
    sent = notices.invite(pulse=pulse)
    pulse.invited_on = dates.today()
    pulse.save(update_fields=["invited_on"])
    return sent


@transaction.atomic
def pulse_close(*, pulse: Pulse) -> Pulse:
    """Close a pulse early (it also stops taking answers after its closing day)."""
    pulse.status = Pulse.Status.CLOSED
    pulse.full_clean()
    pulse.save(update_fields=["status"])
    return pulse


def _check_scores(scores) -> list[int]:
    scores = list(scores)
    if len(scores) != rules.STATEMENT_COUNT or not all(rules.valid_score(s) for s in scores):
        raise ValidationError(_("Setiap pernyataan dijawab dengan angka 1 sampai 5."))
    return scores


@transaction.atomic
def pulse_answer(*, pulse: Pulse, user, scores: list[int], open_answer: str = "") -> None:
    """Record one person's answer: the participation row and the anonymous answer, with nothing linking them.

    Raises ValidationError (and stores nothing) for a closed pulse, a pulse not for the person's unit, a second
    answer, a score outside 1–5 or an over-long open answer.
    """
    if not pulse.accepts_answers_on(dates.today()):
        raise ValidationError(_("Pulse ini sudah ditutup; jawaban tidak lagi diterima."))
    me = own_employee(user)
    member = (
        PulseUnit.objects.filter(pulse=pulse, unit_id=me.unit_id).values_list("storage_unit_id", flat=True).first()
        if me is not None and me.active
        else None
    )
    if member is None:
        raise ValidationError(_("Pulse ini bukan untuk unit Anda."))
    scores = _check_scores(scores)
    open_answer = (open_answer or "").strip()
    if len(open_answer) > rules.OPEN_ANSWER_MAX:
        raise ValidationError(
            _("Jawaban terbuka paling panjang %(limit)d karakter.") % {"limit": rules.OPEN_ANSWER_MAX}
        )
    if not pulse.open_question:
        open_answer = ""
    already = _("Anda sudah menjawab pulse ini. Setiap orang menjawab satu kali.")
    if PulseParticipation.objects.filter(pulse=pulse, user=user).exists():
        raise ValidationError(already)
    answer = PulseAnswer(pulse=pulse, unit_id=member, open_answer=open_answer)
    for i, score in enumerate(scores, start=1):
        setattr(answer, f"score_{i}", score)
    answer.full_clean()
    participation = PulseParticipation(pulse=pulse, user=user)
    participation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            participation.save(force_insert=True)
    except IntegrityError as exc:  # a concurrent second answer by the same person
        raise ValidationError(already) from exc
    answer.save(force_insert=True)


@transaction.atomic
def pulse_remind(*, pulse_id: int) -> int:
    """Send the one reminder before closing to everyone in scope who has not answered; idempotent."""
    pulse = Pulse.objects.select_for_update().filter(pk=pulse_id).first()
    today = dates.today()
    if pulse is None or pulse.reminder_sent_on or not pulse.accepts_answers_on(today):
        return 0
    if (pulse.closes_on - today).days > rules.REMINDER_DAYS_BEFORE:
        return 0
    sent = notices.remind(pulse=pulse)
    pulse.reminder_sent_on = today
    pulse.save(update_fields=["reminder_sent_on"])
    return sent


def pulse_invitations_due() -> list[int]:
    """Open pulses whose invitations were not sent (a broker outage dropped the task)."""
    today = dates.today()
    return list(
        Pulse.objects.filter(
            status=Pulse.Status.OPEN, invited_on__isnull=True, opens_on__lte=today, closes_on__gte=today
        ).values_list("pk", flat=True)
    )


def pulse_reminders_due() -> list[int]:
    """Open pulses that close within the reminder window and have had no reminder yet."""
    today = dates.today()
    return list(
        Pulse.objects.filter(
            status=Pulse.Status.OPEN,
            reminder_sent_on__isnull=True,
            opens_on__lte=today,
            closes_on__gte=today,
            closes_on__lte=today + dt.timedelta(days=rules.REMINDER_DAYS_BEFORE),
        ).values_list("pk", flat=True)
    )
