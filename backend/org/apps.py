from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "backend.org"
    verbose_name = "单位与成员"
