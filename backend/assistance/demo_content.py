"""Text and amounts of the demo subsidy cases.

Amounts are illustrative but in the range of Hebei's rural standards: 低保 several hundred yuan per
person per month, 特困 basic support at about 1.3 × the 低保 standard, student living subsidies at the
national rates (小学寄宿生 1,000, 初中寄宿生 1,250, 高中 about 2,000 yuan a year, paid over 10 months).
"""

from decimal import Decimal

from backend.assistance.models import Relation, SubsidyKind, SubsidyStatus

K, S = SubsidyKind, SubsidyStatus
KIND_WEIGHTS = {K.DIBAO: 65, K.TEKUN: 13, K.STUDENT: 22}  # 10.29万 : 2.03万 : 3.47万 in the city
STATUS_WEIGHTS = {
    S.PAYING: 74,
    S.APPLIED: 4,
    S.TOWNSHIP_REVIEWED: 3,
    S.APPROVED: 3,
    S.REJECTED: 5,
    S.SUSPENDED: 3,
    S.ENDED: 8,
}
DIBAO_STANDARD = Decimal("560")  # yuan per person per month, rural
TEKUN_SUPPORT = Decimal("730")
# (grade names, first age, monthly amount, school name pattern)
SCHOOL_STAGES = [
    (
        ("一年级", "二年级", "三年级", "四年级", "五年级", "六年级"),
        7,
        Decimal("100"),
        "{township}中心小学",
    ),
    (("初一", "初二", "初三"), 13, Decimal("125"), "{township}中学"),
    (("高一", "高二", "高三"), 16, Decimal("200"), "{county}第一中学"),
]
HOUSEHOLD_SIZES = {1: 30, 2: 30, 3: 20, 4: 12, 5: 8}
RECHECK_MONTHS = {K.DIBAO: 12, K.TEKUN: 12, K.STUDENT: 12}

OPINIONS = {
    "township_pass": [
        "经入户调查和邻里访问，家庭经济状况符合条件，同意上报",
        "申请材料齐全，经民主评议和公示无异议，同意上报",
    ],
    "township_reject": [
        "家庭人均收入高于当地最低生活保障标准",
        "家庭拥有非生活必需的机动车辆",
        "申请材料不全，经告知后未按期补正",
    ],
    "county_pass": ["经审核，符合条件，同意纳入", "经信息核对无异常，同意审批"],
    "county_reject": [
        "经家庭经济状况信息核对，存款超过规定标准",
        "法定赡养（抚养）义务人有能力履行义务",
    ],
    "recheck_pass": ["复核家庭人口和收入无明显变化，继续享受", "经入户复核，符合条件，继续发放"],
    "suspend": ["家庭成员外出务工收入增加，暂停发放待核实", "未按规定配合复核，暂停发放"],
    "end": [
        "家庭人均收入连续超过保障标准，退出保障",
        "救助对象死亡，终止救助",
        "户籍迁出本县，终止救助",
    ],
    "end_student": ["学生已毕业，终止补助", "学生转学至外县，终止补助"],
}
SPOUSE_AND_CHILDREN = [
    Relation.SPOUSE,
    Relation.CHILD,
    Relation.CHILD,
    Relation.PARENT,
    Relation.GRANDCHILD,
]
STUDENT_FAMILY = [Relation.PARENT, Relation.PARENT, Relation.GRANDPARENT, Relation.SIBLING]
