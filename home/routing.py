"""Cheaper routing for pages whose children are of known types."""

from django.apps import apps
from django.http import Http404


class TypedChildrenRouteMixin:
    """Find a child by slug with one query on its specific model instead of Wagtail's two (base row, then specific).

    `routable_child_models` lists "app_label.ModelName" in the order to try; children of other types (none, when
    `subpage_types` matches) fall back to Wagtail's own routing. A child model may name `route_select_related`
    (e.g. its cover image) to fetch with it.
    """

    routable_child_models: tuple[str, ...] = ()

    def route(self, request, path_components):
        if path_components and self.routable_child_models:
            slug, remaining = path_components[0], path_components[1:]
            for label in self.routable_child_models:
                model = apps.get_model(label)
                related = getattr(model, "route_select_related", ())
                child = model.objects.child_of(self).filter(slug=slug).select_related(*related).first()
                if child is not None:
                    # Treebeard's get_parent() reuses this: the child's templates get the specific parent for free.
                    child._cached_parent_obj = self
                    return child.route(request, remaining)
            if not self.get_children().filter(slug=slug).exists():
                raise Http404
        return super().route(request, path_components)
