"""Quiz contests: question banks, contest pages with rounds, entrants, attempts and results."""

from .banks import Option, Question, QuestionBank, QuestionKind
from .contest import ContestPage, Eligibility, Layout, Round, UnitMemberCount
from .entries import Attempt, Entrant, Result

__all__ = [
    "Attempt",
    "ContestPage",
    "Eligibility",
    "Entrant",
    "Layout",
    "Option",
    "Question",
    "QuestionBank",
    "QuestionKind",
    "Result",
    "Round",
    "UnitMemberCount",
]
