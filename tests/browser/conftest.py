import pytest


@pytest.fixture(autouse=True)
def _page_tree_roots(transactional_db):
    """Transactional tests flush the database between tests, which removes the default locale and the page and
    collection tree roots that migrations created; the demo seeders expect them."""
    from wagtail.models import Collection, Locale, Page

    if not Locale.objects.exists():
        Locale.objects.create(language_code="id")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
