import datetime

import pytest
from django.utils import timezone

from jobs.factories import EmployerFactory, IndustryFactory, JobIndexPageFactory, JobPostPageFactory
from search.indexing import update_object

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [post.title for post in response.context["posts"]]


@pytest.fixture
def board(jobs):
    """A handful of posts in Hanoi and HCM, one closed, one union employer."""
    today = timezone.localdate()
    garments = IndustryFactory(name="Dệt may", slug="garments")
    electronics = IndustryFactory(name="Điện tử", slug="electronics")
    union_employer = EmployerFactory(
        name="Công ty Điện tử Sao Mai",
        industry=electronics,
        has_union=True,
        agreement_grade="A",
        agreement_year=2024,
    )
    plain_employer = EmployerFactory(name="Công ty May Bình Minh", industry=garments)
    posts = {
        "welder": JobPostPageFactory(
            parent=jobs.hanoi_jobs,
            title="Thợ hàn điện tử",
            employer=union_employer,
            salary_min=10_000_000,
            salary_max=15_000_000,
            posted_date=today - datetime.timedelta(days=2),
            closing_date=today + datetime.timedelta(days=5),
            provinces=["ha-noi", "bac-ninh"],
        ),
        "sewer": JobPostPageFactory(
            parent=jobs.saigon_jobs,
            title="Công nhân may công nghiệp",
            employer=plain_employer,
            salary_min=7_000_000,
            salary_max=9_000_000,
            employment_type="seasonal",
            posted_date=today - datetime.timedelta(days=10),
            closing_date=today + datetime.timedelta(days=20),
            provinces=["thanh-pho-ho-chi-minh"],
        ),
        "intern": JobPostPageFactory(
            parent=jobs.hanoi_jobs,
            title="Thực tập sinh kế toán",
            employer=plain_employer,
            salary_min=None,
            salary_max=None,
            salary_negotiable=True,
            employment_type="internship",
            posted_date=today,
            closing_date=today + datetime.timedelta(days=40),
        ),
        "closed": JobPostPageFactory(
            parent=jobs.hanoi_jobs,
            title="Bảo vệ ca đêm",
            employer=union_employer,
            posted_date=today - datetime.timedelta(days=40),
            closing_date=today - datetime.timedelta(days=1),
        ),
    }
    for post in posts.values():
        update_object(post)
    jobs.posts = posts
    return jobs


def test_national_search_lists_open_posts_newest_first(client, board):
    response = client.get(board.home_jobs.url)
    assert titles(response) == ["Thực tập sinh kế toán", "Thợ hàn điện tử", "Công nhân may công nghiệp"]


def test_section_lists_only_jobs_of_its_own_area(client, board):
    assert titles(client.get(board.saigon_jobs.url)) == ["Công nhân may công nghiệp"]
    assert "Công nhân may công nghiệp" not in titles(client.get(board.hanoi_jobs.url))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("province=bac-ninh", ["Thợ hàn điện tử"]),
        ("industry=garments", ["Thực tập sinh kế toán", "Công nhân may công nghiệp"]),
        ("type=seasonal", ["Công nhân may công nghiệp"]),
        ("salary_from=10", ["Thợ hàn điện tử"]),
        ("salary_from=8", ["Thợ hàn điện tử", "Công nhân may công nghiệp"]),
        ("posted_within=7", ["Thực tập sinh kế toán", "Thợ hàn điện tử"]),
        ("union=on", ["Thợ hàn điện tử"]),
        ("union=on&closed=on", ["Thợ hàn điện tử", "Bảo vệ ca đêm"]),
        ("industry=garments&type=internship", ["Thực tập sinh kế toán"]),
        ("province=ha-noi&union=on&salary_from=12", ["Thợ hàn điện tử"]),
        ("province=thanh-pho-ho-chi-minh&union=on", []),
        ("sort=closing", ["Thợ hàn điện tử", "Công nhân may công nghiệp", "Thực tập sinh kế toán"]),
        ("sort=salary", ["Thợ hàn điện tử", "Công nhân may công nghiệp", "Thực tập sinh kế toán"]),
    ],
)
def test_filters_and_their_combinations(client, board, query, expected):
    assert titles(client.get(f"{board.home_jobs.url}?{query}")) == expected


def test_text_search_folds_diacritics_through_the_search_service(client, board):
    assert titles(client.get(board.home_jobs.url, {"q": "cong nhan may"})) == ["Công nhân may công nghiệp"]
    # Words found only in the employer's name still find the post.
    assert titles(client.get(board.home_jobs.url, {"q": "sao mai"})) == ["Thợ hàn điện tử"]
    # A closed post is left out of the text search too, unless asked for.
    assert titles(client.get(board.home_jobs.url, {"q": "bao ve"})) == []
    assert titles(client.get(board.home_jobs.url, {"q": "bao ve", "closed": "on"})) == ["Bảo vệ ca đêm"]


def test_closed_post_leaves_listings_but_stays_readable_with_a_banner(client, board):
    assert "Bảo vệ ca đêm" not in titles(client.get(board.hanoi_jobs.url))
    response = client.get(board.posts["closed"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="job-closed"' in html
    assert 'id="apply-heading"' not in html
    assert 'id="apply-heading"' in client.get(board.posts["welder"].url).content.decode()


def test_post_leaves_the_listing_the_day_after_its_closing_date(client, board, monkeypatch):
    closing = board.posts["welder"].closing_date
    assert "Thợ hàn điện tử" in titles(client.get(board.home_jobs.url))
    monkeypatch.setattr(timezone, "localdate", lambda *args: closing + datetime.timedelta(days=1))
    assert "Thợ hàn điện tử" not in titles(client.get(board.home_jobs.url))


def test_bad_filter_is_explained_and_the_other_filters_are_kept(client, board, english):
    response = client.get(
        f"{board.home_jobs.url.replace('/vi/', '/en/', 1)}", {"province": "atlantis", "type": "seasonal"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "“atlantis” is not a province" in html
    assert titles(response) == ["Công nhân may công nghiệp"]
    assert 'value="seasonal" selected' in html


def test_listing_query_count_does_not_grow_with_posts(client, board, django_assert_max_num_queries):
    params = {"province": "ha-noi", "q": "viec", "sort": "salary"}
    update_object(JobPostPageFactory(parent=board.hanoi_jobs, title="Việc đầu tiên"))
    # The shell (menus, footer, language links) costs the same on every page.
    with django_assert_max_num_queries(35) as few:
        client.get(board.home_jobs.url, params)
    for n in range(25):
        update_object(
            JobPostPageFactory(
                parent=board.hanoi_jobs, provinces=["ha-noi", "hai-phong"], title=f"Việc số {n}"
            )
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(board.home_jobs.url, params)
    assert len(response.context["posts"]) == 20


def test_post_page_query_count_is_bounded(client, board, django_assert_max_num_queries):
    with django_assert_max_num_queries(32) as few:
        client.get(board.posts["sewer"].url)
    crowded = JobPostPageFactory(
        parent=board.hanoi_jobs, provinces=["ha-noi", "bac-ninh", "hai-phong", "hung-yen", "thai-nguyen"]
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(crowded.url)
    assert response.status_code == 200


def test_home_page_shows_newest_open_jobs(client, board, django_assert_max_num_queries):
    with django_assert_max_num_queries(50):
        html = client.get(board.home.url).content.decode()
    assert "Thực tập sinh kế toán" in html
    assert "Bảo vệ ca đêm" not in html


def test_a_section_has_at_most_one_job_index(board):
    from jobs.models import JobIndexPage

    assert not JobIndexPage.can_create_at(board.hanoi_section)
    assert JobIndexPageFactory._meta.model is JobIndexPage
