"""Type groups: which disputes and reports count as "the same type". A dispute's group is its
first-level GB/T 31000 事件类型; a report category that names a dispute (0902 婚姻家庭纠纷) joins
that dispute group, any other category forms a group of its first-level report category. Kept as
data in one place so that a reviewer can read and correct the mapping."""

# report category code (exact, else its first two digits) → first-level 事件类型
REPORT_TO_EVENT_TYPE = {
    "0901": "02",  # 邻里纠纷 → 邻里纠纷
    "0902": "01",  # 婚姻家庭纠纷 → 婚恋家庭纠纷
    "0903": "09",  # 土地宅基地纠纷 → 土地及资源权属纠纷
    "0403": "02",  # 生活噪声 → 邻里纠纷（相邻污染）
    "0603": "04",  # 物业服务纠纷 → 物权相关纠纷（物业）
    "05": "11",  # 违章建筑 → 城乡建设发展纠纷（规划及拆违）
    "07": "07",  # 劳动保障 → 劳动人事争议
}
EVENT_TYPES = {  # the first level of GB/T 31000 事件类型
    "01": "婚恋家庭纠纷",
    "02": "邻里纠纷",
    "03": "人格权纠纷",
    "04": "物权相关纠纷",
    "05": "侵权相关纠纷",
    "06": "合同及相关纠纷",
    "07": "劳动人事争议",
    "08": "金融借贷纠纷",
    "09": "土地及资源权属纠纷",
    "10": "其他民商事纠纷",
    "11": "城乡建设发展纠纷",
    "12": "涉民政纠纷",
    "13": "其他行政执法纠纷",
    "14": "涉法涉诉纠纷",
    "15": "涉组织涉纪检纠纷",
    "16": "涉民族宗教纠纷",
    "99": "其他",
}


def dispute_group(type_code: str) -> str:
    return f"T{type_code[:2]}"


def report_group(category_code: str) -> str:
    mapped = REPORT_TO_EVENT_TYPE.get(category_code) or REPORT_TO_EVENT_TYPE.get(category_code[:2])
    return f"T{mapped}" if mapped else f"R{category_code[:2]}"


def report_codes_of(group: str, category_codes: list[str]) -> list[str]:
    """The report categories (of `category_codes`) in `group`."""
    return [code for code in category_codes if report_group(code) == group]


def group_label(group: str, report_category_name: str = "") -> str:
    if group.startswith("T"):
        return EVENT_TYPES.get(group[1:], "其他")
    return report_category_name or "其他"
