"""PostgreSQL, outside a transaction (as the background task runs): from the second ranked
round on, a round's board and the overall board are built side by side on separate
connections from a staged table, then swapped in together (contests/board_store.py).

These tests commit for real: the builds' connections see committed data only."""

from datetime import timedelta

import pytest
from django.db import connection

from contests import board_store
from contests.models import Result, Round
from contests.ranking import rank_contest, rerank_contest
from contests.tests.test_ranking import attempt, entrant_in, two_rounds_in_the_past

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_roots"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite has one writer: its boards are written one by one"
    ),
]


def ranking_tables() -> list[str]:
    """Tables a ranking builds or stages on its way (attached partitions excluded)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_class c WHERE relkind = 'r'"
            " AND (relname ~ '^contests_result_[rc][0-9]+_[0-9a-f]{12}$' OR relname LIKE 'contests_best_%')"
            " AND NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = c.oid)"
        )
        return sorted(name for (name,) in cursor.fetchall())


def board(contest, round_):
    return [
        (r.entrant_id, r.score, r.distance, r.rank)
        for r in Result.objects.on_board(contest, round_).order_by("rank", "entrant_id")
    ]


@pytest.fixture
def two_rounds(contest_setup):
    """Five entrants in round 1, four of them and a newcomer in round 2; round 1 ranked alone."""
    t, first_round, second_round = two_rounds_in_the_past(contest_setup)
    people = [entrant_in(contest_setup, n) for n in range(6)]
    for n, person in enumerate(people[:5]):
        attempt(
            contest_setup,
            person,
            n % 4,
            None if n == 3 else n,
            t - timedelta(hours=1, minutes=n),
            round_=first_round,
        )
    for n, person in enumerate(people[1:]):
        attempt(contest_setup, person, 5 - n % 3, n, t + timedelta(hours=2, minutes=n), round_=second_round)
    contest = contest_setup.contest
    rank_contest(contest, now=t + timedelta(hours=1, minutes=30))  # only round 1 has closed
    return contest, first_round, second_round, people


def test_second_round_boards_are_built_side_by_side_and_match_the_one_by_one_build(
    two_rounds, settings, monkeypatch
):
    contest, first_round, second_round, people = two_rounds
    built = []
    original = board_store.build_concurrently
    monkeypatch.setattr(
        board_store, "build_concurrently", lambda boards: built.append(boards) or original(boards)
    )
    assert rank_contest(contest) == [second_round]
    assert [b.key for b in built[0]] == [second_round.pk, -contest.pk]  # both boards, side by side
    side_by_side = board(contest, second_round), board(contest, None)
    overall = {entrant: (score, distance) for entrant, score, distance, _rank in side_by_side[1]}
    assert len(overall) == 6  # everyone who took part in either round
    assert overall[people[0].pk] == (0, 0)  # round 1 only
    assert overall[people[5].pk] == (4, 2)  # round 2 only: off by 2 from its 2 perfect entrants
    assert ranking_tables() == []  # the staged best attempts and the built tables are gone

    settings.CONTESTS_RANKING_CONNECTIONS = 1  # one connection: the boards one by one
    built.clear()
    rerank_contest(contest)
    assert built == []
    assert (board(contest, second_round), board(contest, None)) == side_by_side


def test_a_failed_build_leaves_the_old_boards_and_no_table_behind(two_rounds, monkeypatch):
    contest, first_round, second_round, _people = two_rounds
    before = board(contest, None)  # the single ranked round's board
    original = board_store._committed

    def fail_the_overall_boards_rank_index(step, board_):
        if board_.key < 0 and step is board_store._rank_index:
            raise RuntimeError("disk full")
        original(step, board_)

    monkeypatch.setattr(board_store, "_committed", fail_the_overall_boards_rank_index)
    with pytest.raises(RuntimeError):
        rank_contest(contest)
    second_round.refresh_from_db()
    assert second_round.ranked_at is None
    contest.__dict__.pop("round_list", None)
    assert board(contest, None) == before
    assert ranking_tables() == []  # the boards' tables were built and committed, then dropped

    monkeypatch.setattr(board_store, "_committed", original)
    assert rank_contest(contest) == [second_round]
    assert len(board(contest, None)) == 6


def test_boards_built_side_by_side_carry_the_results_tables_indexes(two_rounds):
    """Attaching adopts a board's own primary key and (board, rank) index; a missing or
    different one would be built on the spot, under the lock that readers wait for."""
    contest, first_round, second_round, _people = two_rounds
    assert rank_contest(contest) == [second_round]
    for key in (second_round.pk, -contest.pk):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT i.indisprimary, i.indisunique, pg_get_indexdef(i.indexrelid)"
                " FROM pg_index i WHERE i.indrelid = %s::regclass ORDER BY i.indisprimary DESC",
                [board_store.partition_name(key)],
            )
            indexes = cursor.fetchall()
        assert [(primary, unique) for primary, unique, _definition in indexes] == [
            (True, True),
            (False, False),
        ]
        assert indexes[0][2].endswith("USING btree (id, board)")
        assert indexes[1][2].endswith("USING btree (board, rank)")


def test_tables_left_by_a_killed_ranking_are_dropped_by_the_next_one(two_rounds):
    contest, first_round, second_round, _people = two_rounds
    other = Round.objects.exclude(contest=contest).values_list("pk", flat=True).first() or 999_999
    left = [
        f"contests_result_c{contest.pk}_0123456789ab",
        f"contests_result_r{second_round.pk}_0123456789ab",
        f"contests_best_r{second_round.pk}_0123456789ab",
    ]
    someone_elses = f"contests_best_r{other}_0123456789ab"
    with connection.cursor() as cursor:
        for table in [*left, someone_elses]:
            cursor.execute(f"CREATE TABLE {table} (x int)")
    try:
        rank_contest(contest)
        assert ranking_tables() == [someone_elses]  # another contest's ranking may still need it
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {someone_elses}")


def test_a_third_round_adds_to_the_overall_board_as_it_stands(two_rounds, contest_setup, settings):
    contest, first_round, second_round, people = two_rounds
    rank_contest(contest)  # round 2
    opens = second_round.closes_at + timedelta(hours=1)
    third_round = Round.objects.create(
        contest=contest, opens_at=opens, closes_at=opens + timedelta(hours=20), sort_order=2
    )
    newcomer = entrant_in(contest_setup, 9)
    for n, person in enumerate([people[0], people[2], newcomer]):
        prediction = None if person == people[2] else 7
        attempt(
            contest_setup,
            person,
            3 + n,
            prediction,
            opens + timedelta(hours=1, minutes=n),
            round_=third_round,
        )
    assert rank_contest(contest) == [third_round]
    side_by_side = board(contest, None)
    overall = {entrant: (score, distance) for entrant, score, distance, _rank in side_by_side}
    assert overall[newcomer.pk] == (5, 6)  # third round only, the one perfect entrant: 7 is off by 6
    assert overall[people[2].pk][1] is None  # no prediction in round 3
    assert len(overall) == 7

    settings.CONTESTS_RANKING_CONNECTIONS = 1  # every round again, one board after the other
    rerank_contest(contest)
    assert board(contest, None) == side_by_side
