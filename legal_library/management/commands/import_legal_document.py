"""Import the plain text (or DOCX) of a legal document: all or nothing, problems with line numbers."""

import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from legal_library.importer import docx_text, parse, save_structure
from legal_library.models import DocumentType, LegalDocumentPage, LegalLibraryPage
from legal_library.numbers import number_key


class Command(BaseCommand):
    help = (
        "Build a legal document's structure from its text. An existing number replaces that document's text."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=".txt (UTF-8) or .docx")
        parser.add_argument("--number", required=True, help="number and symbol, e.g. 45/2019/QH14")
        parser.add_argument("--type", help="document type slug (new documents)")
        parser.add_argument("--title", help="title (new documents)")
        parser.add_argument("--library", type=int, help="id of the library page to create the document in")
        parser.add_argument("--issuing-body", default="")
        parser.add_argument("--signer", default="")
        parser.add_argument("--issued", type=datetime.date.fromisoformat)
        parser.add_argument("--effective", type=datetime.date.fromisoformat)

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.exists():
            raise CommandError(f"{path}: no such file")
        text = (
            docx_text(path.read_bytes())
            if path.suffix.lower() == ".docx"
            else path.read_text(encoding="utf-8-sig")
        )
        result = parse(text)
        if result.problems:
            details = "\n".join(f"{path}, line {p.line}: {p.message}" for p in result.problems)
            raise CommandError(f"Nothing was imported:\n{details}")
        with transaction.atomic():
            document = LegalDocumentPage.objects.filter(number_key=number_key(options["number"])).first()
            if document is None:
                document = self.create(options)
            count = save_structure(document, result)
        self.stdout.write(f"{document.title}: {count} articles imported.")

    def create(self, options) -> LegalDocumentPage:
        missing = [
            name for name in ("type", "title", "library", "issued", "effective") if not options.get(name)
        ]
        if missing:
            raise CommandError("A new document needs " + ", ".join(f"--{name}" for name in missing))
        library = LegalLibraryPage.objects.filter(pk=options["library"]).first()
        if library is None:
            raise CommandError(f"No legal library page with id {options['library']}")
        document_type = DocumentType.objects.filter(slug=options["type"], locale=library.locale).first()
        if document_type is None:
            raise CommandError(f"No document type with slug {options['type']!r}")
        document = LegalDocumentPage(
            title=options["title"],
            number=options["number"],
            document_type=document_type,
            issuing_body=options["issuing_body"],
            signer=options["signer"],
            date_issued=options["issued"],
            date_effective=options["effective"],
        )
        try:
            document.full_clean(exclude=["path", "depth", "slug"])
        except ValidationError as error:
            raise CommandError(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            ) from error
        library.add_child(instance=document)
        document.save_revision().publish()
        return document
