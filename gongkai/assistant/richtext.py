"""Answers are rich text: imported or API-bound HTML is reduced to a safe subset.

Plain text becomes paragraphs; HTML keeps only paragraphs, line breaks, lists, emphasis and links
to http(s) or site-relative addresses. Nothing else (scripts, styles, event handlers) survives.
"""

from bs4 import BeautifulSoup

from django.utils.html import escape

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "a", "h3", "h4"}
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}
SAFE_LINK = ("http://", "https://", "/")


def looks_like_html(text: str) -> bool:
    return "<" in text and ">" in text and bool(BeautifulSoup(text, "html.parser").find())


def clean_answer(text: str) -> str:
    text = (text or "").strip()
    if not looks_like_html(text):
        paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]
        text = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        # Serialised the same way as HTML input, so that export → import gives the same text.
        return str(BeautifulSoup(text, "html.parser"))
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(DROPPED_WITH_CONTENT):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.name not in ALLOWED_TAGS:
            tag.unwrap()
            continue
        href = tag.get("href", "") if tag.name == "a" else ""
        linktype = tag.get("linktype") if tag.name == "a" else None
        target_id = tag.get("id", "")
        tag.attrs = {}
        if tag.name == "a":
            if linktype:  # Wagtail's internal page/document links are kept as they are stored
                tag.attrs = {"linktype": linktype, "id": target_id}
            elif href.strip().lower().startswith(SAFE_LINK):
                tag.attrs = {"href": href.strip()}
    return str(soup).strip()
