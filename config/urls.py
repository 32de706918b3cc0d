from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api_router
from config.health import healthz
from news.sitemaps import MultilingualSitemap

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Wagtail's own login form would skip the second factor: send it to allauth's.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("members.public_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("federations.urls")),
    path("", include("members.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("news.urls")),
    path("", include("contests.urls")),
    path("", include("stats.urls")),
    path("", include("legal_library.urls")),
    path("", include("jobs.urls")),
    path("", include("feedback.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
