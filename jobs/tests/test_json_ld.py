import json
import re

import pytest

from jobs.factories import EmployerFactory, JobPostPageFactory

pytestmark = pytest.mark.django_db


def json_ld_of(response) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_every_post_carries_a_valid_job_posting(client, jobs):
    employer = EmployerFactory(name="Công ty May Sông Hồng", website="https://songhong.example.vn")
    post = JobPostPageFactory(
        parent=jobs.hanoi_jobs,
        employer=employer,
        title="Tuyển 50 công nhân may",
        employment_type="seasonal",
        provinces=["ha-noi", "bac-ninh"],
    )
    data = json_ld_of(client.get(post.url))
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Tuyển 50 công nhân may"
    assert data["description"].startswith("<p>")
    assert data["datePosted"] == post.posted_date.isoformat()
    assert data["validThrough"] == f"{post.closing_date.isoformat()}T23:59:59+07:00"
    assert data["employmentType"] == "TEMPORARY"
    assert data["directApply"] is False
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Công ty May Sông Hồng",
        "sameAs": "https://songhong.example.vn",
    }
    assert [place["address"]["addressRegion"] for place in data["jobLocation"]] == ["Hà Nội", "Bắc Ninh"]
    assert all(place["address"]["addressCountry"] == "VN" for place in data["jobLocation"])
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "VND",
        "value": {
            "@type": "QuantitativeValue",
            "unitText": "MONTH",
            "minValue": 8_000_000,
            "maxValue": 12_000_000,
        },
    }


def test_negotiable_salary_has_no_base_salary_and_script_cannot_be_broken_out_of(client, jobs):
    post = JobPostPageFactory(
        parent=jobs.hanoi_jobs,
        title="Thợ hàn </script><script>alert(1)</script>",
        salary_min=None,
        salary_max=None,
        salary_negotiable=True,
    )
    response = client.get(post.url)
    assert b"<script>alert(1)" not in response.content
    data = json_ld_of(response)
    assert "baseSalary" not in data
    assert json_ld_of(client.get(JobPostPageFactory(parent=jobs.hanoi_jobs, apply_in_portal=True).url))[
        "directApply"
    ]
    assert data["title"] == "Thợ hàn </script><script>alert(1)</script>"
