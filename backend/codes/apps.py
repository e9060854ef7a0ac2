from django.apps import AppConfig


class CodesConfig(AppConfig):
    name = "backend.codes"
    verbose_name = "标准代码表"
