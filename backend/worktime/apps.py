from django.apps import AppConfig


class WorktimeConfig(AppConfig):
    name = "backend.worktime"
    verbose_name = "工作日历与时限"

    def ready(self) -> None:
        from backend.worktime.selectors import connect_snapshots

        connect_snapshots()
