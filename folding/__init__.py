"""Text folding shared by every search path (a plain library, not a Django app).

People type Vietnamese on phones without diacritics, so indexed text and
queries are both folded: NFD, combining marks dropped, đ/Đ to d/D, lower case.
Only Latin letters are folded: other scripts (Japanese, Chinese) are kept as
they are, because a whole-text transliterator turns kanji into pinyin.
"""

import functools
import hashlib
import re
import unicodedata

__all__ = [
    "cjk_bigrams",
    "exact_tokens",
    "fold_vietnamese",
    "folded_tokens",
    "index_text",
    "is_cjk",
    "query_terms",
]

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


# --- Tokens for search indexes -------------------------------------------------
#
# Every backend gets the same tokens: the database backends index a folded,
# space-separated copy of the text, so their own tokenizers (SQLite FTS5
# unicode61, PostgreSQL's parser) only ever split on spaces and never need to
# know about Vietnamese or Japanese.

_WORD = re.compile(r"[^\W_]+")
_CJK_RANGES = (
    ("\u1100", "\u11ff"),  # Hangul Jamo
    ("\u2e80", "\u2fdf"),  # CJK radicals
    ("\u3040", "\u30ff"),  # Hiragana, Katakana
    ("\u3100", "\u31ff"),  # Bopomofo, Hangul compatibility Jamo, Katakana extensions
    ("\u3400", "\u4dbf"),  # CJK extension A
    ("\u4e00", "\u9fff"),  # CJK unified ideographs
    ("\uac00", "\ud7af"),  # Hangul syllables
    ("\uf900", "\ufaff"),  # CJK compatibility ideographs
    ("\uff66", "\uff9f"),  # half-width Katakana
    ("\U00020000", "\U0003134f"),  # CJK extensions B–G
)


def is_cjk(char: str) -> bool:
    """True for Chinese, Japanese and Korean characters (written without spaces between words)."""
    return any(low <= char <= high for low, high in _CJK_RANGES)


def cjk_bigrams(run: str) -> list[str]:
    """Overlapping character pairs of a run of CJK text; a single character stays as it is.

    >>> cjk_bigrams("労働組合")
    ['労働', '働組', '組合']
    """
    if len(run) < 2:
        return [run] if run else []
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _split_scripts(word: str) -> list[tuple[bool, str]]:
    """Split a word into runs of CJK and non-CJK characters: 'ilo条約' -> [(False, 'ilo'), (True, '条約')]."""
    runs: list[tuple[bool, str]] = []
    for char in word:
        cjk = is_cjk(char)
        if runs and runs[-1][0] == cjk:
            runs[-1] = (cjk, runs[-1][1] + char)
        else:
            runs.append((cjk, char))
    return runs


def _normalise(text: str) -> str:
    # NFKC also turns full-width digits and letters (common in Japanese text: "第３５条") into ASCII.
    return unicodedata.normalize("NFKC", text or "")


@functools.lru_cache(maxsize=200_000)
def _word_tokens(word: str) -> tuple[str, ...]:
    # A language has far fewer distinct words than a corpus has words: folding each once pays.
    tokens: list[str] = []
    for folded in _WORD.findall(fold_vietnamese(word)):
        for cjk, run in _split_scripts(folded):
            tokens.extend(cjk_bigrams(run) if cjk else [run])
    return tuple(tokens)


def folded_tokens(text: str) -> list[str]:
    """The search tokens of `text`: folded words, CJK runs as character bigrams.

    The same function serves the index and the query, so both sides always agree.

    >>> folded_tokens("Quyền lợi – ĐOÀN viên; 労働組合の権利")
    ['quyen', 'loi', 'doan', 'vien', '労働', '働組', '組合', '合の', 'の権', '権利']
    """
    tokens: list[str] = []
    for word in _WORD.findall(_normalise(text)):
        tokens.extend(_word_tokens(word))
    return tokens


@functools.lru_cache(maxsize=200_000)
def exact_token(word: str) -> str:
    """A token that stands for one word with its diacritics, for ranking exact matches first.

    Folding tokenizers (PostgreSQL's unaccent, FTS5's remove_diacritics) would merge
    "quyền" and "quyen"; this token keeps them apart on every backend because it is
    plain ASCII letters and digits: the folded word, "x", and a short digest of the
    original spelling.
    """
    digest = hashlib.blake2s(word.encode("utf-8"), digest_size=4).hexdigest()
    return f"{fold_vietnamese(word)}x{digest}"


def exact_tokens(text: str) -> list[str]:
    """Exact-spelling tokens for the words of `text` that carry diacritics (lower-cased)."""
    tokens = []
    for word in _WORD.findall(_normalise(text).lower()):
        if _has_diacritics(word):
            tokens.append(exact_token(word))
    return tokens


@functools.lru_cache(maxsize=200_000)
def _has_diacritics(word: str) -> bool:
    return not any(is_cjk(char) for char in word) and fold_vietnamese(word) != word


def index_text(text: str) -> str:
    """What a database backend indexes for `text`: exact-spelling tokens, then the folded tokens."""
    return " ".join(exact_tokens(text) + folded_tokens(text))


def query_terms(text: str) -> tuple[list[str], list[str]]:
    """(folded terms, exact terms) of a query; exact terms replace the words that carry diacritics.

    Both lists have the same length when the query has diacritics, and the exact list is
    empty when it has none (nothing to rank by).

    >>> query_terms("Điều 35")
    (['dieu', '35'], ['dieux...', '35'])  # doctest: +SKIP
    """
    folded: list[str] = []
    exact: list[str] = []
    has_diacritics = False
    for word in _WORD.findall(_normalise(text).lower()):
        word_tokens = folded_tokens(word)
        folded.extend(word_tokens)
        if not any(is_cjk(char) for char in word) and fold_vietnamese(word) != word:
            exact.append(exact_token(word))
            has_diacritics = True
        else:
            exact.extend(word_tokens)
    return folded, (exact if has_diacritics else [])
