from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "backend.areas"
    verbose_name = "行政区划"
