"""Highlighting that understands folding: `nguoi` marks "người" in the original text."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape

from folding import fold_vietnamese, is_cjk

_WORD = re.compile(r"[^\W_]+")
SNIPPET_CHARS = 240
# Characters kept before the first match, so the reader sees what leads to it.
LEAD_CHARS = 60


def _spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    words = {term for term in terms if not any(is_cjk(char) for char in term)}
    cjk_terms = [term for term in terms if any(is_cjk(char) for char in term)]
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if any(is_cjk(char) for char in word):
            for term in cjk_terms:
                start = word.find(term)
                while start != -1:
                    spans.append((match.start() + start, match.start() + start + len(term)))
                    start = word.find(term, start + 1)
            continue
        if fold_vietnamese(unicodedata.normalize("NFKC", word)) in words:
            spans.append(match.span())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _render(text: str, spans: list[tuple[int, int]], offset: int = 0) -> str:
    parts = []
    position = 0
    for start, end in spans:
        start, end = start - offset, end - offset
        if end <= 0 or start >= len(text):
            continue
        start, end = max(start, 0), min(end, len(text))
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def highlight(text: str, terms: list[str]) -> str:
    """`text` HTML-escaped, with every word matching a folded query term in <mark>."""
    return _render(text, _spans(text, terms))


def snippet(text: str, terms: list[str], length: int = SNIPPET_CHARS) -> str:
    """About `length` characters of `text` around the first match, escaped, matches in <mark>."""
    text = text or ""
    spans = _spans(text, terms)
    start = 0
    if spans and spans[0][0] > LEAD_CHARS:
        start = text.rfind(" ", 0, spans[0][0] - LEAD_CHARS) + 1
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    rendered = _render(window, spans, offset=start)
    return ("… " if start else "") + rendered + (" …" if end < len(text) else "")
