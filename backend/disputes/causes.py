"""The cause tags (成因) of disputes, loaded by a data migration; analytics group on them."""

CAUSES = [
    ("interest", "利益诉求"),
    ("emotion", "情感矛盾"),
    ("history", "历史遗留问题"),
    ("ownership", "权属不清"),
    ("breach", "约定不明或违约"),
    ("communication", "沟通不畅"),
    ("policy", "政策理解偏差"),
    ("hardship", "经济困难"),
    ("infringement", "侵权行为"),
    ("service", "管理服务不到位"),
    ("custom", "风俗习惯差异"),
]
