"""'Did you mean': a close spelling from the words of indexed titles, when a query finds nothing."""

from __future__ import annotations

import difflib
from collections import Counter

from django.core.cache import cache

from folding import folded_tokens
from search.models import SearchDocument

VOCABULARY_CACHE_KEY = "portal_search:vocabulary"
VOCABULARY_SECONDS = 600
# Titles carry the words people look for; bodies would add every typo in them.
MAX_VOCABULARY = 50_000
SIMILARITY = 0.75


def vocabulary() -> set[str]:
    words = cache.get(VOCABULARY_CACHE_KEY)
    if words is None:
        counts: Counter[str] = Counter()
        for title in SearchDocument.objects.public().values_list("title_folded", flat=True).iterator():
            counts.update(title.split())
        words = {word for word, _count in counts.most_common(MAX_VOCABULARY) if len(word) > 1}
        cache.set(VOCABULARY_CACHE_KEY, words, VOCABULARY_SECONDS)
    return words


def forget_vocabulary() -> None:
    cache.delete(VOCABULARY_CACHE_KEY)


def did_you_mean(text: str) -> str:
    """The query with unknown words replaced by the closest known ones, or '' when nothing is closer."""
    words = vocabulary()
    if not words:
        return ""
    terms = folded_tokens(text)
    corrected = []
    changed = False
    for term in terms:
        if term in words or term.isdigit():
            corrected.append(term)
            continue
        close = difflib.get_close_matches(term, words, n=1, cutoff=SIMILARITY)
        if close:
            corrected.append(close[0])
            changed = True
        else:
            corrected.append(term)
    return " ".join(corrected) if changed else ""
