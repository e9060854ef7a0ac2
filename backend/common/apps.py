from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "backend.common"
    verbose_name = "公共"
