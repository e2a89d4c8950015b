from django.urls import path

from .views import public

app_name = "applications"

urlpatterns = [
    path("apply/", public.apply, name="apply"),
    path("apply/received/<str:tracking_number>/", public.received, name="received"),
    path("apply/status/", public.status, name="status"),
    path(
        "apply/letters/<str:tracking_number>/<int:letter_id>.<str:fmt>",
        public.letter_download,
        name="letter_download",
    ),
]
