"""Search engines behind the service: Wagtail's database backend, or Elasticsearch 8.

Both take the same QueryPlan and give the same EngineResult, so the service, the
views and the contract tests do not care which one runs.
"""

from __future__ import annotations

from django.conf import settings

from search.engines.base import EngineResult, FacetCounts, QueryPlan, SearchEngine

__all__ = ["EngineResult", "FacetCounts", "QueryPlan", "SearchEngine", "get_engine", "set_engine"]

_engine: SearchEngine | None = None
_engine_key: tuple | None = None


def _configured_key() -> tuple:
    return (getattr(settings, "ELASTICSEARCH_URL", ""), getattr(settings, "ELASTICSEARCH_INDEX", "portal"))


def get_engine() -> SearchEngine:
    """The engine for the current settings: Elasticsearch when ELASTICSEARCH_URL is set."""
    global _engine, _engine_key
    key = _configured_key()
    if _engine is None or _engine_key != key:
        url, index = key
        if url:
            from search.engines.elasticsearch import ElasticsearchEngine

            _engine = ElasticsearchEngine.from_url(url, index_prefix=index)
        else:
            from search.engines.database import DatabaseEngine

            _engine = DatabaseEngine()
        _engine_key = key
    return _engine


def set_engine(engine: SearchEngine | None) -> None:
    """Use `engine` from now on (None: back to what the settings say). For tests and benchmarks."""
    global _engine, _engine_key
    _engine = engine
    _engine_key = _configured_key() if engine is not None else None
