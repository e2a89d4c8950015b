"""Public pages of the assistant: a full-page assistant and one page per entry (cited as a source)."""

from django.urls import path

from . import views

app_name = "assistant"

urlpatterns = [
    path("assistant/", views.assistant_page, name="page"),
    path("assistant/q/<str:answer_id>/", views.entry_page, name="entry"),
]
