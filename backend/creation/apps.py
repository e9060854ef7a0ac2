from django.apps import AppConfig


class CreationConfig(AppConfig):
    name = "backend.creation"
    verbose_name = "创建任务"
