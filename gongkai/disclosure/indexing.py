"""Turn published items and interpretations into search documents, and keep the index current.

Called from the task worker (``tasks.index_pages``) and ``manage.py rebuild_portal_index`` — the
one process that writes the index.
"""

import contextlib
import contextvars

from django.utils.html import strip_tags

from gongkai.search.backends import SearchDocument, get_backend
from gongkai.search.extraction import checksum, extract_text

from .models import AttachmentText, ColumnPage, InformationItemPage, PolicyInterpretationPage

SOURCE = "disclosure"
_suspended = contextvars.ContextVar("disclosure_indexing_suspended", default=False)


@contextlib.contextmanager
def suspended():
    """Skip per-page index updates (bulk loads, demo data); rebuild the index afterwards."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def is_suspended() -> bool:
    return _suspended.get()


def attachment_text(document) -> str:
    """The extracted text of a Wagtail document, cached by checksum."""
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        return ""
    digest = checksum(data)
    cached = AttachmentText.objects.filter(document=document).first()
    if cached is not None and cached.checksum == digest:
        return cached.text
    result = extract_text(data, document.file.name)
    AttachmentText.objects.update_or_create(
        document=document, defaults={"checksum": digest, "text": result.text, "error": result.error}
    )
    return result.text


def _column_ids(page) -> list[str]:
    return [str(pk) for pk in ColumnPage.objects.ancestor_of(page).values_list("pk", flat=True)]


def item_document(item: InformationItemPage) -> SearchDocument:
    parts = [item.summary, strip_tags(item.body or ""), item.keywords]
    for attachment in item.attachments.select_related("document"):
        parts.append(attachment.display_title)
        parts.append(attachment_text(attachment.document))
    # The index number is how staff and citizens cite an item: searching it finds the item.
    parts.append(item.index_number or "")
    date = item.date_published or item.date_written
    return SearchDocument(
        id=f"item:{item.pk}",
        title=item.title,
        body="\n".join(p for p in parts if p),
        document_number=item.document_number,
        url=item.url or "",
        date=date,
        filters={
            "source": [SOURCE],
            "kind": ["item"],
            "unit": [str(item.unit_id)],
            "column": _column_ids(item) + [str(pk) for pk in item.topics.values_list("pk", flat=True)],
            "category": [c for c in (item.category, item.key_area) if c],
            "year": [str(item.date_written.year)],
            "genre": [item.genre],
            "validity": [item.validity],
        },
        extra={
            "index_number": item.index_number or "",
            "unit_name": item.unit.name,
            "validity": item.validity,
            "validity_label": str(item.get_validity_display()),
            "date_written": item.date_written.isoformat(),
        },
    )


def interpretation_document(page: PolicyInterpretationPage) -> SearchDocument:
    return SearchDocument(
        id=f"interpretation:{page.pk}",
        title=page.title,
        body="\n".join(p for p in (page.summary, strip_tags(page.body or "")) if p),
        url=page.url or "",
        date=page.first_published_at.date() if page.first_published_at else None,
        filters={
            "source": [SOURCE],
            "kind": ["interpretation"],
            "unit": [str(page.unit_id)],
            "column": _column_ids(page),
            "year": [str(page.first_published_at.year)] if page.first_published_at else [],
            "genre": ["interpretation"],
        },
        extra={"unit_name": page.unit.name, "policy_id": page.policy_id},
    )


def documents_for(pages) -> tuple[list[SearchDocument], list[str]]:
    """(documents to index, ids to delete) for ``pages``."""
    docs, gone = [], []
    for page in pages:
        if isinstance(page, InformationItemPage):
            if page.live and page.disclosure_attribute == "proactive":
                docs.append(item_document(page))
            else:
                gone.append(f"item:{page.pk}")
        elif isinstance(page, PolicyInterpretationPage):
            (
                docs.append(interpretation_document(page))
                if page.live
                else gone.append(f"interpretation:{page.pk}")
            )
    return docs, gone


def reindex_pages(page_ids) -> int:
    page_ids = list(page_ids)
    items = list(InformationItemPage.objects.filter(pk__in=page_ids).select_related("unit"))
    interpretations = list(PolicyInterpretationPage.objects.filter(pk__in=page_ids).select_related("unit"))
    found = {p.pk for p in items} | {p.pk for p in interpretations}
    docs, gone = documents_for(items + interpretations)
    gone += [f"item:{pk}" for pk in page_ids if pk not in found]
    gone += [f"interpretation:{pk}" for pk in page_ids if pk not in found]
    backend = get_backend()
    if gone:
        backend.delete(gone)
    backend.index(docs)
    return len(docs)


def rebuild(batch: int = 500) -> int:
    """Index every public item and interpretation afresh."""
    backend = get_backend()
    backend.clear()
    total = 0
    for model in (InformationItemPage, PolicyInterpretationPage):
        ids = list(model.objects.live().values_list("pk", flat=True).order_by("pk"))
        for start in range(0, len(ids), batch):
            total += reindex_pages(ids[start : start + batch])
    return total
