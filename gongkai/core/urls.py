"""Public accounts: applicants may register and log in, but need not (applications work without)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("accounts/register/", views.register, name="account_register"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(template_name="accounts/login.html", redirect_authenticated_user=True),
        name="account_login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(next_page="/"), name="account_logout"),
]
