"""The scale builder: a realistic spread (a busy unit, a long tail, units with too few), idempotent, bulk."""

from django.db.models import Count

import pytest

from performance.devdata.scale import build_scale_org
from performance.survey import selectors
from performance.survey.devdata.scale import RESPONSES_PER_LEARNER, TOO_FEW, build_scale_survey, busiest
from performance.survey.models import ServiceUnit, SurveyResponse

pytestmark = pytest.mark.django_db


def test_scale_builder_spreads_responses_and_is_idempotent(django_user_model):
    users = [django_user_model.objects.create(email=f"skala{i}@walesi.test").pk for i in range(60)]
    build_scale_org(users)
    result = build_scale_survey(users)
    assert result["responses"] == SurveyResponse.objects.count() == RESPONSES_PER_LEARNER * len(users)
    per_unit = dict(
        SurveyResponse.objects.values("service_unit__code")
        .annotate(n=Count("pk"))
        .values_list("service_unit__code", "n")
    )
    counts = sorted(per_unit.values(), reverse=True)
    assert counts[0] > 4 * counts[len(counts) // 2]  # one busy office, a long tail
    assert sum(1 for n in counts if n < 40) >= TOO_FEW  # units with too few to trust
    unit, period, n = busiest()
    figures = selectors.unit_report(unit, period).figures
    assert figures.responses == n and figures.band is not None and figures.adequacy is not None
    assert build_scale_survey(users)["responses"] == SurveyResponse.objects.count()
    assert ServiceUnit.objects.filter(code__startswith="skala-").count() == 20
