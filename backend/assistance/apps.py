from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "backend.assistance"
    verbose_name = "社会救助"
