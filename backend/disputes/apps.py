from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = "backend.disputes"
    verbose_name = "矛盾纠纷"
