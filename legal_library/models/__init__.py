from .document import ArticleAmendment, LegalDocumentPage, LegalRelation, RelationKind
from .library import LegalLibraryPage, LegalTopicPage
from .qa import LegalQAPage, QACitation
from .structure import Provision, ProvisionKind
from .taxonomy import DocumentType, LegalField

__all__ = [
    "ArticleAmendment",
    "DocumentType",
    "LegalDocumentPage",
    "LegalField",
    "LegalLibraryPage",
    "LegalQAPage",
    "LegalRelation",
    "LegalTopicPage",
    "Provision",
    "ProvisionKind",
    "QACitation",
    "RelationKind",
]
