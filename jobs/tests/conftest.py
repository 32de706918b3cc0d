import pytest

from jobs.factories import JobIndexPageFactory


@pytest.fixture
def jobs(federation):
    """Job indexes at home (the national search) and in the Hanoi and HCM sections."""
    federation.home_jobs = JobIndexPageFactory(parent=federation.home, slug="viec-lam")
    federation.hanoi_jobs = JobIndexPageFactory(parent=federation.hanoi_section, slug="viec-lam")
    federation.saigon_jobs = JobIndexPageFactory(parent=federation.saigon_section, slug="viec-lam")
    return federation
