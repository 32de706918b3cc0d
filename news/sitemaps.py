"""sitemap.xml across languages: every live public page of the site in every locale,
each listing its translations as hreflang alternates (and x-default, the default language)."""

from __future__ import annotations

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class MultilingualSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = list(Page.objects.filter(translation_key=site.root_page.translation_key).only("path"))
        in_site = reduce(or_, [Q(path__startswith=root.path) for root in roots])
        return (
            Page.objects.live()
            .public()
            .filter(in_site)
            .select_related("locale")
            .only(
                "id",
                "path",
                "url_path",
                "translation_key",
                "last_published_at",
                "latest_revision_created_at",
                "locale__language_code",
            )
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations: dict = defaultdict(list)
        for candidate in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in pages})
            .select_related("locale")
            .only("id", "url_path", "translation_key", "locale__language_code")
        ):
            translations[candidate.translation_key].append(candidate)
        default_language = Locale.get_default().language_code
        urls = []
        for item in pages:
            siblings = translations[item.translation_key]
            alternates = []
            if len(siblings) > 1:
                alternates = [
                    {"lang_code": s.locale.language_code, "location": s.get_full_url(self.request)}
                    for s in sorted(siblings, key=lambda s: s.locale.language_code)
                ]
                default = next((s for s in siblings if s.locale.language_code == default_language), None)
                if default is not None:
                    alternates.append(
                        {"lang_code": "x-default", "location": default.get_full_url(self.request)}
                    )
            urls.append(
                {
                    "item": item,
                    "location": item.get_full_url(self.request),
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates,
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
