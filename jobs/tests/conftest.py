import io
import zipfile
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from federations.models import UnitOfficer
from jobs.factories import JobIndexPageFactory, JobPostPageFactory
from members.factories import MemberFactory


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """CVs go to a fresh private folder per test (and never under MEDIA_ROOT)."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def jobs(federation):
    """Job indexes at home (the national search) and in the Hanoi and HCM sections."""
    federation.home_jobs = JobIndexPageFactory(parent=federation.home, slug="viec-lam")
    federation.hanoi_jobs = JobIndexPageFactory(parent=federation.hanoi_section, slug="viec-lam")
    federation.saigon_jobs = JobIndexPageFactory(parent=federation.saigon_section, slug="viec-lam")
    return federation


def make_user(username: str, **extra):
    return get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **extra)


def officer_of(unit, username: str):
    user = make_user(username)
    UnitOfficer.objects.create(user=user, unit=unit)
    return user


@pytest.fixture
def people(jobs):
    """A member with an account, another member, officers at every level around Hanoi, a
    Saigon officer and a superuser; a Hanoi post that takes applications in the portal."""
    applicant = MemberFactory(
        unit=jobs.grassroots,
        full_name="Nguyễn Thị Hằng",
        phone="0912 345 678",
        email="hang@example.org",
        account=make_user("hang"),
    )
    other = MemberFactory(unit=jobs.grassroots, full_name="Trần Văn Bình", account=make_user("binh"))
    return SimpleNamespace(
        applicant=applicant,
        other=other,
        stranger=make_user("stranger"),
        hanoi_officer=officer_of(jobs.hanoi, "officer.hn"),
        central_officer=officer_of(jobs.confederation, "officer.tld"),
        cau_giay_officer=officer_of(jobs.cau_giay, "officer.cg"),
        saigon_officer=officer_of(jobs.saigon, "officer.hcm"),
        superuser=get_user_model().objects.create_superuser("root", "root@example.org", "pw"),
        post=JobPostPageFactory(parent=jobs.hanoi_jobs, title="Thợ hàn điện tử", apply_in_portal=True),
        saigon_post=JobPostPageFactory(parent=jobs.saigon_jobs, title="Công nhân may", apply_in_portal=True),
    )


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx_bytes(*, with_document: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        if with_document:
            archive.writestr("word/document.xml", "<w:document/>")
        else:
            archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()
