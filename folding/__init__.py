"""Text folding shared by every search path (a plain library, not a Django app).

People type Vietnamese on phones without diacritics, so indexed text and
queries are both folded: NFD, combining marks dropped, đ/Đ to d/D, lower case.
Only Latin letters are folded: other scripts (Japanese, Chinese) are kept as
they are, because a whole-text transliterator turns kanji into pinyin.
"""

import unicodedata

__all__ = ["fold_vietnamese"]

_D_TRANSLATION = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


def _is_latin_mark_base(char: str) -> bool:
    return char < "\u0250" or "\u1e00" <= char <= "\u1eff"


def fold_vietnamese(text: str) -> str:
    """Return `text` without Vietnamese (and other Latin) diacritics, lower-cased.

    >>> fold_vietnamese("Quyền lợi người lao động – Công đoàn")
    'quyen loi nguoi lao dong – cong doan'
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TRANSLATION))
    kept = []
    previous = ""
    for char in decomposed:
        # Drop a combining mark only when it sits on a Latin letter; marks on
        # other scripts (Japanese dakuten, for one) are part of the letter.
        if unicodedata.combining(char) and _is_latin_mark_base(previous):
            continue
        kept.append(char)
        if not unicodedata.combining(char):
            previous = char
    return unicodedata.normalize("NFC", "".join(kept)).lower()
