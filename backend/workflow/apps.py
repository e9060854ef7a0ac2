from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "backend.workflow"
    verbose_name = "流程引擎"
