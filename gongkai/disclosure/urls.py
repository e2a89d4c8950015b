from django.urls import path

from .views.catalogue import catalogue_view
from .views.feeds import ColumnAtomFeed, ColumnFeed
from .views.gazette import gazette_pdf
from .views.search import search_view

urlpatterns = [
    path("search/", search_view, name="disclosure_search"),
    path("catalogue/", catalogue_view, name="disclosure_catalogue"),
    path("catalogue/download.csv", catalogue_view, {"fmt": "csv"}, name="disclosure_catalogue_csv"),
    path("catalogue/download.xlsx", catalogue_view, {"fmt": "xlsx"}, name="disclosure_catalogue_xlsx"),
    path("feeds/column/<int:column_id>/rss/", ColumnFeed(), name="disclosure_column_rss"),
    path("feeds/column/<int:column_id>/atom/", ColumnAtomFeed(), name="disclosure_column_atom"),
    path("gazette/<int:issue_id>.pdf", gazette_pdf, name="disclosure_gazette_pdf"),
]
