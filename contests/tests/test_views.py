import logging
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from contests import ratelimit
from contests.attempts import start_attempt, submit
from contests.models import Attempt, Entrant

from .conftest import enter_as


def register(client, contest, **overrides):
    data = {
        "full_name": "Lê Văn Hùng",
        "phone": "0987 654 321",
        "unit_query": "HN-CG-01",
        "consent": "on",
        **overrides,
    }
    return client.post(contest.url + "enter/", data)


def start(client, contest_setup):
    response = client.post(reverse("contests:start", args=[contest_setup.round.pk]))
    assert response.status_code == 302
    return Attempt.objects.latest("pk")


def test_registering_with_a_unit_code_remembers_the_entrant(client, contest_setup):
    response = register(client, contest_setup.contest)
    assert response.status_code == 302
    entrant = Entrant.objects.get()
    assert entrant.phone == "0987654321"
    assert entrant.unit == contest_setup.unit
    page = client.get(contest_setup.contest.url)
    assert "Lê Văn Hùng" in page.content.decode()


def test_a_unit_name_without_diacritics_matching_several_units_offers_a_choice(client, contest_setup):
    response = register(client, contest_setup.contest, unit_query="cong doan")
    body = response.content.decode()
    assert response.status_code == 200
    assert not Entrant.objects.exists()
    assert 'name="unit"' in body and "HN-CG-01" in body and "HN-CG-02" in body
    assert 'value="Lê Văn Hùng"' in body  # what was typed is kept
    response = register(client, contest_setup.contest, unit_query="cong doan", unit="HN-CG-02")
    assert response.status_code == 302
    assert Entrant.objects.get().unit == contest_setup.other_unit


def test_units_outside_the_contest_section_are_not_accepted(client, contest_setup):
    from federations.factories import UnitFactory

    UnitFactory(parent=contest_setup.federation.saigon, code="HCM-X-01")
    response = register(client, contest_setup.contest, unit_query="HCM-X-01")
    assert response.status_code == 200
    assert not Entrant.objects.exists()


def test_a_bad_phone_number_is_explained_and_the_input_kept(client, contest_setup):
    response = register(client, contest_setup.contest, phone="12345")
    body = response.content.decode()
    assert response.status_code == 200
    assert "0912 345 678" in body
    assert 'value="12345"' in body
    assert not Entrant.objects.exists()


def test_one_phone_number_is_one_entry(client, contest_setup, entrant):
    response = register(client, contest_setup.contest, phone=entrant.phone, full_name="Người Khác")
    assert response.status_code == 200
    assert Entrant.objects.count() == 1
    # The same person on a new phone gets the entry back (name compared without diacritics).
    response = register(client, contest_setup.contest, phone="+84 912 345 678", full_name="tran thi lan")
    assert response.status_code == 302
    assert Entrant.objects.count() == 1


def test_the_attempt_page_never_contains_the_answer_key(client, contest_setup, entrant):
    enter_as(client, contest_setup.contest, entrant)
    attempt = start(client, contest_setup)
    body = client.get(reverse("contests:attempt", args=[attempt.token])).content.decode()
    for item in attempt.questions:
        for option in item["o"]:
            assert f'value="{option}"' in body
    # Every option is rendered the same way whatever its correctness: only ids differ.
    options_html = re.findall(r"<li>\s*<input[^>]*>\s*<label[^>]*>", body)
    assert len(options_html) == sum(len(item["o"]) for item in attempt.questions)
    assert len({re.sub(r"\d+", "N", html) for html in options_html}) == 1


def test_answers_saved_without_javascript_are_there_after_a_reload(client, contest_setup, entrant):
    enter_as(client, contest_setup.contest, entrant)
    attempt = start(client, contest_setup)
    first = attempt.questions[0]
    data = {"shown": [str(item["q"]) for item in attempt.questions], f"q{first['q']}": str(first["o"][2])}
    response = client.post(reverse("contests:save", args=[attempt.token]), data)
    assert response.status_code == 302
    body = client.get(reverse("contests:attempt", args=[attempt.token])).content.decode()
    assert f'value="{first["o"][2]}" id="q{first["q"]}-{first["o"][2]}" checked' in body


def test_autosave_answers_json_with_the_seconds_left(client, contest_setup, entrant):
    enter_as(client, contest_setup.contest, entrant)
    attempt = start(client, contest_setup)
    first = attempt.questions[0]
    response = client.post(
        reverse("contests:save", args=[attempt.token]),
        {"shown": [str(first["q"])], f"q{first['q']}": str(first["o"][0]), "prediction": "1.500"},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 200
    assert response.json()["answered"] == 1
    assert 1190 <= response.json()["remaining"] <= 1200
    attempt.refresh_from_db()
    assert attempt.prediction == 1500


def test_submitting_twice_is_harmless(client, contest_setup, entrant):
    enter_as(client, contest_setup.contest, entrant)
    attempt = start(client, contest_setup)
    data = {
        "shown": [str(i["q"]) for i in attempt.questions],
        **{f"q{i['q']}": str(i["c"][0]) for i in attempt.questions},
    }
    url = reverse("contests:submit", args=[attempt.token])
    assert client.post(url, data).status_code == 302
    assert client.post(url, {"shown": data["shown"]}).status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 5
    result = client.get(reverse("contests:result", args=[attempt.token]))
    assert "5" in result.content.decode()


def test_an_answer_to_a_question_not_drawn_is_rejected_and_logged(client, contest_setup, entrant, caplog):
    enter_as(client, contest_setup.contest, entrant)
    attempt = start(client, contest_setup)
    not_drawn = next(
        q for q in contest_setup.bank.questions.values_list("pk", flat=True) if q not in attempt.question_ids
    )
    with caplog.at_level(logging.WARNING, logger="contests.security"):
        response = client.post(reverse("contests:submit", args=[attempt.token]), {f"q{not_drawn}": "1"})
    assert response.status_code == 400
    assert "rejected" in caplog.text
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_an_option_of_another_question_is_rejected(client, contest_setup, entrant):
    enter_as(client, contest_setup.contest, entrant)
    attempt = start(client, contest_setup)
    first, second = attempt.questions[:2]
    response = client.post(
        reverse("contests:save", args=[attempt.token]), {f"q{first['q']}": str(second["o"][0])}
    )
    assert response.status_code == 400


def test_someone_elses_attempt_is_not_found(client, contest_setup, entrant):
    attempt = start_attempt(contest_setup.contest, contest_setup.round, entrant)
    intruder = Entrant.objects.create(
        contest=contest_setup.contest, full_name="Kẻ Lạ", phone="0900000001", unit=contest_setup.unit
    )
    enter_as(client, contest_setup.contest, intruder)
    assert client.get(reverse("contests:attempt", args=[attempt.token])).status_code == 404
    assert client.post(reverse("contests:submit", args=[attempt.token]), {}).status_code == 404
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_a_forged_entrant_cookie_is_ignored(client, contest_setup, entrant):
    from contests.identity import cookie_name

    client.cookies[cookie_name(contest_setup.contest.pk)] = str(entrant.pk)
    response = client.post(reverse("contests:start", args=[contest_setup.round.pk]))
    assert response.status_code == 302
    assert not Attempt.objects.exists()


def test_starting_is_rate_limited(client, contest_setup, entrant, monkeypatch):
    monkeypatch.setitem(ratelimit.LIMITS, "start_entrant", 2)
    enter_as(client, contest_setup.contest, entrant)
    url = reverse("contests:start", args=[contest_setup.round.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 429


def test_an_expired_attempt_opens_on_its_result(client, contest_setup, entrant):
    enter_as(client, contest_setup.contest, entrant)
    attempt = start(client, contest_setup)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    response = client.get(reverse("contests:attempt", args=[attempt.token]))
    assert response.status_code == 302 and response.url.endswith("/result/")
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.score == 0


def test_explanations_and_correct_answers_appear_only_after_the_round_closes(client, contest_setup, entrant):
    contest_setup.bank.questions.update(explanation="Điều 10 Luật Công đoàn.")
    contest_setup.bank.touch()
    enter_as(client, contest_setup.contest, entrant)
    attempt = start(client, contest_setup)
    submit(attempt, {})
    url = reverse("contests:result", args=[attempt.token])
    assert "Điều 10" not in client.get(url).content.decode()
    round_ = contest_setup.round
    round_.closes_at = timezone.now() - timedelta(minutes=1)
    round_.save()
    assert "Điều 10" in client.get(url).content.decode()


@pytest.mark.parametrize("name", ["attempt", "result"])
def test_attempt_pages_use_a_bounded_number_of_queries(
    client, contest_setup, entrant, django_assert_max_num_queries, name
):
    enter_as(client, contest_setup.contest, entrant)
    attempt = start(client, contest_setup)
    if name == "result":
        submit(attempt, {})
    client.get(reverse(f"contests:{name}", args=[attempt.token]))  # warm the bank cache
    # Exam mode: no site menu or footer, so the attempt row and the link back to the contest only.
    with django_assert_max_num_queries(5):
        assert client.get(reverse(f"contests:{name}", args=[attempt.token])).status_code == 200


def test_saving_and_submitting_read_the_attempt_alone_and_write_it_once(
    client, contest_setup, entrant, django_assert_num_queries
):
    enter_as(client, contest_setup.contest, entrant)
    attempt = start(client, contest_setup)
    first = attempt.questions[0]
    save_url = reverse("contests:save", args=[attempt.token])
    # The round, contest and bank come from the worker's round cache: one SELECT, one UPDATE.
    with django_assert_num_queries(2) as captured:
        response = client.post(
            save_url, {f"q{first['q']}": str(first["o"][0])}, headers={"X-Requested-With": "fetch"}
        )
    assert response.status_code == 200
    sql = [query["sql"] for query in captured.captured_queries]
    assert sql[0].startswith("SELECT") and "contests_contestpage" not in sql[0]
    assert sql[1].startswith("UPDATE") and "submitted_at" in sql[1]
    data = {
        "shown": [str(i["q"]) for i in attempt.questions],
        **{f"q{i['q']}": str(i["c"][0]) for i in attempt.questions},
    }
    with django_assert_num_queries(2) as captured:
        response = client.post(reverse("contests:submit", args=[attempt.token]), data)
    assert response.status_code == 302
    assert captured.captured_queries[1]["sql"].startswith("UPDATE")
    # A replayed submit reads the row, sees it submitted and writes nothing.
    with django_assert_num_queries(1):
        client.post(reverse("contests:submit", args=[attempt.token]), data)
    attempt.refresh_from_db()
    assert attempt.score == len(attempt.questions)


def test_starting_reads_the_round_and_earlier_attempts_then_inserts_once(
    client, contest_setup, entrant, django_assert_max_num_queries
):
    enter_as(client, contest_setup.contest, entrant)
    first = start(client, contest_setup)
    submit(first, {})
    # round, earlier attempts, INSERT (in a savepoint here: the test runs in a transaction)
    with django_assert_max_num_queries(5) as captured:
        response = client.post(reverse("contests:start", args=[contest_setup.round.pk]))
    assert response.status_code == 302
    assert Attempt.objects.filter(entrant=entrant).count() == 2
    writes = [
        q["sql"]
        for q in captured.captured_queries
        if not q["sql"].startswith(("SELECT", "SAVEPOINT", "RELEASE"))
    ]
    assert len(writes) == 1 and writes[0].startswith("INSERT")


def test_a_round_edited_in_this_process_is_seen_at_once(client, contest_setup, entrant):
    enter_as(client, contest_setup.contest, entrant)
    attempt = start(client, contest_setup)
    client.get(reverse("contests:attempt", args=[attempt.token]))  # the round is now cached
    contest_setup.contest.title = "Cuộc thi đã đổi tên"
    contest_setup.contest.save_revision().publish()
    body = client.get(reverse("contests:attempt", args=[attempt.token])).content.decode()
    assert "Cuộc thi đã đổi tên" in body


def test_the_contest_page_uses_a_bounded_number_of_queries(
    client, contest_setup, entrant, django_assert_max_num_queries
):
    enter_as(client, contest_setup.contest, entrant)
    for _n in range(2):
        submit(start_attempt(contest_setup.contest, contest_setup.round, entrant), {})
    client.get(contest_setup.contest.url)
    with django_assert_max_num_queries(25):
        response = client.get(contest_setup.contest.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert reverse("contests:start", args=[contest_setup.round.pk]) not in body  # no attempt left
    assert body.count(reverse("contests:result", args=["x"]).split("x")[0]) == 2
