"""Wagtail API v2 for the mobile app: read-only pages, images and documents."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from news.api import TopicFilter, UnitFilter


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Pages, also filterable by `unit` (unit code) and `topic` (topic slug)."""

    filter_backends = [UnitFilter, TopicFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["unit", "topic"])


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
