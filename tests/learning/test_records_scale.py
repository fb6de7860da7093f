import pytest

from learning.devdata.scale import COURSES_PER_LEARNER, MODULES_PER_COURSE, SCALE_COURSES, generate
from learning.models import CoursePage, Enrollment, ModulePage, ModuleProgress, QuizAttempt

pytestmark = pytest.mark.django_db

CALLS = []


def record_builder(user_ids, *, seed):
    CALLS.append((len(user_ids), seed))


def test_generate_scale_data_builds_pages_records_and_calls_builders(demo_site, settings):
    settings.PORTAL_SCALE_BUILDERS = [
        "tests.learning.test_records_scale.record_builder",
    ]
    CALLS.clear()
    counts = generate(3, seed=1)
    courses = CoursePage.objects.filter(slug__startswith="skala-")
    assert courses.count() == SCALE_COURSES
    assert ModulePage.objects.filter(path__startswith=courses.first().path).count() == MODULES_PER_COURSE
    assert Enrollment.objects.count() == 3 * COURSES_PER_LEARNER == counts["enrollments"]
    assert ModuleProgress.objects.count() == counts["progress"] > 0
    assert QuizAttempt.objects.count() == counts["attempts"] > 0
    assert CALLS == [(3, 1)]
    again = generate(3, seed=1)  # idempotent: nothing new for the same learners
    assert again["enrollments"] == 0 and Enrollment.objects.count() == 3 * COURSES_PER_LEARNER
    assert CoursePage.objects.filter(slug__startswith="skala-").count() == SCALE_COURSES


def test_bench_discovers_cases_and_parses_sizes(settings):
    from bench.runner import _sizes, load_cases

    settings.PORTAL_BENCH_MODULES = ["learning.devdata.bench"]
    names = [case.name for case in load_cases()]
    assert "floor: /healthz/" in names and "learning: /belajar/" in names and "learning: quiz submit" in names

    class Args:
        sizes = "default,small"
        learners = "small=10"

    assert _sizes(Args) == [("small", 10), ("default", 5000)]


@pytest.mark.parametrize(
    "dotted", ["learning.devdata.scael.build", "tests.learning.test_records_scale.no_such_builder"]
)
def test_misspelt_scale_builder_fails_loudly(demo_site, settings, dotted):
    from django.core.exceptions import ImproperlyConfigured

    from learning.devdata.scale import run_scale_builders

    settings.PORTAL_SCALE_BUILDERS = [dotted]
    with pytest.raises(ImproperlyConfigured):
        run_scale_builders([], 1, None, 0.0)
