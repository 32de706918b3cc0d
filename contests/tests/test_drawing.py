import random

from contests.drawing import draw, topic_quotas


def pool_of(topics: dict[str, int]) -> list[dict]:
    pool, qid = [], 0
    for topic, size in topics.items():
        for _n in range(size):
            qid += 1
            pool.append(
                {"q": qid, "topic": topic, "m": False, "o": [qid * 10 + i for i in range(4)], "c": [qid * 10]}
            )
    return pool


def test_quotas_follow_topic_sizes_and_add_up():
    quotas = topic_quotas({"law": 10, "charter": 6, "resolution": 4}, 10)
    assert quotas == {"law": 5, "charter": 3, "resolution": 2}
    assert sum(topic_quotas({"a": 1, "b": 1, "c": 1}, 2).values()) == 2


def test_quotas_never_ask_more_than_a_topic_has():
    quotas = topic_quotas({"big": 9, "tiny": 1}, 10)
    assert quotas == {"big": 9, "tiny": 1}


def test_draw_is_stratified_by_topic():
    pool = pool_of({"law": 10, "charter": 10})
    drawn = draw(pool, 6, set(), random.Random(1))
    topics = [next(item["topic"] for item in pool if item["q"] == d["q"]) for d in drawn]
    assert topics.count("law") == 3 and topics.count("charter") == 3
    assert len({d["q"] for d in drawn}) == 6


def test_later_draws_prefer_questions_not_seen_before():
    pool = pool_of({"": 10})
    first = draw(pool, 5, set(), random.Random(2))
    second = draw(pool, 5, {d["q"] for d in first}, random.Random(3))
    assert not {d["q"] for d in first} & {d["q"] for d in second}
    third = draw(pool, 5, {d["q"] for d in first + second}, random.Random(4))
    assert len(third) == 5  # everything was seen: seen questions come back rather than a short attempt


def test_option_order_is_shuffled_but_keeps_the_answer_key():
    pool = pool_of({"": 20})
    drawn = draw(pool, 20, set(), random.Random(5))
    assert any(d["o"] != sorted(d["o"]) for d in drawn)
    for d in drawn:
        assert sorted(d["o"]) == [d["q"] * 10 + i for i in range(4)]
        assert d["c"] == [d["q"] * 10]
