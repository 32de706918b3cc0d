"""The loop that learns: questions the assistant could not answer well, grouped for legal editors.

A question lands here when it was answered below the threshold or the member said the answer did
not help. Alike questions (folded content words: most of the shorter one's words are in the other)
form one group, so editors
see "17 people asked about X" rather than 17 rows, and write one scenario for the group.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from .models import Exchange, WeeklyCount

REPORT_DAYS = 90
MAX_QUESTIONS = 5000
# Two questions belong together when this share of the shorter one's words is in the other,
# and they share at least MIN_SHARED words.
SIMILARITY = 0.6
MIN_SHARED = 2
WEEKS_SHOWN = 12


@dataclass
class Group:
    words: set[str]
    questions: list[str] = field(default_factory=list)
    unanswered: int = 0
    unhelpful: int = 0
    last_asked: datetime.datetime | None = None

    @property
    def count(self) -> int:
        return len(self.questions)

    @property
    def example(self) -> str:
        # The shortest question usually says the thing most plainly.
        return min(self.questions, key=len)

    def examples(self) -> list[str]:
        unique = list(dict.fromkeys(self.questions))
        return sorted(unique, key=len)[:3]


def _similarity(a: set[str], b: set[str]) -> float:
    shared = len(a & b)
    if shared < MIN_SHARED:
        return 0.0
    return shared / min(len(a), len(b))


def groups(days: int = REPORT_DAYS) -> list[Group]:
    since = timezone.now() - datetime.timedelta(days=days)
    rows = (
        Exchange.objects.filter(Q(answered=False) | Q(helpful=False), created_at__gte=since)
        .order_by("-created_at")
        .values_list("question", "question_words", "answered", "helpful", "created_at")[:MAX_QUESTIONS]
    )
    found: list[Group] = []
    for question, words_text, answered, helpful, created_at in rows:
        words = set(words_text.split())
        group = max(found, key=lambda g: _similarity(words, g.words), default=None)
        if group is None or _similarity(words, group.words) < SIMILARITY:
            group = Group(words=words)
            found.append(group)
        group.questions.append(" ".join(question.split())[:300])
        group.unanswered += int(not answered)
        group.unhelpful += int(helpful is False)
        group.last_asked = max(filter(None, [group.last_asked, created_at]))
    return sorted(found, key=lambda g: (-g.count, g.example))


def weekly(weeks: int = WEEKS_SHOWN) -> list[WeeklyCount]:
    start = timezone.localdate() - datetime.timedelta(weeks=weeks)
    return list(WeeklyCount.objects.filter(week__gte=start).order_by("week"))
