from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "backend.demo"
    verbose_name = "演示数据"
