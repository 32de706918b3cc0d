"""Each test starts as a fresh worker would, whatever the test before it left behind.

The two tests run in this order (pytest keeps a file's order): the first leaves an English
request's language active and fills the single-worker caches; the second must not see it.
"""

from django.conf import settings
from django.utils import translation

from contests import bank_cache, round_cache
from news import readership


def test_a_request_in_english_leaves_its_language_and_caches_behind(client, db):
    client.get("/en/")
    assert translation.get_language() == "en"
    bank_cache._local["leftover"] = object()
    round_cache._rounds[1] = (float("inf"), object())
    readership.record_view(1)


def test_the_next_test_starts_in_the_default_language_with_empty_caches():
    assert translation.get_language() == settings.LANGUAGE_CODE
    assert not bank_cache._local
    assert not round_cache._rounds
    assert not readership.pending_views()
