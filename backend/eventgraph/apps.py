from django.apps import AppConfig


class EventGraphConfig(AppConfig):
    name = "backend.eventgraph"
    verbose_name = "事件图谱"

    def ready(self) -> None:
        from backend.eventgraph.signals import connect

        connect()  # reports, disputes and parties are (re)linked after every committed write
