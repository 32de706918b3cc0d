"""News, resolutions and announcements of every federation unit (one page type per module)."""

from .announcement import AnnouncementAttachment, AnnouncementPage, Priority
from .article import NewsArticlePage
from .base import NewsItemPage
from .index import NewsIndexPage, PageKind
from .receipts import PageViews, Receipt
from .resolution import RelatedPage, ResolutionPage
from .topics import Topic

__all__ = [
    "AnnouncementAttachment",
    "AnnouncementPage",
    "NewsArticlePage",
    "NewsIndexPage",
    "NewsItemPage",
    "PageKind",
    "PageViews",
    "Priority",
    "Receipt",
    "RelatedPage",
    "ResolutionPage",
    "Topic",
]
