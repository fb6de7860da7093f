import pytest


@pytest.fixture
def survey_demo(demo_org):
    """The demo organisation plus the demo SKM (two service units, two closed quarters and the open one)."""
    from performance.survey.devdata import demo

    data = demo.seed()
    data["org"] = demo_org
    return data
