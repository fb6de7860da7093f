import pytest


@pytest.fixture
def open_period(demo_org):
    return demo_org["periods"][-1]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded roster files go to a temporary folder, never into the working tree."""
    settings.MEDIA_ROOT = tmp_path / "media"
