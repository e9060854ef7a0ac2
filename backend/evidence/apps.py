from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "backend.evidence"
    verbose_name = "佐证材料"
