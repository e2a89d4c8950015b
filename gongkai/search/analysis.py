"""Chinese text analysis shared by every search backend.

Segmentation is done here, once, with rjieba (the Rust port of jieba; same dictionary and output)
plus the government user dictionary shipped in ``dict/government.txt`` (jieba's format:
``word [freq] [tag]``). Index text with ``index_tokens`` (jieba's search mode: words and their
sub-words), queries with ``query_terms`` (precise mode; long words also match by their parts).
Engines only ever see space-joined tokens, so the embedded and the server backend agree.
"""

import html
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import rjieba

USER_DICT = Path(__file__).with_name("dict") / "government.txt"
_loaded = False
_lock = threading.Lock()
_WORD_RE = re.compile(r"\w", re.UNICODE)
# Words so common in Chinese government text that they only slow queries down.
QUERY_STOPWORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "在",
        "是",
        "对",
        "等",
        "为",
        "于",
        "关于",
        "有关",
        "之",
        "其",
        "这",
        "那",
        "一个",
        "我们",
        "怎么",
        "如何",
        "什么",
        "哪些",
        "吗",
        "呢",
    ]
)


def load_user_dictionary(path: Path = USER_DICT) -> int:
    """Add the words of a jieba-format user dictionary. Returns how many were added."""
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else None
        rjieba.add_word(word, freq, tag)
        count += 1
    return count


def _ensure_loaded():
    global _loaded
    if not _loaded:
        with _lock:
            if not _loaded:
                load_user_dictionary()
                _loaded = True


def normalize(text: str) -> str:
    """NFKC (full-width letters and digits to half-width) and lower case."""
    return unicodedata.normalize("NFKC", text or "").lower()


def _keep(token: str) -> bool:
    return bool(token.strip()) and bool(_WORD_RE.search(token))


def index_tokens(text: str) -> list[str]:
    """Tokens to index: jieba search mode, punctuation dropped."""
    _ensure_loaded()
    return [t for t in rjieba.cut_for_search(normalize(text)) if _keep(t)]


def index_text(text: str) -> str:
    """``index_tokens`` joined by spaces, for a whitespace-tokenized engine field."""
    return " ".join(index_tokens(text))


@dataclass(frozen=True)
class QueryTerm:
    """One word of the query. It matches the word itself, or all of its ``parts`` together."""

    word: str
    parts: tuple[str, ...] = ()


def query_terms(text: str) -> list[QueryTerm]:
    _ensure_loaded()
    terms, seen = [], set()
    for token in rjieba.cut(normalize(text)):
        if not _keep(token) or token in QUERY_STOPWORDS or token in seen:
            continue
        seen.add(token)
        parts = ()
        if len(token) > 2:
            parts = tuple(dict.fromkeys(p for p in rjieba.cut_for_search(token) if p != token and len(p) > 1))
            # Only a decomposition that covers the word is a safe alternative.
            if sum(len(p) for p in parts) < len(token):
                parts = ()
        terms.append(QueryTerm(token, parts))
    return terms


def highlight_words(terms: list[QueryTerm]) -> list[str]:
    words = set()
    for term in terms:
        words.add(term.word)
        words.update(term.parts)
    return sorted(words, key=len, reverse=True)


def snippet(text: str, terms: list[QueryTerm], length: int = 160) -> str:
    """An HTML-safe excerpt of ``text`` around the first query word, words wrapped in <mark>."""
    text = re.sub(r"\s+", " ", text or "").strip()
    words = highlight_words(terms)
    if not text:
        return ""
    if not words:
        return html.escape(text[:length]) + ("…" if len(text) > length else "")
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - length // 4) if first else 0
    excerpt = text[start : start + length]
    out, pos = [], 0
    for match in pattern.finditer(excerpt):
        out.append(html.escape(excerpt[pos : match.start()]))
        out.append(f"<mark>{html.escape(match.group(0))}</mark>")
        pos = match.end()
    out.append(html.escape(excerpt[pos:]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    return prefix + "".join(out) + suffix
