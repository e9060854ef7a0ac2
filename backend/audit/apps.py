from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "backend.audit"
    verbose_name = "审计日志"

    def ready(self) -> None:
        from backend.audit import signals  # noqa: F401  (login success and failure)
        from backend.audit.writes import connect

        connect()  # every write of the backend apps' models, present and future
