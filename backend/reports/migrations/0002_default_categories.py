"""The initial report category list (admins edit it afterwards; time limits are data)."""

from django.db import migrations

HOURS = {"utility": 24, "ordinary": 7 * 24, "complex": 15 * 24}

# (code, name, limit class, [(code, name), …]); children inherit the class of their parent.
CATEGORIES = [
    ("01", "供水供电供气供暖", "utility", [
        ("0101", "停水及水压水质"), ("0102", "停电及线路故障"), ("0103", "燃气供应及泄漏"),
        ("0104", "供暖不热"), ("0105", "路灯照明")]),
    ("02", "道路交通", "ordinary", [
        ("0201", "道路破损"), ("0202", "交通设施损坏"), ("0203", "违规停车"),
        ("0204", "公交出行")]),
    ("03", "环境卫生", "ordinary", [
        ("0301", "垃圾清运"), ("0302", "下水道堵塞"), ("0303", "公厕保洁"),
        ("0304", "秸秆焚烧及烟尘"), ("0305", "河道沟渠污染")]),
    ("04", "噪声扰民", "ordinary", [
        ("0401", "施工噪声"), ("0402", "商业噪声"), ("0403", "生活噪声")]),
    ("05", "违章建筑", "complex", [
        ("0501", "私搭乱建"), ("0502", "占用耕地建房"), ("0503", "侵占公共空间")]),
    ("06", "物业管理", "ordinary", [
        ("0601", "楼道堆物"), ("0602", "电梯故障"), ("0603", "物业服务纠纷"),
        ("0604", "小区设施维修")]),
    ("07", "劳动保障", "complex", [
        ("0701", "拖欠工资"), ("0702", "社会保险"), ("0703", "劳动合同")]),
    ("08", "治安隐患", "ordinary", [
        ("0801", "可疑人员及场所"), ("0802", "电信诈骗线索"), ("0803", "消防通道占用")]),
    ("09", "矛盾纠纷", "complex", [
        ("0901", "邻里纠纷"), ("0902", "婚姻家庭纠纷"), ("0903", "土地宅基地纠纷")]),
    ("10", "安全生产", "utility", [
        ("1001", "危险化学品"), ("1002", "违规生产经营"), ("1003", "燃气使用安全")]),
    ("11", "市场监管", "ordinary", [
        ("1101", "食品安全"), ("1102", "价格欺诈"), ("1103", "无证经营")]),
    ("12", "教育医疗", "ordinary", [
        ("1201", "入学及学校管理"), ("1202", "医疗服务"), ("1203", "医保报销")]),
    ("13", "社会救助", "ordinary", [
        ("1301", "低保及特困"), ("1302", "残疾人帮扶"), ("1303", "临时救助")]),
    ("99", "其他", "ordinary", []),
]


def create_categories(apps, schema_editor):
    category_model = apps.get_model("reports", "ReportCategory")
    for code, name, limit_class, children in CATEGORIES:
        parent, _ = category_model.objects.get_or_create(code=code, defaults={
            "name": name, "limit_class": limit_class, "time_limit_hours": HOURS[limit_class]})
        for child_code, child_name in children:
            category_model.objects.get_or_create(code=child_code, defaults={
                "name": child_name, "parent": parent, "limit_class": limit_class,
                "time_limit_hours": HOURS[limit_class]})


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]
    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]
