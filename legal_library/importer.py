"""Build a document's structure from its plain text, with the usual Vietnamese headings.

`Phần thứ nhất` / `Chương I` / `Mục 1` / `Điều 35. Heading` / `1. clause` / `a) point`, with or
without diacritics; translations may use `Part`, `Chapter`, `Section`, `Article` (anchors stay the same).
Parsing never writes anything: `parse()` returns the tree and every problem found with its
line number; `save_structure()` replaces a document's structure in one transaction.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from folding import fold_vietnamese

PART_RE = re.compile(r"^(?:phần|phan|part)\s+(thứ\s+\S+|thu\s+\S+|[IVXLC]+|\d+)\s*[.:]?\s*(.*)$", re.I)
CHAPTER_RE = re.compile(r"^(?:chương|chuong|chapter)\s+([IVXLC]+|\d+)\s*[.:]?\s*(.*)$", re.I)
SECTION_RE = re.compile(r"^(?:mục|muc|section)\s+(\d+)\s*[.:]?\s*(.*)$", re.I)
ARTICLE_RE = re.compile(r"^(?:điều|dieu|article)\s+(\d+)\s*[.:]\s*(.*)$", re.I)
CLAUSE_RE = re.compile(r"^(\d+)\.\s+(.*)$")
POINT_RE = re.compile(r"^([a-zđ])\)\s+(.*)$")

# Points follow the Vietnamese alphabet, which has đ and no f, j, w, z.
POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def roman_to_int(value: str) -> int | None:
    value = value.upper()
    if not value or any(c not in ROMAN for c in value):
        return int(value) if value.isdigit() else None
    total = 0
    for i, char in enumerate(value):
        current = ROMAN[char]
        total += -current if i + 1 < len(value) and ROMAN[value[i + 1]] > current else current
    return total


@dataclass
class Node:
    kind: str  # part, chapter, section, article, clause, point
    number: str
    heading: str
    line: int
    text: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    anchor: str = ""

    @property
    def body(self) -> str:
        return "\n".join(self.text)


@dataclass
class Problem:
    line: int
    message: str


@dataclass
class ParseResult:
    nodes: list[Node]  # document order; articles hold clauses, clauses hold points
    problems: list[Problem]

    @property
    def articles(self) -> list[Node]:
        return [n for n in self.nodes if n.kind == "article"]

    @property
    def ok(self) -> bool:
        return not self.problems


def point_slug(letter: str) -> str:
    return "dd" if letter == "đ" else letter


def parse(text: str) -> ParseResult:  # noqa: C901 - one pass over the lines, one branch per heading
    nodes: list[Node] = []
    problems: list[Problem] = []
    seen_articles: dict[int, int] = {}
    last_article = 0
    last_chapter = 0
    chapter_anchor = ""
    last_section = 0
    article: Node | None = None
    clause: Node | None = None
    current: Node | None = None
    awaiting_heading: Node | None = None

    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if match := PART_RE.match(line):
            current = Node("part", match[1], match[2].strip(), number)
            current.anchor = "phan-" + slugify(fold_vietnamese(match[1]))
            nodes.append(current)
            article = clause = None
            awaiting_heading = None if current.heading else current
        elif match := CHAPTER_RE.match(line):
            value = roman_to_int(match[1]) or 0
            if value != last_chapter + 1:
                problems.append(
                    Problem(
                        number,
                        _(
                            "Chapter %(found)s follows chapter %(previous)s: a chapter is missing or out of order."
                        )
                        % {"found": match[1], "previous": last_chapter},
                    )
                )
            last_chapter, last_section = value, 0
            current = Node("chapter", match[1].upper(), match[2].strip(), number)
            chapter_anchor = current.anchor = f"chuong-{slugify(match[1])}"
            nodes.append(current)
            article = clause = None
            awaiting_heading = None if current.heading else current
        elif match := SECTION_RE.match(line):
            value = int(match[1])
            if value != last_section + 1:
                problems.append(
                    Problem(
                        number,
                        _(
                            "Section %(found)s follows section %(previous)s: a section is missing or out of order."
                        )
                        % {"found": value, "previous": last_section},
                    )
                )
            last_section = value
            current = Node("section", str(value), match[2].strip(), number)
            current.anchor = f"{chapter_anchor}-muc-{value}" if chapter_anchor else f"muc-{value}"
            nodes.append(current)
            article = clause = None
            awaiting_heading = None if current.heading else current
        elif match := ARTICLE_RE.match(line):
            value = int(match[1])
            if value in seen_articles:
                problems.append(
                    Problem(
                        number,
                        _("Article %(number)s appears twice (first on line %(first)s).")
                        % {"number": value, "first": seen_articles[value]},
                    )
                )
            elif value != last_article + 1:
                problems.append(
                    Problem(
                        number,
                        _(
                            "Article %(found)s follows article %(previous)s: an article is missing or out of order."
                        )
                        % {"found": value, "previous": last_article},
                    )
                )
            seen_articles.setdefault(value, number)
            last_article = max(last_article, value)
            article = current = Node("article", str(value), match[2].strip(), number, anchor=f"dieu-{value}")
            nodes.append(article)
            clause = None
            awaiting_heading = None
        elif article is not None and (match := CLAUSE_RE.match(line)):
            value = int(match[1])
            expected = len(article.children) + 1
            if value != expected:
                problems.append(
                    Problem(
                        number,
                        _("Clause %(found)s of article %(article)s should be clause %(expected)s.")
                        % {"found": value, "article": article.number, "expected": expected},
                    )
                )
            clause = current = Node("clause", str(value), "", number, [match[2].strip()])
            clause.anchor = f"{article.anchor}-khoan-{value}"
            article.children.append(clause)
        elif clause is not None and (match := POINT_RE.match(line)):
            letter = match[1].lower()
            index = len(clause.children)
            expected = POINT_LETTERS[index] if index < len(POINT_LETTERS) else "?"
            if letter != expected:
                problems.append(
                    Problem(
                        number,
                        _(
                            "Point %(found)s) of clause %(clause)s, article %(article)s should be point %(expected)s)."
                        )
                        % {
                            "found": letter,
                            "clause": clause.number,
                            "article": article.number,
                            "expected": expected,
                        },
                    )
                )
            current = Node("point", letter, "", number, [match[2].strip()])
            current.anchor = f"{clause.anchor}-diem-{point_slug(letter)}"
            clause.children.append(current)
        elif awaiting_heading is not None:
            awaiting_heading.heading = line
            awaiting_heading = None
        elif current is None:
            problems.append(
                Problem(
                    number,
                    _(
                        "Text before the first heading: start the text at its first “Phần”, “Chương” or “Điều”, or delete this line."
                    ),
                )
            )
        else:
            current.text.append(line)

    if not any(n.kind == "article" for n in nodes) and not problems:
        problems.append(
            Problem(
                1,
                _(
                    "No article found: each article must start on its own line with “Điều 1.”, “Điều 2.” and so on."
                ),
            )
        )
    return ParseResult(nodes, problems)


def text_from_upload(upload) -> str:
    """Plain text of an uploaded .txt or .docx file; ValueError with a message to show otherwise."""
    name = (upload.name or "").lower()
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValueError(_("The file is larger than 5 MB: paste the text instead, or split the file."))
    data = upload.read()
    if name.endswith(".txt"):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValueError(
                _("The text file is not UTF-8: save it as UTF-8 and upload it again.")
            ) from error
    if name.endswith(".docx"):
        return docx_text(data)
    raise ValueError(_("Upload a .txt or .docx file."))


def docx_text(data: bytes) -> str:
    """Paragraphs of a DOCX file, one per line (no dependency: a DOCX is zipped XML)."""
    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = ElementTree.fromstring(archive.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise ValueError(_("The file is not a readable DOCX document.")) from error
    lines = []
    for paragraph in root.iter(f"{namespace}p"):
        lines.append("".join(t.text or "" for t in paragraph.iter(f"{namespace}t")))
    return "\n".join(lines)


@transaction.atomic
def save_structure(document, result: ParseResult) -> int:
    """Replace `document`'s structure with `result` (which must have no problems). Returns the article count."""
    from search.indexing import schedule_update

    from .models import Provision

    if result.problems:
        raise ValueError("a text with problems is never saved")
    Provision.objects.filter(document=document).delete()
    order = 0
    top: list[Provision] = []
    for node in result.nodes:
        order += 1
        top.append(_provision(document, node, order, None))
    created = Provision.objects.bulk_create(top)
    clauses: list[Provision] = []
    clause_nodes: list[Node] = []
    for node, provision in zip(result.nodes, created, strict=True):
        for child in node.children:
            order += 1
            clauses.append(_provision(document, child, order, provision))
            clause_nodes.append(child)
    created_clauses = Provision.objects.bulk_create(clauses)
    points = []
    for node, provision in zip(clause_nodes, created_clauses, strict=True):
        for child in node.children:
            order += 1
            points.append(_provision(document, child, order, provision))
    Provision.objects.bulk_create(points)
    articles = [p for p in created if p.kind == "article"]

    def reindex() -> None:
        for provision in articles:
            schedule_update(provision)
        schedule_update(document)

    transaction.on_commit(reindex)
    return len(articles)


def _provision(document, node: Node, order: int, parent):
    from .models import Provision

    article_number = None
    if node.kind == "article":
        article_number = int(node.number)
    elif parent is not None:
        article_number = parent.article_number
    return Provision(
        document=document,
        parent=parent,
        kind=node.kind,
        number=node.number,
        heading=node.heading[:500],
        text=node.body,
        anchor=node.anchor,
        article_number=article_number,
        sort_order=order,
    )
