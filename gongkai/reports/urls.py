from django.urls import path

from . import views

urlpatterns = [
    path("annual-reports/<int:pk>/<str:kind>/", views.public_download, name="reports_public_download"),
]
