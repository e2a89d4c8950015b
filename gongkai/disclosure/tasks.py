"""Background work of the disclosure app. Index updates run in the task worker: one writer."""

from django_tasks import task


@task()
def index_pages(page_ids: list[int]) -> int:
    from .indexing import reindex_pages

    return reindex_pages(page_ids)
