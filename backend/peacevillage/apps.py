from django.apps import AppConfig


class PeaceVillageConfig(AppConfig):
    name = "backend.peacevillage"
    verbose_name = "平安村庄联动联创"
