from django.http import Http404
from django.shortcuts import redirect, render

from .models import ArticleIndexPage, StandardIndexPage


def _redirect_to_first_live(request, model):
    page = model.objects.live().order_by("path").first()
    if page is None:
        raise Http404
    url = page.get_url(request)
    if url == request.path:
        # A trainer gave the page this very slug: serve it rather than loop.
        return page.specific.serve(request)
    return redirect(url)


def standards_redirect(request):
    """The standards' stable address: redirects to the live standards index page."""
    return _redirect_to_first_live(request, StandardIndexPage)


def articles_redirect(request):
    """The socialization material's stable address: redirects to the live article index page."""
    return _redirect_to_first_live(request, ArticleIndexPage)


def search(request):
    """Full-text search over the published standards, socialization material and courses."""
    from .selectors import search_content

    query = (request.GET.get("q") or "").strip()[:100]
    results = search_content(query, request=request) if query else []
    return render(request, "home/search.html", {"search_query": query, "results": results})
