from .cases import (
    Case,
    CaseAttachment,
    CaseEvent,
    CaseQuerySet,
    Category,
    CategorySetting,
    Status,
)
from .forms import FeedbackFormField, FeedbackFormPage, FeedbackFormSubmission

__all__ = [
    "Case",
    "CaseAttachment",
    "CaseEvent",
    "CaseQuerySet",
    "Category",
    "CategorySetting",
    "FeedbackFormField",
    "FeedbackFormPage",
    "FeedbackFormSubmission",
    "Status",
]
