from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from contests.factories import QuestionBankFactory, QuestionFactory
from contests.models import ContestPage
from contests.signals import grant_contest_permissions


def contest_form(bank, rounds, draw=5):
    return nested_form_data(
        {
            "title": "Cuộc thi mới",
            "slug": "cuoc-thi-moi",
            "rules": rich_text("<p>Luật chơi</p>"),
            "prizes": rich_text(""),
            "intro": "",
            "eligibility": "public",
            "question_bank": bank.pk,
            "questions_per_attempt": draw,
            "attempts_per_round": 2,
            "time_limit_minutes": 20,
            "layout": "all",
            "ask_prediction": "on",
            "essay_prompt": "",
            "essay_max_score": 0,
            "winners_count": 10,
            "rounds": inline_formset(
                [
                    {"opens_at": o.strftime("%Y-%m-%d %H:%M"), "closes_at": c.strftime("%Y-%m-%d %H:%M")}
                    for o, c in rounds
                ]
            ),
        }
    )


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["contests", "contestpage", parent.pk])


def test_an_editor_creates_a_contest_in_their_section(client, contest_setup):
    fed = contest_setup.federation
    client.force_login(fed.hanoi_editor)
    now = timezone.now() + timedelta(days=1)
    response = client.post(
        add_url(fed.hanoi_section), contest_form(contest_setup.bank, [(now, now + timedelta(days=7))])
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    contest = ContestPage.objects.get(slug="cuoc-thi-moi")
    assert contest.get_parent().pk == fed.hanoi_section.pk
    assert contest.rounds.count() == 1


def test_an_editor_cannot_add_a_contest_in_another_section(client, contest_setup):
    fed = contest_setup.federation
    client.force_login(fed.hanoi_editor)
    now = timezone.now()
    response = client.post(
        add_url(fed.saigon_section), contest_form(contest_setup.bank, [(now, now + timedelta(days=7))])
    )
    assert response.status_code in (302, 403)
    assert not ContestPage.objects.filter(slug="cuoc-thi-moi").exists()


def test_overlapping_rounds_are_refused_with_a_reason(client, contest_setup):
    fed = contest_setup.federation
    client.force_login(fed.hanoi_editor)
    now = timezone.now()
    rounds = [(now, now + timedelta(days=7)), (now + timedelta(days=6), now + timedelta(days=13))]
    response = client.post(
        add_url(fed.hanoi_section), contest_form(contest_setup.bank, rounds), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "overlaps" in response.content.decode()
    assert not ContestPage.objects.filter(slug="cuoc-thi-moi").exists()


def test_a_bank_too_small_or_without_answers_is_refused(client, contest_setup):
    fed = contest_setup.federation
    small = QuestionBankFactory(unit=fed.hanoi)
    QuestionFactory(bank=small, options=[("Có", False), ("Không", False)])
    client.force_login(fed.hanoi_editor)
    now = timezone.now()
    response = client.post(
        add_url(fed.hanoi_section),
        contest_form(small, [(now, now + timedelta(days=7))]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "fewer than the 5 drawn" in body
    assert "without a correct option" in body


def test_only_the_sections_staff_see_organiser_tools(client, contest_setup):
    fed = contest_setup.federation
    url = contest_setup.contest.url + "organise/"
    client.force_login(fed.saigon_editor)
    assert client.get(url).status_code == 403
    assert client.get(url + "export/").status_code == 403
    client.force_login(fed.hanoi_editor)
    assert client.get(url).status_code == 200
    export = client.get(contest_setup.contest.url + "organise/export/?format=xlsx")
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxml")


def test_an_editor_cannot_import_into_another_units_bank(client, contest_setup):
    fed = contest_setup.federation
    grant_contest_permissions(fed.hanoi_section)
    grant_contest_permissions(fed.saigon_section)
    saigon_bank = QuestionBankFactory(unit=fed.saigon)
    client.force_login(fed.hanoi_editor)
    upload = SimpleUploadedFile("b.csv", b"question,option_1,option_2,correct\nA?,x,y,A\n")
    # Wagtail's admin turns a refusal into a redirect to the dashboard.
    refused = client.post(reverse("contests_import_bank", args=[saigon_bank.pk]), {"file": upload})
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert not saigon_bank.questions.exists()
    edit = client.get(reverse("wagtailsnippets_contests_questionbank:edit", args=[saigon_bank.pk]))
    assert edit.status_code == 302 and edit.url == reverse("wagtailadmin_home")
    upload.seek(0)
    own = client.post(reverse("contests_import_bank", args=[contest_setup.bank.pk]), {"file": upload})
    assert own.status_code == 302 and own.url == reverse("contests_import_bank", args=[contest_setup.bank.pk])
    assert contest_setup.bank.questions.filter(text="A?").exists()
    listing = client.get(reverse("wagtailsnippets_contests_questionbank:list")).content.decode()
    assert contest_setup.bank.name in listing and saigon_bank.name not in listing


def test_import_errors_are_shown_in_the_admin(client, contest_setup):
    fed = contest_setup.federation
    grant_contest_permissions(fed.hanoi_section)
    client.force_login(fed.hanoi_editor)
    upload = SimpleUploadedFile("b.csv", b"question,option_1,option_2,correct\nA?,x,y,\n")
    response = client.post(
        reverse("contests_import_bank", args=[contest_setup.bank.pk]),
        {"file": upload},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "Line 2" in response.content.decode()


def test_contest_pages_sit_only_in_sections():
    assert ContestPage.parent_page_types == ["home.HomePage", "federations.FederationPage"]
    assert not ContestPage.subpage_types
    assert Page  # imported for wagtail's page tree
