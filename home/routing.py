"""Cheaper routing for pages whose children are of known types."""

from django.http import Http404


class TypedChildrenRouteMixin:
    """Find a child by slug with one query on its specific model instead of Wagtail's two (base row, then specific).

    The child types are the page's own `subpage_types`, tried in that order (Wagtail resolves them once per class;
    no model is looked up by name here). Children of other types (none, when `subpage_types` has always been what
    it is) fall back to Wagtail's own routing. A child model may name `route_select_related` (e.g. its cover image)
    to fetch with it.
    """

    def route(self, request, path_components):
        child_models = self.clean_subpage_models() if getattr(type(self), "subpage_types", None) else []
        if path_components and child_models:
            slug, remaining = path_components[0], path_components[1:]
            for model in child_models:
                related = getattr(model, "route_select_related", ())
                child = model.objects.child_of(self).filter(slug=slug).select_related(*related).first()
                if child is not None:
                    # Treebeard's get_parent() reuses this: the child's templates get the specific parent for free.
                    child._cached_parent_obj = self
                    return child.route(request, remaining)
            if not self.get_children().filter(slug=slug).exists():
                raise Http404
        return super().route(request, path_components)
