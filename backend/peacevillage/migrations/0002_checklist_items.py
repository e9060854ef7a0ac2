"""The standard 五有 / 六无 checklist of 平安村庄（社区）创建, as commonly used in Hebei's
平安建设 assessments: five things a village has (a platform led by the Party organisation, rules,
a team, files, support) and six things it has not had in the period. The list is configurable
data: the city's administrators edit texts and weights, add items or deactivate them; an item
with an `auto_rule` is answered from the project's data (backend/peacevillage/rules.py), the
others by the assessor. Only 无群体性事件 is automatic: the project records disputes with their
事件规模, but no criminal cases, safety accidents, petitions or religious activity."""

from django.db import migrations

ITEMS = [
    ("WY01", "five_have", "有坚强有力的村（社区）党组织，牵头建有综治中心（平安建设工作站）等工作平台", ""),
    ("WY02", "five_have", "有健全的平安建设工作制度：矛盾纠纷排查调处、治安巡防、网格化服务管理等", ""),
    ("WY03", "five_have", "有群防群治队伍和人民调解委员会等矛盾纠纷调解组织", ""),
    ("WY04", "five_have", "有规范完整的平安建设工作台账和档案", ""),
    ("WY05", "five_have", "有治安防控设施（视频监控、技防设施）和法治宣传阵地等工作保障", ""),
    ("LW01", "six_none", "无越级集体上访和进京非正常上访", ""),
    ("LW02", "six_none", "无群体性事件", "no_group_incident"),
    ("LW03", "six_none", "无非法宗教、邪教和其他非法组织活动", ""),
    ("LW04", "six_none", "无重大安全生产事故和重大火灾事故", ""),
    ("LW05", "six_none", "无重大治安案件和黄赌毒等突出治安问题", ""),
    ("LW06", "six_none", "无重大刑事案件和命案", ""),
]


def create_items(apps, schema_editor):
    item_model = apps.get_model("peacevillage", "ChecklistItem")
    for code, group, text, rule in ITEMS:
        item_model.objects.get_or_create(
            code=code, defaults={"group": group, "text": text, "auto_rule": rule, "weight": 10}
        )


class Migration(migrations.Migration):
    dependencies = [("peacevillage", "0001_initial")]
    operations = [migrations.RunPython(create_items, migrations.RunPython.noop)]
