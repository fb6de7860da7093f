"""Every write of the survey: a citizen's submission (token, rate limit, one response per token), moderation of
comments, complaint follow-up, and HR opening and closing periods."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import dates

from . import rules
from .models import ServiceKind, ServiceUnit, SubmitCounter, SurveyPeriod, SurveyResponse, UsedFormToken

TOKEN_SALT = "survey.form-token"


def token_max_age() -> int:
    """Seconds a form token lives: long enough to answer slowly on a phone, short enough to be worthless later."""
    return int(getattr(settings, "SURVEY_TOKEN_MAX_AGE", 2 * 60 * 60))


def rate_limit() -> int:
    """Submissions per address and hour. Generous: a mobile carrier puts many phones behind one address."""
    return int(getattr(settings, "SURVEY_RATE_LIMIT_PER_HOUR", 30))


class SurveyRejected(Exception):
    """A submission refused as a whole (token, period, rate limit): the message is shown, nothing is stored."""

    def __init__(self, message, *, code: str, response_id: int | None = None):
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.response_id = response_id


@dataclass(frozen=True)
class FormToken:
    service_unit_id: int
    period_id: int
    nonce: str


def form_token_issue(*, service_unit: ServiceUnit, period: SurveyPeriod) -> str:
    """A signed single-use token for one form of one unit and period."""
    payload = {"u": service_unit.pk, "p": period.pk, "n": secrets.token_hex(16)}
    return signing.dumps(payload, salt=TOKEN_SALT, compress=False)


def form_token_read(token: str, *, service_unit: ServiceUnit) -> FormToken:
    """Verify signature, age and unit; raises SurveyRejected otherwise."""
    try:
        payload = signing.loads(token or "", salt=TOKEN_SALT, max_age=token_max_age())
    except signing.SignatureExpired:
        raise SurveyRejected(
            _("Formulir ini sudah terlalu lama dibuka. Jawaban Anda masih ada: silakan tekan Kirim sekali lagi."),
            code="expired",
        ) from None
    except signing.BadSignature:
        raise SurveyRejected(
            _("Formulir tidak dikenali. Silakan muat ulang halaman survei lalu kirim lagi."), code="bad_token"
        ) from None
    if not isinstance(payload, dict) or payload.get("u") != service_unit.pk or not payload.get("n"):
        raise SurveyRejected(
            _("Formulir tidak dikenali. Silakan muat ulang halaman survei lalu kirim lagi."), code="bad_token"
        )
    return FormToken(payload["u"], int(payload["p"]), str(payload["n"]))


def address_key(address: str) -> str:
    """The address as a keyed hash: the limit needs to recognise it, nobody needs to read it."""
    return hmac.new(settings.SECRET_KEY.encode(), (address or "-").encode(), hashlib.sha256).hexdigest()


def submit_counter_hit(*, address: str, now: dt.datetime | None = None) -> int:
    """Count one submission for the address in the current hour (database row, so Redis is not needed). No
    transaction of its own: the UPDATE is atomic, and a first hit racing another is caught in its savepoint."""
    now = now or timezone.now()
    window = now.replace(minute=0, second=0, microsecond=0)
    key = address_key(address)
    updated = SubmitCounter.objects.filter(key=key, window_start=window).update(count=F("count") + 1)
    if not updated:
        try:
            with transaction.atomic():
                SubmitCounter.objects.create(key=key, window_start=window, count=1)
            return 1
        except IntegrityError:  # a concurrent first hit created it
            SubmitCounter.objects.filter(key=key, window_start=window).update(count=F("count") + 1)
    return SubmitCounter.objects.filter(key=key, window_start=window).values_list("count", flat=True).get()


def open_period_for(day: dt.date | None = None) -> SurveyPeriod | None:
    """The open period covering the day (WIT), latest first."""
    day = day or dates.today()
    return (
        SurveyPeriod.objects.filter(status=SurveyPeriod.Status.OPEN, start_date__lte=day, end_date__gte=day)
        .order_by("-start_date")
        .first()
    )


def submit_allowed(*, address: str) -> bool:
    """Count one submission attempt for the address (valid or not) and say whether it is within the limit."""
    return submit_counter_hit(address=address) <= rate_limit()


RATE_LIMIT_MESSAGE = _("Terlalu banyak jawaban dari jaringan ini dalam satu jam. Silakan coba lagi nanti.")


@transaction.atomic
def survey_submit(
    *,
    service_unit: ServiceUnit,
    token: str,
    scores: dict[str, int],
    service_kind: ServiceKind,
    officer_id: int | None = None,
    profile: dict[str, str] | None = None,
    comment: str = "",
    is_complaint: bool = False,
    open_period: SurveyPeriod | None = None,
) -> SurveyResponse:
    """Store one citizen's answers. Checks the token (signature, age, unit), that its period is still open and the
    kind belongs to the unit; a token already spent (double tap, replay) stores nothing and raises with the first
    response's id. The caller has applied the rate limit (`submit_allowed`)."""
    parsed = form_token_read(token, service_unit=service_unit)
    if open_period is not None and open_period.pk == parsed.period_id:
        period = open_period
    else:
        period = SurveyPeriod.objects.filter(pk=parsed.period_id).first()
    if period is None or not period.is_open or not (period.start_date <= dates.today() <= period.end_date):
        raise SurveyRejected(_("Periode survei ini sudah ditutup. Terima kasih atas niat baik Anda."), code="closed")
    if service_kind.service_unit_id != service_unit.pk or not service_kind.active:
        raise SurveyRejected(_("Jenis layanan tidak dikenal untuk unit ini."), code="kind")
    response = SurveyResponse(
        service_unit=service_unit,
        period=period,
        service_kind=service_kind,
        officer_id=officer_id,
        comment=(comment or "").strip(),
        is_complaint=bool(is_complaint and (comment or "").strip()),
        **{f: int(scores[f]) for f in rules.ELEMENT_FIELDS},
        **(profile or {}),
    )
    # The related rows were fetched and checked above (and the officer by the form): no lookups again. The scores'
    # range is checked by the fields' validators here and by the table's constraint: no query to check it twice.
    response.full_clean(exclude=["service_unit", "period", "service_kind", "officer"], validate_constraints=False)
    try:
        with transaction.atomic():
            spent = UsedFormToken.objects.create(nonce=parsed.nonce)
    except IntegrityError:  # spent before: a double tap or a replay
        first = UsedFormToken.objects.filter(nonce=parsed.nonce).values_list("response_id", flat=True).first()
        raise SurveyRejected(
            _("Jawaban dari formulir ini sudah kami terima. Terima kasih."), code="replayed", response_id=first
        ) from None
    response.save()
    spent.response = response
    spent.save(update_fields=["response"])
    if response.is_complaint:
        _notify_complaint(response)
    return response


def _notify_complaint(response: SurveyResponse) -> None:
    """The unit's head hears of a complaint at once (inside the submit's transaction); no citizen data is sent."""
    from django.urls import reverse

    from portal.notifications.services import notify

    head = response.service_unit.unit.head
    if head is None or head.user_id is None:
        return
    url = reverse("survey:comments", kwargs={"code": response.service_unit.code})
    notify(
        recipient=head.user,
        kind="survey.complaint",
        event_key=f"survey-complaint:{response.pk}",
        title=_("Pengaduan baru di %(unit)s"),
        body=_("Seorang warga mengirim pengaduan lewat survei kepuasan. Mohon tindak lanjuti dan catat hasilnya."),
        link=f"{url}?periode={response.period_id}&pengaduan=1#r{response.pk}",
        params={"unit": response.service_unit.name},
    )


# --- Moderation and follow-up (HR and the unit's head) ----------------------------------------------------------


@transaction.atomic
def comment_set_hidden(*, response: SurveyResponse, hidden: bool) -> SurveyResponse:
    """Hide an abusive comment (kept, never deleted) or show it again."""
    response.comment_hidden = hidden
    response.full_clean()
    response.save(update_fields=["comment_hidden"])
    return response


@transaction.atomic
def complaint_follow_up(*, response: SurveyResponse, actor, note: str) -> SurveyResponse:
    """Mark a complaint followed up, with what was done."""
    from django.core.exceptions import ValidationError

    note = (note or "").strip()
    if not note:
        raise ValidationError({"follow_up_note": _("Tuliskan tindak lanjutnya.")})
    response.follow_up_note = note
    response.followed_up_at = timezone.now()
    response.followed_up_by = actor
    response.full_clean()
    response.save(update_fields=["follow_up_note", "followed_up_at", "followed_up_by"])
    return response


@transaction.atomic
def survey_period_set_status(*, period: SurveyPeriod, status: str) -> SurveyPeriod:
    period.status = status
    period.full_clean()
    period.save(update_fields=["status"])
    return period


@transaction.atomic
def survey_period_for_quarter(*, year: int, quarter: int, status: str = SurveyPeriod.Status.CLOSED) -> SurveyPeriod:
    """The quarter's period (the default length), created when missing."""
    start, end = dates.quarter_bounds(year, quarter)
    names = {1: "I", 2: "II", 3: "III", 4: "IV"}
    period, created = SurveyPeriod.objects.get_or_create(
        start_date=start, end_date=end, defaults={"name": f"Triwulan {names[quarter]} {year}", "status": status}
    )
    if created:
        period.full_clean()
    return period


def purge_spent_records(*, now: dt.datetime | None = None) -> dict:
    """Forget counters older than a day and spent tokens older than a token's life (both useless by then)."""
    now = now or timezone.now()
    counters, _x = SubmitCounter.objects.filter(window_start__lt=now - dt.timedelta(days=1)).delete()
    tokens, _y = UsedFormToken.objects.filter(used_at__lt=now - dt.timedelta(seconds=token_max_age() + 60)).delete()
    return {"counters": counters, "tokens": tokens}
