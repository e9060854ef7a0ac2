from django.apps import AppConfig


class EnterpriseConfig(AppConfig):
    name = "backend.enterprise"
    verbose_name = "企业家直通车"
