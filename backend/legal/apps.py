from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "backend.legal"
    verbose_name = "法律智能推荐"
