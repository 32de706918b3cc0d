"""Finding the scenario or article that answers a question, through the shared search service.

The search service matches every word of a query (AND); a worker's question has many words
that no answer contains. So the assistant asks the service once per content word (the words of
`language.content_words`: folded, abbreviations spelt out, colloquial phrases followed by the
library's words) and pools the hits. The number of hits per word is its document frequency: rare
words weigh more. Each pooled candidate is then scored on its own text, with folded words that
may be misspelt matched by similarity (typos), and word pairs in order (phrases) counted:

    score = 0.55 × (weighted share of the question's words found in the candidate)
          + 0.20 × (weighted share of the question's word pairs found in order)
          + 0.25 × (weighted share of the candidate's title words found in the question)

The score (0–1) is the confidence shown to the member; below the threshold the assistant says
it does not know.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.html import strip_tags

from folding import folded_tokens
from legal_library.models import LegalQAPage, Provision, ProvisionKind
from search.service import SearchRequest, run_search

from .language import content_words

QA_KIND = "legal_library.legalqapage"
ARTICLE_KIND = "legal_library.article"
# A question is cut to this many content words (a 5,000-character paste is not 800 searches).
MAX_WORDS = 14
HITS_PER_WORD = 50
# Two folded words this alike (difflib ratio) are taken for the same word misspelt.
TYPO_SIMILARITY = 0.8
TYPO_CREDIT = 0.75
# A scenario is written to answer a question; an article only contains the answer.
ARTICLE_FACTOR = 0.9
WEIGHTS = (0.55, 0.20, 0.25)
SCENARIO_FIELDS = (("title", 1.0), ("question", 1.0), ("situation", 0.85), ("answer", 0.7), ("cited", 0.6))
ARTICLE_FIELDS = (("title", 1.0), ("body", 0.75), ("document", 0.4))


@dataclass
class Candidate:
    kind: str  # "scenario" or "article"
    obj: LegalQAPage | Provision
    fields: dict[str, list[str]]
    score: float = 0.0

    @property
    def title(self) -> str:
        if self.kind == "scenario":
            return self.obj.title
        return f"{self.obj.label}. {self.obj.heading}"

    @property
    def key(self) -> str:
        """What the evaluation compares: a scenario's slug, or `document-slug#dieu-N` for an article."""
        if self.kind == "scenario":
            return self.obj.slug
        return f"{self.obj.document.slug}#{self.obj.anchor}"


@dataclass
class Retrieval:
    question: str
    words: list[str]
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    @property
    def confidence(self) -> float:
        return self.best.score if self.best else 0.0

    def scenarios(self) -> list[Candidate]:
        return [c for c in self.candidates if c.kind == "scenario"]


def _corpus_size() -> int:
    size = cache.get("assistant:corpus_size")
    if size is None:
        size = (
            LegalQAPage.objects.live().count()
            + Provision.objects.filter(kind=ProvisionKind.ARTICLE, document__live=True).count()
        )
        cache.set("assistant:corpus_size", size, 600)
    return max(size, 1)


def _search_word(word: str) -> tuple[int, list[tuple[str, int]]]:
    response = run_search(
        SearchRequest(text=word, kinds=[QA_KIND, ARTICLE_KIND], all_languages=True, per_page=HITS_PER_WORD),
        with_facets=False,
    )
    return response.total, [(hit.kind, hit.object_id) for hit in response.results]


def _load(keys: set[tuple[str, int]]) -> list[Candidate]:
    scenario_ids = [pk for kind, pk in keys if kind == QA_KIND]
    article_ids = [pk for kind, pk in keys if kind == ARTICLE_KIND]
    candidates = []
    scenarios = LegalQAPage.objects.live().filter(pk__in=scenario_ids).prefetch_related("citations")
    cited = _cited_headings(scenarios)
    for page in scenarios:
        headings = " ".join(cited.get((c.document_id, c.article), "") for c in page.citations.all())
        fields = {
            "title": folded_tokens(page.title),
            "question": folded_tokens(page.question),
            "situation": folded_tokens(page.situation),
            "answer": folded_tokens(strip_tags(page.answer)),
            "cited": folded_tokens(headings),
        }
        candidates.append(Candidate("scenario", page, fields))
    articles = (
        Provision.objects.filter(pk__in=article_ids, kind=ProvisionKind.ARTICLE, document__live=True)
        .select_related("document")
        .prefetch_related("children__children")
    )
    for article in articles:
        lines = [article.text]
        for clause in article.children.all():
            lines.append(clause.text)
            lines.extend(point.text for point in clause.children.all())
        fields = {
            "title": folded_tokens(article.heading),
            "body": folded_tokens("\n".join(lines)),
            "document": folded_tokens(article.document.title),
        }
        candidates.append(Candidate("article", article, fields))
    return candidates


def _cited_headings(scenarios) -> dict[tuple[int, int], str]:
    pairs = {(c.document_id, c.article) for page in scenarios for c in page.citations.all()}
    if not pairs:
        return {}
    rows = Provision.objects.filter(
        kind=ProvisionKind.ARTICLE,
        document_id__in={document for document, _ in pairs},
        article_number__in={article for _, article in pairs},
    ).values_list("document_id", "article_number", "heading")
    return {(document, number): heading for document, number, heading in rows}


def _similar(word: str, vocabulary: set[str]) -> str | None:
    if len(word) < 3 or word.isdigit():
        return None
    close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=TYPO_SIMILARITY)
    return close[0] if close else None


class _Scorer:
    def __init__(self, words: list[str], idf: dict[str, float]):
        self.words = words
        self.idf = idf
        self.pairs = list(zip(words, words[1:], strict=False))

    def _match(self, word: str, tokens: set[str]) -> float:
        if word in tokens:
            return 1.0
        if len(word) >= 4 and not word.isdigit():
            close = difflib.get_close_matches(word, tokens, n=1, cutoff=TYPO_SIMILARITY)
            if close:
                return TYPO_CREDIT
        return 0.0

    def score(self, candidate: Candidate) -> float:
        weights = SCENARIO_FIELDS if candidate.kind == "scenario" else ARTICLE_FIELDS
        token_sets = {name: set(candidate.fields[name]) for name, _weight in weights}
        total = sum(self.idf[w] for w in self.words) or 1.0
        found = 0.0
        for word in self.words:
            found += self.idf[word] * max(
                weight * self._match(word, token_sets[name]) for name, weight in weights
            )
        coverage = found / total

        adjacent = set()
        for name, _weight in weights:
            tokens = candidate.fields[name]
            adjacent.update(zip(tokens, tokens[1:], strict=False))
        if self.pairs:
            pair_total = sum(self.idf[a] + self.idf[b] for a, b in self.pairs)
            pair_found = sum(self.idf[a] + self.idf[b] for a, b in self.pairs if (a, b) in adjacent)
            phrases = pair_found / pair_total
        else:
            phrases = coverage

        title_words = content_words(" ".join(candidate.fields["title"]))
        question_words = set(self.words)
        if title_words:
            precision = sum(self._match(w, question_words) for w in title_words) / len(title_words)
        else:
            precision = 0.0
        score = WEIGHTS[0] * coverage + WEIGHTS[1] * phrases + WEIGHTS[2] * precision
        return score * (ARTICLE_FACTOR if candidate.kind == "article" else 1.0)


def retrieve(question: str) -> Retrieval:
    """The scenarios and articles that may answer `question`, best first, each with its score."""
    words = content_words(question)[:MAX_WORDS]
    retrieval = Retrieval(question=question, words=words)
    if not words:
        return retrieval
    frequency: dict[str, int] = {}
    keys: set[tuple[str, int]] = set()
    for word in words:
        frequency[word], hits = _search_word(word)
        keys.update(hits)
    candidates = _load(keys)

    # Words the index does not know are probably misspelt: take the closest word of the
    # candidates found by the other words, and ask the service for it too.
    unknown = [w for w in words if not frequency[w]]
    if unknown and candidates:
        vocabulary = {token for c in candidates for tokens in c.fields.values() for token in tokens}
        corrected = {}
        for word in unknown:
            close = _similar(word, vocabulary)
            if close and close not in frequency:
                corrected[word] = close
        if corrected:
            more: set[tuple[str, int]] = set()
            for close in corrected.values():
                frequency[close], hits = _search_word(close)
                more.update(hits)
            words = [corrected.get(w, w) for w in words]
            retrieval.words = words
            candidates += _load(more - keys)

    size = _corpus_size()
    # A word found nowhere weighs like the rarest word: a question about something the
    # library does not hold should not look answered because its common words match.
    idf = {w: math.log(1 + size / max(frequency.get(w, 0), 1)) for w in words}
    scorer = _Scorer(words, idf)
    for candidate in candidates:
        candidate.score = round(scorer.score(candidate), 4)
    retrieval.candidates = sorted(candidates, key=lambda c: (-c.score, c.kind != "scenario", c.obj.pk))
    return retrieval
