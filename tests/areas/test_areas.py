import pytest
from django.core.exceptions import ValidationError

from backend.areas.models import Area, Kind, Level
from backend.areas.selectors import ancestors, within
from backend.areas.services import areas_load_cangzhou

pytestmark = pytest.mark.django_db


def test_the_real_division_counts_are_loaded():
    counts = {level: Area.objects.filter(level=level).count() for level in Level}
    assert counts == {Level.CITY: 1, Level.COUNTY: 19, Level.TOWNSHIP: 209, Level.VILLAGE: 6094}


def test_loading_twice_leaves_the_same_rows():
    before = list(Area.objects.values_list("code", "name", "kind", "parent_id", "path"))
    areas_load_cangzhou()
    assert list(Area.objects.values_list("code", "name", "kind", "parent_id", "path")) == before


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (130902000000, Kind.DISTRICT),  # 新华区
        (130926000000, Kind.COUNTY),  # 肃宁县
        (130981000000, Kind.COUNTY_CITY),  # 泊头市
        (130971000000, Kind.FUNCTIONAL_ZONE),  # 经济开发区
        (130902001000, Kind.STREET),
        (130926100000, Kind.TOWN),  # 肃宁镇
    ],
)
def test_kinds_follow_the_code_rules(code, kind):
    assert Area.objects.get(code=code).kind == kind


def test_subtree_predicate_keeps_a_county_apart_from_its_sibling(suning):
    inside = Area.objects.filter(within(suning, field="parent")).values_list("code", flat=True)
    assert inside and all(str(code).startswith("130926") for code in inside)
    assert not Area.objects.filter(
        within(suning, field="parent"), code__startswith="130929"
    ).exists()


def test_path_and_ancestors(suning_town):
    assert suning_town.path == "130900/130926/130926100/"
    assert [a.name for a in ancestors(suning_town)] == ["沧州市", "肃宁县", "肃宁镇"]


def test_a_child_code_must_lie_under_its_parent(suning, xianxian):
    stray = Area(
        code=130929100000,
        name="错位镇",
        level=Level.TOWNSHIP,
        kind=Kind.TOWN,
        parent=suning,
        path="130900/130926/130929100/",
    )
    with pytest.raises(ValidationError, match="区划代码与上级区划不一致"):
        stray.full_clean()
