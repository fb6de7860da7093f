import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Certificates and exports are written to a throwaway media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
