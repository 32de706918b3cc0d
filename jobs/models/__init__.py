"""Employers, posts, applications and saved searches (one module each)."""

from .applications import ApplicationQuerySet, JobApplication
from .posts import (
    SCHEMA_EMPLOYMENT_TYPES,
    VIETNAM_OFFSET,
    AgreementGrade,
    Employer,
    EmployerSize,
    EmploymentType,
    Industry,
    JobIndexPage,
    JobLocation,
    JobPostPage,
    JobPostQuerySet,
    industries_in_active_language,
)
from .saved_searches import SavedJobSearch, SavedSearchMatch

__all__ = [
    "SCHEMA_EMPLOYMENT_TYPES",
    "VIETNAM_OFFSET",
    "AgreementGrade",
    "ApplicationQuerySet",
    "Employer",
    "EmployerSize",
    "EmploymentType",
    "Industry",
    "JobApplication",
    "JobIndexPage",
    "JobLocation",
    "JobPostPage",
    "JobPostQuerySet",
    "SavedJobSearch",
    "SavedSearchMatch",
    "industries_in_active_language",
]
