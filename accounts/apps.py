from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self) -> None:
        # Connects the lockout audit to django-axes' signal.
        from accounts import login_protection  # noqa: F401
