"""Drawing an attempt's questions: stratified by topic, fresh questions first, options shuffled."""

from __future__ import annotations

import random
from collections import defaultdict

from .bank_cache import PoolItem


def topic_quotas(sizes: dict[str, int], total: int) -> dict[str, int]:
    """Split `total` across topics in proportion to their sizes (largest remainder method)."""
    available = sum(sizes.values())
    total = min(total, available)
    if not available:
        return {}
    exact = {topic: total * size / available for topic, size in sizes.items()}
    quotas = {topic: int(share) for topic, share in exact.items()}
    by_remainder = sorted(sizes, key=lambda topic: (exact[topic] - quotas[topic], sizes[topic]), reverse=True)
    short = total - sum(quotas.values())
    for topic in by_remainder:
        if short <= 0:
            break
        if quotas[topic] < sizes[topic]:
            quotas[topic] += 1
            short -= 1
    return quotas


def draw(pool: list[PoolItem], count: int, seen: set[int], rng: random.Random | None = None) -> list[dict]:
    """`count` questions from `pool`, each as {"q", "m", "o" (shuffled), "c"}, preferring unseen ones."""
    rng = rng or random.SystemRandom()
    by_topic: dict[str, list[PoolItem]] = defaultdict(list)
    for item in pool:
        by_topic[item["topic"]].append(item)
    quotas = topic_quotas({topic: len(items) for topic, items in by_topic.items()}, count)
    picked: list[PoolItem] = []
    for topic, items in by_topic.items():
        fresh = [item for item in items if item["q"] not in seen]
        stale = [item for item in items if item["q"] in seen]
        rng.shuffle(fresh)
        rng.shuffle(stale)
        picked.extend((fresh + stale)[: quotas.get(topic, 0)])
    rng.shuffle(picked)
    drawn = []
    for item in picked:
        options = list(item["o"])
        rng.shuffle(options)
        drawn.append({"q": item["q"], "m": item["m"], "o": options, "c": list(item["c"])})
    return drawn
