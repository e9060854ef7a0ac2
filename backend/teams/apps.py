from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "backend.teams"
    verbose_name = "一轴八员队伍"
