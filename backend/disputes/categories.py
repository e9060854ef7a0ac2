"""The Ministry of Justice's 15 mediation statistics categories, mapped from GB/T 31000 事件类型.

Exact four-digit codes first, then the first-level code, else 其它. Kept as data so that a
reviewer can read (and correct) the mapping in one place.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MojCategory(models.TextChoices):
    MARRIAGE_FAMILY = "marriage_family", _("婚姻家庭")
    NEIGHBOURHOOD = "neighbourhood", _("邻里")
    HOUSING_HOMESTEAD = "housing_homestead", _("房屋宅基地")
    CONTRACT = "contract", _("合同")
    BUSINESS = "business", _("生产经营")
    DAMAGES = "damages", _("损害赔偿")
    FOREST_LAND = "forest_land", _("山林土地")
    EXPROPRIATION = "expropriation", _("征地拆迁")
    ENVIRONMENT = "environment", _("环境污染")
    LABOUR = "labour", _("劳动争议")
    CONSUMER = "consumer", _("消费")
    MEDICAL = "medical", _("医疗")
    TRAFFIC = "traffic", _("道路交通事故")
    PROPERTY_MANAGEMENT = "property_management", _("物业")
    OTHER = "other", _("其它")


C = MojCategory
MOJ_BY_CODE: dict[str, MojCategory] = {
    "0203": C.ENVIRONMENT,  # 相邻污染损害防止
    "0301": C.DAMAGES,
    "0302": C.DAMAGES,
    "0303": C.DAMAGES,
    "0399": C.DAMAGES,
    "0401": C.DAMAGES,
    "0402": C.PROPERTY_MANAGEMENT,
    "0403": C.HOUSING_HOMESTEAD,
    "0501": C.DAMAGES,
    "0502": C.MEDICAL,
    "0503": C.TRAFFIC,
    "0504": C.ENVIRONMENT,
    "0505": C.DAMAGES,
    "0506": C.DAMAGES,
    "0507": C.DAMAGES,
    "0599": C.DAMAGES,
    "0601": C.CONSUMER,
    "0602": C.HOUSING_HOMESTEAD,
    "0902": C.HOUSING_HOMESTEAD,
    "1001": C.BUSINESS,
    "1002": C.BUSINESS,
    "1003": C.BUSINESS,
    "1004": C.BUSINESS,
    "1005": C.BUSINESS,
    "1303": C.BUSINESS,
    "1101": C.EXPROPRIATION,
    "1102": C.EXPROPRIATION,
    "1103": C.EXPROPRIATION,
    "1105": C.EXPROPRIATION,
    "1104": C.OTHER,
    "1203": C.FOREST_LAND,  # 区划边界
}
MOJ_BY_FIRST_LEVEL: dict[str, MojCategory] = {
    "01": C.MARRIAGE_FAMILY,
    "02": C.NEIGHBOURHOOD,
    "03": C.DAMAGES,
    "05": C.DAMAGES,
    "06": C.CONTRACT,
    "07": C.LABOUR,
    "08": C.CONTRACT,
    "09": C.FOREST_LAND,
    "11": C.EXPROPRIATION,
}


def moj_category(event_type_code: str) -> MojCategory:
    """The MoJ statistics category of a GB/T 31000 事件类型 code ("0902" → 房屋宅基地)."""
    if event_type_code in MOJ_BY_CODE:
        return MOJ_BY_CODE[event_type_code]
    return MOJ_BY_FIRST_LEVEL.get(event_type_code[:2], C.OTHER)
