from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "backend.reports"
    verbose_name = "事件与民意快递"
