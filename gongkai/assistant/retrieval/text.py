"""Normalising Chinese text and cutting it into the character n-grams the lexical ranker uses.

Character unigrams and bigrams beat word segmentation for short questions (search-qa-tech.md §4):
they need no dictionary, match across segmentation differences and survive a wrong character.
"""

import re
import unicodedata

# Everything that is neither a letter nor a digit (CJK characters are letters) separates words.
_SEPARATORS = re.compile(r"[^\w]+|_", re.UNICODE)
# Words that carry no meaning in a question: particles and politeness.
_FILLERS = re.compile(r"(请问|你好|您好|我想问一下|我想问|想问一下|想问|一下|谢谢|麻烦|请教)")


def normalize(text: str) -> str:
    """Full-width to half-width, lower case, separators collapsed to single spaces."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return _SEPARATORS.sub(" ", text).strip()


def strip_fillers(text: str) -> str:
    return _FILLERS.sub(" ", text)


def _runs(text: str) -> list[str]:
    return [run for run in normalize(strip_fillers(text)).split(" ") if run]


def char_ngrams(text: str) -> list[str]:
    """Unigrams and bigrams of CJK runs; Latin words and numbers stay whole."""
    tokens: list[str] = []
    for run in _runs(text):
        if run.isascii():
            tokens.append(run)
            continue
        chars = list(run)
        tokens.extend(chars)
        tokens.extend(a + b for a, b in zip(chars, chars[1:], strict=False))
    return tokens


def plain_text(html: str) -> str:
    """The visible text of a rich-text answer."""
    import html as html_lib

    from django.utils.html import strip_tags

    return html_lib.unescape(strip_tags(html or "")).strip()
