from datetime import timedelta

from django.utils import timezone

from contests.boards import top_grassroots, unit_board
from contests.models import Attempt, Entrant, Result, UnitMemberCount
from contests.ranking import rank_contest


def entrant_in(setup, n: int, unit=None) -> Entrant:
    return Entrant.objects.create(
        contest=setup.contest, full_name=f"Người thi {n}", phone=f"09000000{n:02d}", unit=unit or setup.unit
    )


def attempt(setup, entrant, score, prediction, submitted_at, number=1, round_=None):
    round_ = round_ or setup.round
    return Attempt.objects.create(
        round=round_,
        entrant=entrant,
        number=number,
        started_at=submitted_at - timedelta(minutes=10),
        deadline=submitted_at + timedelta(minutes=10),
        submitted_at=submitted_at,
        score=score,
        prediction=prediction,
        questions=[{"q": i, "m": False, "o": [i], "c": [i]} for i in range(5)],
    )


def two_rounds_in_the_past(setup):
    """Round 1 from t - 1 day to t - 4 h, round 2 from t + 1 h to t + 21 h, with t three days ago."""
    t = timezone.now() - timedelta(days=3)
    first_round, second_round = setup.round, setup.later_round
    for round_, opens in ((first_round, t - timedelta(days=1)), (second_round, t + timedelta(hours=1))):
        round_.opens_at, round_.closes_at = opens, opens + timedelta(hours=20)
        round_.save()
    return t, first_round, second_round


def close(round_):
    round_.closes_at = timezone.now() - timedelta(minutes=1)
    round_.save()


def test_ties_break_on_prediction_then_submission_time_then_share_a_rank(contest_setup):
    t = timezone.now() - timedelta(hours=2)
    people = [entrant_in(contest_setup, n) for n in range(6)]
    # Two entrants answer everything: the true count of perfect entrants is 2.
    attempt(contest_setup, people[0], 5, 10, t)  # perfect, prediction off by 8
    attempt(contest_setup, people[1], 5, 3, t + timedelta(minutes=5))  # perfect, off by 1: beats people[0]
    attempt(contest_setup, people[2], 4, 2, t + timedelta(minutes=9))  # exact prediction, later
    attempt(contest_setup, people[3], 4, 2, t + timedelta(minutes=1))  # exact prediction, earlier
    attempt(contest_setup, people[4], 4, None, t)  # no prediction: after any prediction
    attempt(contest_setup, people[5], 4, 2, t + timedelta(minutes=9))  # same as people[2] in every way
    close(contest_setup.round)
    rank_contest(contest_setup.contest)
    ranks = dict(Result.objects.filter(round=contest_setup.round).values_list("entrant_id", "rank"))
    assert [ranks[p.pk] for p in people] == [2, 1, 4, 3, 6, 4]
    contest_setup.round.refresh_from_db()
    assert contest_setup.round.perfect_count == 2
    assert Result.objects.get(round=contest_setup.round, entrant=people[4]).distance is None


def test_an_entrants_best_attempt_counts(contest_setup):
    t = timezone.now() - timedelta(hours=2)
    person = entrant_in(contest_setup, 1)
    attempt(contest_setup, person, 2, 5, t, number=1)
    best = attempt(contest_setup, person, 4, 5, t + timedelta(minutes=30), number=2)
    close(contest_setup.round)
    rank_contest(contest_setup.contest)
    result = Result.objects.get(round=contest_setup.round, entrant=person)
    assert (result.attempt_id, result.score) == (best.pk, 4)


def test_overall_board_adds_round_scores(contest_setup):
    t, first_round, second_round = two_rounds_in_the_past(contest_setup)
    a, b = entrant_in(contest_setup, 1), entrant_in(contest_setup, 2)
    attempt(contest_setup, a, 5, 1, t - timedelta(hours=1), round_=first_round)
    attempt(contest_setup, b, 3, 1, t - timedelta(hours=1), round_=first_round)
    attempt(contest_setup, b, 5, 1, t + timedelta(hours=2), round_=second_round)
    rank_contest(contest_setup.contest)
    overall = list(Result.objects.on_board(contest_setup.contest, None).order_by("rank"))
    assert [(r.entrant_id, r.score, r.rank) for r in overall] == [(b.pk, 8, 1), (a.pk, 5, 2)]
    assert all(r.round_id is None for r in overall)  # the contest's own board: two rounds are ranked


def test_unit_boards_count_subtrees_and_participation_rates(contest_setup):
    fed = contest_setup.federation
    for n in range(3):
        entrant_in(contest_setup, n, unit=contest_setup.unit)
    entrant_in(contest_setup, 9, unit=contest_setup.other_unit)
    UnitMemberCount.objects.create(unit=contest_setup.unit, member_count=30)
    UnitMemberCount.objects.create(unit=contest_setup.other_unit, member_count=10)
    rows = unit_board(contest_setup.contest, fed.hanoi)
    cau_giay = next(row for row in rows if row.unit == fed.cau_giay)
    assert (cau_giay.entrants, cau_giay.members) == (4, 40)
    assert cau_giay.rate == 10.0
    leaves = {row.unit.code: row for row in unit_board(contest_setup.contest, fed.cau_giay)}
    assert leaves["HN-CG-01"].entrants == 3 and leaves["HN-CG-02"].rate == 10.0
    prizes = top_grassroots(contest_setup.contest)
    assert prizes["entrants"][0].unit == contest_setup.unit
    assert {row.unit for row in prizes["rate"]} == {contest_setup.unit, contest_setup.other_unit}


def test_boards_pages_show_results_with_bounded_queries(client, contest_setup, django_assert_max_num_queries):
    t = timezone.now() - timedelta(hours=2)
    for n in range(30):
        attempt(contest_setup, entrant_in(contest_setup, n), n % 6, n, t + timedelta(seconds=n))
    close(contest_setup.round)
    url = contest_setup.contest.url
    client.get(url + "results/")  # queues (here: runs) the ranking
    with django_assert_max_num_queries(30):
        response = client.get(url + "results/round-1/")
    assert response.status_code == 200
    assert "Người thi 5" in response.content.decode()
    assert "0912" not in response.content.decode()  # phone numbers are masked
    with django_assert_max_num_queries(30):
        assert client.get(url + "units/").status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get(url + "units/HN-CG/").status_code == 200


def test_reranking_replaces_the_boards_in_the_same_number_of_queries_for_few_or_many_entrants(
    contest_setup,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from contests.ranking import rerank_contest

    t = timezone.now() - timedelta(hours=2)
    close(contest_setup.round)

    def rerank_queries(count: int) -> int:
        for n in range(Entrant.objects.count(), count):
            attempt(contest_setup, entrant_in(contest_setup, n), n % 6, n, t + timedelta(minutes=n))
        with CaptureQueriesContext(connection) as captured:
            rerank_contest(contest_setup.contest)
        assert Result.objects.filter(round=contest_setup.round).count() == count
        assert Result.objects.on_board(contest_setup.contest, None).count() == count
        # Old rows are deleted by a statement per board, never read back row by row first
        # (probing whether a round has a board at all, in a subquery, reads no rows out).
        reads = [
            q["sql"]
            for q in captured
            if q["sql"].startswith("SELECT") and 'FROM "contests_result"' in q["sql"].split(" WHERE ")[0]
        ]
        assert reads == []
        return len(captured)

    rerank_contest(contest_setup.contest)
    # Deleting the old rows is one statement, not one per result.
    assert rerank_queries(3) == rerank_queries(30)


def rules_ranks(entries: list[tuple]) -> dict[int, int]:
    """The rules written out in Python: entrant -> rank, from (entrant, sort key) pairs.

    A key sorts better when smaller; entrants with equal keys share the rank
    (one plus the number of entrants strictly ahead).
    """
    keys = sorted(key for _entrant, key in entries)
    ahead = {}
    for position, key in enumerate(keys):
        ahead.setdefault(key, position)
    return {entrant: ahead[key] + 1 for entrant, key in entries}


def test_database_ranking_matches_the_rules_on_dense_ties(contest_setup):
    """Many entrants equal on score, on prediction and on time, several attempts each,
    some without a prediction, over two rounds: every round and overall rank, the attempt
    chosen as best and the stored figures are those the written rules give."""
    import random

    rng = random.Random(6)
    t, first_round, second_round = two_rounds_in_the_past(contest_setup)
    questions = contest_setup.contest.questions_per_attempt
    times = [t - timedelta(hours=2), t - timedelta(hours=2, seconds=1), t - timedelta(hours=3)]
    people = [entrant_in(contest_setup, n) for n in range(40)]
    attempts = {first_round.pk: [], second_round.pk: []}
    for person in people:
        for round_, shift in ((first_round, timedelta()), (second_round, timedelta(days=1, hours=3))):
            if round_ is second_round and rng.random() < 0.3:
                continue  # skipped the second round
            for number in (1, 2)[: rng.randint(1, 2)]:
                made = attempt(
                    contest_setup,
                    person,
                    rng.choice([questions, questions, questions - 1, 2]),
                    rng.choice([None, 1, 2, 3, 5]),
                    rng.choice(times) + shift,
                    number=number,
                    round_=round_,
                )
                attempts[round_.pk].append(made)
    rank_contest(contest_setup.contest)

    overall_parts = {}
    for round_ in (first_round, second_round):
        round_.refresh_from_db()
        perfect = len({a.entrant_id for a in attempts[round_.pk] if a.score == questions})
        assert round_.perfect_count == perfect

        def key(a, perfect=perfect):
            missing = a.prediction is None
            distance = 0 if missing else abs(a.prediction - perfect)
            return (-a.score, missing, distance, a.submitted_at)

        best = {}
        for a in sorted(attempts[round_.pk], key=lambda a: (key(a), a.pk)):
            best.setdefault(a.entrant_id, a)
        expected = rules_ranks([(entrant, key(a)) for entrant, a in best.items()])
        stored = {r.entrant_id: r for r in Result.objects.filter(round=round_)}
        assert {e: r.rank for e, r in stored.items()} == expected
        assert {e: r.attempt_id for e, r in stored.items()} == {e: a.pk for e, a in best.items()}
        for entrant, a in best.items():
            missing, distance = key(a)[1:3]
            assert (stored[entrant].score, stored[entrant].distance) == (
                a.score,
                None if missing else distance,
            )
            part = overall_parts.setdefault(entrant, [0, 0, False, a.submitted_at])
            part[0] += a.score
            part[1] += distance
            part[2] = part[2] or missing
            part[3] = max(part[3], a.submitted_at)
    assert len(set(expected.values())) < len(expected)  # the data really has shared ranks
    # Overall: a round without a prediction leaves the entrant without an overall distance.
    expected_overall = rules_ranks(
        [
            (entrant, (-total, missing, 0 if missing else distance, last))
            for entrant, (total, distance, missing, last) in overall_parts.items()
        ]
    )
    overall = Result.objects.on_board(contest_setup.contest, None)
    assert {r.entrant_id: r.rank for r in overall} == expected_overall
    assert {r.entrant_id: (r.score, r.distance) for r in overall} == {
        e: (p[0], None if p[2] else p[1]) for e, p in overall_parts.items()
    }


def test_overall_board_of_a_single_round_is_the_round_board_itself(contest_setup):
    """One ranked round: the overall board reads the round's rows (same order), none is written twice."""
    t = timezone.now() - timedelta(hours=2)
    people = [entrant_in(contest_setup, n) for n in range(8)]
    for n, person in enumerate(people):
        attempt(contest_setup, person, n % 3, None if n == 5 else n % 2, t + timedelta(minutes=n % 4))
    close(contest_setup.round)
    contest = contest_setup.contest
    rank_contest(contest)
    by_round = {r.entrant_id: r for r in Result.objects.filter(round=contest_setup.round)}
    overall = {r.entrant_id: r for r in Result.objects.on_board(contest, None)}
    assert {e: (r.rank, r.score, r.submitted_at) for e, r in overall.items()} == {
        e: (r.rank, r.score, r.submitted_at) for e, r in by_round.items()
    }
    assert len(overall) == 8
    assert not Result.objects.filter(contest=contest, round__isnull=True).exists()


def test_a_second_ranked_round_brings_the_contests_own_overall_board(contest_setup):
    t, first_round, second_round = two_rounds_in_the_past(contest_setup)
    a, b = entrant_in(contest_setup, 1), entrant_in(contest_setup, 2)
    attempt(contest_setup, a, 5, 1, t - timedelta(hours=1), round_=first_round)
    attempt(contest_setup, b, 3, 1, t - timedelta(hours=1), round_=first_round)
    contest = contest_setup.contest
    rank_contest(contest, now=t + timedelta(hours=1, minutes=30))  # only round 1 has closed
    assert [r.entrant_id for r in Result.objects.on_board(contest, None).order_by("rank")] == [a.pk, b.pk]
    attempt(contest_setup, b, 5, 1, t + timedelta(hours=2), round_=second_round)
    rank_contest(contest)
    overall = list(Result.objects.on_board(contest, None).order_by("rank"))
    assert [(r.entrant_id, r.score, r.round_id) for r in overall] == [(b.pk, 8, None), (a.pk, 5, None)]


def test_ranking_replaces_a_boards_rows_also_those_stored_before_its_partition(contest_setup):
    """Rows already stored under a board (as migrated rows are, in PostgreSQL's default
    partition) are replaced; on PostgreSQL each board ends up in its own partition and
    no table built along the way is left behind."""
    from django.db import connection

    from contests.ranking import rerank_contest

    contest, round_ = contest_setup.contest, contest_setup.round
    t = timezone.now() - timedelta(hours=2)
    people = [entrant_in(contest_setup, n) for n in range(3)]
    for n, person in enumerate(people):
        attempt(contest_setup, person, n, n, t + timedelta(minutes=n))
    close(round_)
    Result.objects.create(
        contest=contest, round=round_, entrant=people[0], score=99, submitted_at=t, rank=7, board=round_.pk
    )
    rank_contest(contest)
    rerank_contest(contest)
    assert sorted(Result.objects.on_board(contest, round_).values_list("score", "rank")) == [
        (0, 3),
        (1, 2),
        (2, 1),
    ]
    assert Result.objects.on_board(contest, None).count() == 3
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                " WHERE i.inhparent = 'contests_result'::regclass"
            )
            partitions = {name for (name,) in cursor.fetchall()}
            # The boards' partitions, and any table built for them (named after them).
            cursor.execute(
                "SELECT relname FROM pg_class WHERE relkind = 'r' AND relname ~ %s",
                [f"^contests_result_(r{round_.pk}|c{contest.pk})(_[0-9a-f]+)?$"],
            )
            tables = {name for (name,) in cursor.fetchall()}
            cursor.execute("SELECT count(*) FROM contests_result_default")
            in_default = cursor.fetchone()[0]
        # One ranked round: its board is also the overall one, which has no partition of its own.
        boards = {f"contests_result_r{round_.pk}"}
        assert boards <= partitions
        assert tables == boards
        assert in_default == 0


def test_extreme_predictions_keep_the_order_on_round_and_overall_boards(contest_setup):
    """The largest prediction the database holds still ranks before no prediction, and a
    higher score before any prediction, on a round's board and on the sum of two rounds."""
    t, first_round, second_round = two_rounds_in_the_past(contest_setup)
    far = 2_147_483_647  # the largest INTEGER: nobody is perfect, so the distance is this
    exact, far_off, none_then_exact, higher = (entrant_in(contest_setup, n) for n in range(4))
    for round_, at in ((first_round, t - timedelta(hours=1)), (second_round, t + timedelta(hours=2))):
        attempt(contest_setup, exact, 3, 0, at + timedelta(minutes=3), round_=round_)
        attempt(contest_setup, far_off, 3, far, at, round_=round_)
        attempt(contest_setup, higher, 4, far, at + timedelta(minutes=5), round_=round_)
    attempt(contest_setup, none_then_exact, 3, None, t - timedelta(hours=1), round_=first_round)
    attempt(contest_setup, none_then_exact, 3, 0, t + timedelta(hours=2), round_=second_round)
    contest = contest_setup.contest
    rank_contest(contest)
    first = Result.objects.on_board(contest, first_round).order_by("rank")
    assert [(r.entrant_id, r.distance) for r in first] == [
        (higher.pk, far),
        (exact.pk, 0),
        (far_off.pk, far),
        (none_then_exact.pk, None),
    ]
    overall = Result.objects.on_board(contest, None).order_by("rank")
    assert [(r.entrant_id, r.score, r.distance, r.rank) for r in overall] == [
        (higher.pk, 8, 2 * far, 1),
        (exact.pk, 6, 0, 2),
        (far_off.pk, 6, 2 * far, 3),
        (none_then_exact.pk, 6, None, 4),  # a round without a prediction ranks after any distance
    ]


def test_a_round_is_ranked_only_once_its_grace_has_passed(contest_setup):
    """Submits are accepted until the close plus the grace: a board made before would miss them."""
    from contests.attempts import GRACE
    from contests.ranking import needs_ranking

    round_, contest = contest_setup.round, contest_setup.contest
    close(round_)
    closes = round_.closes_at
    attempt(contest_setup, entrant_in(contest_setup, 1), 3, 1, closes - timedelta(minutes=5))
    within_grace = closes + GRACE - timedelta(seconds=1)
    assert not needs_ranking(contest, now=within_grace)
    assert rank_contest(contest, now=within_grace) == []
    assert not Result.objects.on_board(contest, round_).exists()
    attempt(contest_setup, entrant_in(contest_setup, 2), 4, 1, closes + GRACE - timedelta(seconds=2))
    contest.__dict__.pop("round_list", None)
    assert needs_ranking(contest, now=closes + GRACE)
    assert rank_contest(contest, now=closes + GRACE) == [round_]
    assert Result.objects.on_board(contest, round_).count() == 2


def test_publishing_a_revision_made_before_the_ranking_keeps_the_rounds_results(contest_setup):
    """The page's rounds are saved again from the revision being published: the ranking's
    marks (and so the boards readers choose by them) must not go back with them."""
    contest, round_ = contest_setup.contest, contest_setup.round
    draft_before_the_close = contest.save_revision()
    close_in_the_draft = round_.closes_at
    attempt(contest_setup, entrant_in(contest_setup, 1), 5, 1, timezone.now() - timedelta(hours=2))
    close(round_)
    rank_contest(contest)
    round_.refresh_from_db()
    marks = (round_.ranked_at, round_.perfect_count)
    assert marks[0] is not None and marks[1] == 1
    draft_before_the_close.publish()
    round_.refresh_from_db()
    assert (round_.ranked_at, round_.perfect_count) == marks
    assert round_.closes_at == close_in_the_draft  # the editor's fields do come from the revision
