"""What organisers and winners take away: certificates (page and PDF) and board exports."""

import csv
import io
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from contests.models import Result
from contests.ranking import rank_contest
from contests.tests.conftest import enter_as
from contests.tests.test_ranking import attempt, close, entrant_in


@pytest.fixture
def ranked(contest_setup):
    """Three entrants ranked after round 1 closed; only the first two win a prize."""
    contest = contest_setup.contest
    contest.winners_count = 2
    contest.save_revision().publish()
    t = timezone.now() - timedelta(hours=2)
    people = [entrant_in(contest_setup, n) for n in range(3)]
    for n, person in enumerate(people):
        attempt(contest_setup, person, 5 - n, 1, t)
    close(contest_setup.round)
    rank_contest(contest)
    return people


def certificate_url(contest, entrant, pdf=False):
    return f"{contest.url}certificate/{entrant.pk}/{'pdf/' if pdf else ''}"


def test_a_winner_downloads_a_pdf_certificate_with_a_link_from_the_page(client, contest_setup, ranked):
    contest = contest_setup.contest
    enter_as(client, contest, ranked[0])
    page = client.get(certificate_url(contest, ranked[0]))
    assert page.status_code == 200
    assert certificate_url(contest, ranked[0], pdf=True) in page.content.decode()
    response = client.get(certificate_url(contest, ranked[0], pdf=True))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


def test_no_certificate_below_the_prizes_nor_for_someone_else(client, contest_setup, ranked):
    contest = contest_setup.contest
    enter_as(client, contest, ranked[2])
    assert client.get(certificate_url(contest, ranked[2], pdf=True)).status_code == 404
    assert client.get(certificate_url(contest, ranked[0], pdf=True)).status_code == 403
    assert client.get(certificate_url(contest, ranked[0])).status_code == 403


@override_settings(STAFF_REQUIRE_MFA=True)
def test_organiser_tools_ask_for_the_second_factor_first(client, contest_setup, ranked):
    """They show entrants' names and full phone numbers: staff without a second factor are sent to set it up."""
    contest = contest_setup.contest
    client.force_login(contest_setup.federation.hanoi_editor)
    for url in (
        contest.url + "organise/",
        contest.url + "organise/export/",
        certificate_url(contest, ranked[0], pdf=True),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp"), url


def test_the_csv_export_streams_every_row_of_the_board(client, contest_setup, ranked):
    contest = contest_setup.contest
    client.force_login(contest_setup.federation.hanoi_editor)
    response = client.get(contest.url + "organise/export/?format=csv")
    assert response.status_code == 200 and response.streaming
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    overall = Result.objects.on_board(contest, None).order_by("rank")
    assert [row[1] for row in rows[1:]] == [r.entrant.full_name for r in overall]
    assert rows[1][2] == ranked[0].phone  # organisers get full phone numbers


def test_the_xlsx_export_of_winners_holds_only_the_prize_winners(client, contest_setup, ranked):
    contest = contest_setup.contest
    client.force_login(contest_setup.federation.hanoi_editor)
    response = client.get(contest.url + "organise/export/?format=xlsx&winners=1")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == [ranked[0].full_name, ranked[1].full_name]
