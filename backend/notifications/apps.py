from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "backend.notifications"
    verbose_name = "站内通知"
