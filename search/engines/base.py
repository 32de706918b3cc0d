"""What every engine receives and returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Facet name in URLs and templates -> SearchDocument field.
FACET_FIELDS = {
    "type": "kind",
    "language": "language",
    "level": "unit_level",
    "unit": "unit_id",
    "year": "year",
    "topic": "topic",
}

FacetCounts = dict[str, list[tuple[Any, int]]]


@dataclass
class QueryPlan:
    """A query ready for an engine: tokens already folded, filters already checked."""

    folded_terms: list[str]
    exact_terms: list[str] = field(default_factory=list)
    text: str = ""
    language: str | None = None
    public_only: bool = True
    kinds: list[str] = field(default_factory=list)
    unit_path: str = ""
    level: int | None = None
    year: int | None = None
    topic: str = ""
    content_type_id: int | None = None
    facets: tuple[str, ...] = ()
    offset: int = 0
    limit: int = 20

    def filters(self, without: str | None = None) -> dict[str, Any]:
        """Active filters as {facet or filter name: value}; `without` drops one facet's own filter."""
        values = {
            "language": self.language,
            "public": True if self.public_only else None,
            "type": self.kinds or None,
            "unit": self.unit_path or None,
            "level": self.level,
            "year": self.year,
            "topic": self.topic or None,
            "content_type": self.content_type_id,
        }
        if without is not None:
            values[without] = None
        return {name: value for name, value in values.items() if value is not None}


@dataclass
class EngineHit:
    document_id: int
    # Highlighted fragments from the engine ({"title": "...", "body": "..."}), already HTML-escaped.
    highlight: dict[str, str] | None = None


@dataclass
class EngineResult:
    total: int
    hits: list[EngineHit]
    facets: FacetCounts = field(default_factory=dict)
    # A very common query may be answered with estimates ("about 87,000") rather than exact counts.
    total_is_estimate: bool = False
    facets_are_estimates: bool = False
    # How many of the matches were ranked and can be paged through; None: all of them.
    ranked: int | None = None


class SearchEngine:
    name = "base"

    def index_documents(self, rows) -> None:
        raise NotImplementedError

    def remove_documents(self, rows) -> None:
        raise NotImplementedError

    def start_rebuild(self):
        raise NotImplementedError

    def search(self, plan: QueryPlan) -> EngineResult:
        raise NotImplementedError

    def autocomplete(self, plan: QueryPlan) -> list[int]:
        """Document ids whose title starts words with the plan's terms (the last one as a prefix)."""
        raise NotImplementedError

    def ping(self) -> bool:
        return True
