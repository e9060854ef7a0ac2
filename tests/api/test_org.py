"""Teams (一轴八员), units and role grants through POST /graphql/; the delegation rule."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.roles import Role
from backend.accounts.services import user_create
from backend.areas.models import Area
from backend.disputes.models import Dispute
from backend.disputes.models.choices import OPEN_STATUSES
from backend.org.models import Membership, Unit
from backend.org.services import membership_grant
from backend.teams.models import TeamKind, TeamMember
from backend.teams.services import team_member_create
from permissions.delegation import may_delegate

pytestmark = pytest.mark.django_db
SUNING_TOWN, LIANGJIACUN, XIANXIAN = "130926100000", "130926101000", "130929000000"

MEMBERS = """query ($limit: Int!, $filters: TeamMemberFilter) {
  teamMembers(pagination: {offset: 0, limit: $limit}, filters: $filters, ordering: [{name: ASC}]) {
    totalCount results { id name teamKind phone area { code name } unit { name area { name } } }
  }
}"""
MEMBER = "query ($id: ID!) { teamMember(id: $id) { id name } }"


def counted(api, query: str, variables: dict) -> tuple[dict, int]:
    with CaptureQueriesContext(connection) as queries:
        data = api.data(query, variables)
    return data, len(queries)


# --- team members -------------------------------------------------------------------------------


def test_a_county_centre_lists_only_the_members_of_its_county(gql_as, users):
    page = gql_as(users["county_centre"]).data(MEMBERS, {"limit": 100})["teamMembers"]
    assert (
        page["totalCount"]
        == TeamMember.objects.filter(area__path__startswith="130900/130926/").count()
    )
    assert all(row["area"]["code"].startswith("130926") for row in page["results"])
    assert all("****" in row["phone"] for row in page["results"])  # no unmask on team members


def test_team_member_filters(gql_as, users):
    api = gql_as(users["city_admin"])
    town = TeamMember.objects.filter(area__path__contains="/130926100/")
    member = town.filter(is_mediator=True).first()

    def total(filters: dict) -> int:
        return api.data(MEMBERS, {"limit": 1, "filters": filters})["teamMembers"]["totalCount"]

    assert total({"area": SUNING_TOWN}) == town.count()
    assert (
        total({"area": SUNING_TOWN, "isMediator": {"exact": True}})
        == town.filter(is_mediator=True).count()
    )
    assert (
        total({"teamKind": {"exact": "police_station"}, "area": SUNING_TOWN})
        == town.filter(team_kind="police_station").count()
    )
    assert (
        total({"unit": str(member.unit_id)}) == TeamMember.objects.filter(unit=member.unit).count()
    )
    assert total({"search": member.name}) >= 1
    assert total({"search": member.phone}) == 0  # a phone number is never searchable


@pytest.mark.parametrize(
    ("filters", "message", "field"),
    [({"unit": "abc"}, "编号格式不正确", "unit"), ({"area": "999"}, "区划代码不存在", "area")],
)
def test_a_bad_filter_value_is_a_clear_error(gql_as, users, filters, message, field):
    body = gql_as(users["city_admin"])(MEMBERS, {"limit": 1, "filters": filters})
    [error] = body["errors"]
    assert (error["message"], error["extensions"]["field"]) == (message, field)


def test_the_member_list_sql_count_does_not_grow_with_the_page(gql_as, users):
    api = gql_as(users["city_admin"])
    counts = []
    for limit in (1, 50):
        data, count = counted(api, MEMBERS, {"limit": limit})
        assert len(data["teamMembers"]["results"]) == limit
        counts.append(count)
    assert counts[0] == counts[1], counts


def test_a_member_of_the_sibling_county_reads_like_a_missing_one(gql_as, users):
    suning = TeamMember.objects.filter(area__path__startswith="130900/130926/").first()
    api = gql_as(users["xianxian_centre"])
    assert api.data(MEMBER, {"id": suning.pk}) == {"teamMember": None}
    assert api.data(MEMBER, {"id": 10**12}) == {"teamMember": None}
    assert gql_as(users["county_centre"]).data(MEMBER, {"id": suning.pk})["teamMember"]["name"]


CREATE_MEMBER = """mutation ($data: TeamMemberCreateInput!) { createTeamMember(data: $data) {
  ... on TeamMember { id name teamKind active unit { name } area { code } }
  ... on OperationInfo { messages { kind field message } } } }"""
UPDATE_MEMBER = """mutation ($data: TeamMemberUpdateInput!) { updateTeamMember(data: $data) {
  ... on TeamMember { name title isMediator }
  ... on OperationInfo { messages { kind field message } } } }"""
DELETE_MEMBER = """mutation ($id: ID!) { deleteTeamMember(data: {id: $id}) {
  ... on TeamMember { name active } ... on OperationInfo { messages { kind field message } } } }"""


def member_input(world, **overrides) -> dict:
    office = world.township_units[(int(SUNING_TOWN), "judicial_office")]
    data = {
        "name": "赵立新",
        "teamKind": "judicial_office",
        "unitId": str(office.pk),
        "areaCode": SUNING_TOWN,
        "phone": "13831700088",
        "title": "司法助理员",
        "isMediator": True,
        "specialtyCodes": ["0902"],
    }
    return {**data, **overrides}


def test_team_member_round_trip(gql_as, users, world):
    api = gql_as(users["township_centre"])
    created = api.data(CREATE_MEMBER, {"data": member_input(world)})["createTeamMember"]
    assert (created["teamKind"], created["active"], created["area"]["code"]) == (
        "judicial_office",
        True,
        SUNING_TOWN,
    )
    member = TeamMember.objects.get(pk=created["id"])
    assert list(member.specialties.values_list("code", flat=True)) == ["0902"]
    updated = api.data(
        UPDATE_MEMBER, {"data": {"id": created["id"], "title": "司法所所长", "isMediator": False}}
    )["updateTeamMember"]
    assert updated == {"name": "赵立新", "title": "司法所所长", "isMediator": False}
    refused = api.data(DELETE_MEMBER, {"id": created["id"]})["deleteTeamMember"]
    assert refused["messages"][0]["message"] == "队伍成员不存在"  # 乡镇综治中心 may not delete
    admin = gql_as(users["city_admin"])
    assert admin.data(DELETE_MEMBER, {"id": created["id"]})["deleteTeamMember"] == {
        "name": "赵立新",
        "active": False,
    }
    again = admin.data(DELETE_MEMBER, {"id": created["id"]})["deleteTeamMember"]
    assert again["messages"][0]["message"] == "该成员已离岗"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"phone": "12345"}, "phone", "电话"),
        ({"teamKind": "police_station"}, "unit", "所在单位的类别与队伍不符"),
        ({"areaCode": "130926"}, "areaCode", "区划代码不存在"),
        ({"specialtyCodes": ["9999"]}, "specialtyCodes", "擅长纠纷类型代码不存在"),
        ({"unitId": "abc"}, "unitId", "编号格式不正确"),
    ],
)
def test_bad_member_input_gets_a_chinese_error_on_its_field(
    gql_as, users, world, overrides, field, message
):
    before = TeamMember.objects.count()
    result = gql_as(users["township_centre"]).data(
        CREATE_MEMBER, {"data": member_input(world, **overrides)}
    )["createTeamMember"]
    assert any(m["field"] == field and message in m["message"] for m in result["messages"]), result
    assert TeamMember.objects.count() == before


def test_the_sibling_county_cannot_create_update_or_delete_members(gql_as, users, world):
    api = gql_as(users["xianxian_centre"])
    before = TeamMember.objects.count()
    created = api.data(CREATE_MEMBER, {"data": member_input(world)})["createTeamMember"]
    assert created["messages"][0]["kind"] == "ERROR"
    assert TeamMember.objects.count() == before
    suning = TeamMember.objects.filter(area__path__startswith="130900/130926/").first()
    answers = [
        api.data(UPDATE_MEMBER, {"data": {"id": pk, "title": "队长"}})["updateTeamMember"]
        for pk in (suning.pk, 10**12)
    ]
    assert answers[0] == answers[1]
    assert TeamMember.objects.get(pk=suning.pk).title != "队长"


def test_a_member_is_not_moved_out_of_the_editors_scope(gql_as, users):
    member = TeamMember.objects.filter(area_id=int(SUNING_TOWN), active=True).first()
    result = gql_as(users["township_centre"]).data(
        UPDATE_MEMBER, {"data": {"id": member.pk, "areaCode": LIANGJIACUN}}
    )["updateTeamMember"]
    assert result["messages"][0]["kind"] == "ERROR"
    assert TeamMember.objects.get(pk=member.pk).area_id == int(SUNING_TOWN)


TEAMS = """query ($code: String!) { townshipTeams(areaCode: $code) {
  kind label members { openDisputes member { id name phone unit { name } area { name } } } } }"""


def test_township_teams_show_the_eight_teams_with_each_members_open_disputes(gql_as, users):
    teams = gql_as(users["township_commissar"]).data(TEAMS, {"code": SUNING_TOWN})["townshipTeams"]
    assert [(t["kind"], t["label"]) for t in teams] == [(k.value, str(k.label)) for k in TeamKind]
    loads = {m["member"]["id"]: m["openDisputes"] for t in teams for m in t["members"]}
    on_duty = TeamMember.objects.filter(area__path__contains="/130926100/", active=True)
    assert set(loads) == {str(pk) for pk in on_duty.values_list("pk", flat=True)}
    for member in on_duty.filter(disputes__isnull=False).distinct()[:5]:
        expected = Dispute.objects.filter(mediators=member, status__in=OPEN_STATUSES).count()
        assert loads[str(member.pk)] == expected
    assert any(loads.values())


def test_township_teams_cost_the_same_number_of_statements_however_many_members(
    gql_as, users, world
):
    api = gql_as(users["county_centre"])
    before, first = counted(api, TEAMS, {"code": LIANGJIACUN})
    template = TeamMember.objects.filter(area__path__contains="/130926101/", active=True).first()
    for i in range(5):
        team_member_create(
            name=f"新队员{i}",
            team_kind=template.team_kind,
            unit=template.unit,
            area=template.area,
            phone=f"1383170010{i}",
        )
    after, second = counted(api, TEAMS, {"code": LIANGJIACUN})
    size = lambda data: sum(len(t["members"]) for t in data["townshipTeams"])  # noqa: E731
    assert size(after) == size(before) + 5
    assert first == second <= 5, (first, second)  # with the session and the user


def test_township_teams_outside_the_scope_or_of_a_non_township_are_empty(gql_as, users):
    api = gql_as(users["xianxian_centre"])
    assert api.data(TEAMS, {"code": SUNING_TOWN}) == {"townshipTeams": []}
    assert api.data(TEAMS, {"code": "130926"}) == {"townshipTeams": []}
    assert gql_as(users["city_admin"]).data(TEAMS, {"code": XIANXIAN}) == {"townshipTeams": []}


# --- units --------------------------------------------------------------------------------------

UNITS = """query ($limit: Int!, $filters: UnitFilter) {
  units(pagination: {offset: 0, limit: $limit}, filters: $filters, ordering: [{code: ASC}]) {
    totalCount results { id code name kind isActive area { code name } }
  }
}"""
UNIT = "query ($id: ID!) { unit(id: $id) { id name } }"


def test_a_county_centre_lists_only_the_units_of_its_county(gql_as, users):
    page = gql_as(users["county_centre"]).data(UNITS, {"limit": 100})["units"]
    assert (
        page["totalCount"] == Unit.objects.filter(area__path__startswith="130900/130926/").count()
    )
    assert all(row["area"]["code"].startswith("130926") for row in page["results"])


def test_unit_filters(gql_as, users):
    api = gql_as(users["city_admin"])

    def total(filters: dict) -> int:
        return api.data(UNITS, {"limit": 1, "filters": filters})["units"]["totalCount"]

    assert (
        total({"kind": {"exact": "member_unit"}}) == Unit.objects.filter(kind="member_unit").count()
    )
    assert (
        total({"area": SUNING_TOWN})
        == Unit.objects.filter(area__path__contains="/130926100/").count()
    )
    assert total({"search": "司法局"}) == Unit.objects.filter(name__contains="司法局").count() > 0
    assert total({"search": "CZ-U11"}) == 1
    assert total({"isActive": {"exact": False}}) == Unit.objects.filter(is_active=False).count()


def test_the_unit_list_sql_count_does_not_grow_with_the_page(gql_as, users):
    api = gql_as(users["city_admin"])
    counts = []
    for limit in (1, 50):
        data, count = counted(api, UNITS, {"limit": limit})
        assert len(data["units"]["results"]) == limit
        counts.append(count)
    assert counts[0] == counts[1], counts


def test_a_unit_of_the_sibling_county_reads_like_a_missing_one(gql_as, users, world):
    unit = world.township_units[(int(SUNING_TOWN), "police_station")]
    api = gql_as(users["xianxian_centre"])
    assert api.data(UNIT, {"id": unit.pk}) == {"unit": None}
    assert api.data(UNIT, {"id": "x"}) == {"unit": None}
    assert gql_as(users["county_centre"]).data(UNIT, {"id": unit.pk})["unit"]["name"] == unit.name


CREATE_UNIT = """mutation ($data: UnitCreateInput!) { createUnit(data: $data) {
  ... on Unit { id code name kind isActive area { code } }
  ... on OperationInfo { messages { kind field message } } } }"""
UPDATE_UNIT = """mutation ($data: UnitUpdateInput!) { updateUnit(data: $data) {
  ... on Unit { name shortName } ... on OperationInfo { messages { kind field message } } } }"""
DELETE_UNIT = """mutation ($id: ID!) { deleteUnit(data: {id: $id}) {
  ... on Unit { code isActive } ... on OperationInfo { messages { kind field message } } } }"""
UNIT_INPUT = {
    "code": "SN-LAW-01",
    "name": "肃宁镇公共法律服务工作站",
    "kind": "legal_service",
    "areaCode": SUNING_TOWN,
}


def test_unit_round_trip(gql_as, users):
    api = gql_as(users["city_admin"])
    created = api.data(CREATE_UNIT, {"data": UNIT_INPUT})["createUnit"]
    assert (created["code"], created["isActive"], created["area"]["code"]) == (
        "SN-LAW-01",
        True,
        SUNING_TOWN,
    )
    updated = api.data(UPDATE_UNIT, {"data": {"id": created["id"], "shortName": "法律服务所"}})
    assert updated["updateUnit"] == {"name": "肃宁镇公共法律服务工作站", "shortName": "法律服务所"}
    deleted = api.data(DELETE_UNIT, {"id": created["id"]})["deleteUnit"]
    assert deleted == {"code": "SN-LAW-01", "isActive": False}
    again = api.data(DELETE_UNIT, {"id": created["id"]})["deleteUnit"]
    assert again["messages"][0]["message"] == "该单位已停用"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"code": "CZ-U11"}, "code", "单位编码已存在"),
        ({"kind": "bakery"}, "kind", ""),
        ({"areaCode": "abc"}, "areaCode", "编号格式不正确"),
        ({"parentId": "10000000000"}, "parentId", ""),
    ],
)
def test_bad_unit_input_gets_an_error_on_its_field_and_writes_nothing(
    gql_as, users, overrides, field, message
):
    before = Unit.objects.count()
    result = gql_as(users["city_admin"]).data(CREATE_UNIT, {"data": {**UNIT_INPUT, **overrides}})
    messages = result["createUnit"]["messages"]
    assert any((m["field"] in (field, None)) and message in m["message"] for m in messages), (
        messages
    )
    assert Unit.objects.count() == before


def test_only_unit_administrators_in_scope_change_units(gql_as, users, world):
    before = Unit.objects.count()
    refused = gql_as(users["county_centre"]).data(CREATE_UNIT, {"data": UNIT_INPUT})["createUnit"]
    assert refused["messages"][0]["kind"] == "ERROR" and Unit.objects.count() == before
    unit = world.township_units[(int(SUNING_TOWN), "police_station")]
    api = gql_as(users["xianxian_centre"])
    answers = [
        api.data(DELETE_UNIT, {"id": pk})["deleteUnit"]["messages"] for pk in (unit.pk, 10**12)
    ]
    assert answers[0] == answers[1]
    assert Unit.objects.get(pk=unit.pk).is_active


# --- memberships (role grants) --------------------------------------------------------------------

GRANTS = """query ($limit: Int!, $filters: MembershipFilter) {
  memberships(pagination: {offset: 0, limit: $limit}, filters: $filters) {
    totalCount results { id role roleLabel username userFullName scope { code name } unit { name area { name } } }
  }
}"""
GRANT = """mutation ($data: GrantMembershipInput!) { grantMembership(data: $data) {
  ... on Membership { id role username scope { code } unit { name } }
  ... on OperationInfo { messages { kind field message } } } }"""
REVOKE = """mutation ($id: ID!) { revokeMembership(data: {id: $id}) {
  ... on Membership { role username } ... on OperationInfo { messages { kind field message } } } }"""


@pytest.fixture
def xianxian_admin(world):
    """A city_admin role held over 献县 only: it manages grants there and nowhere else."""
    user = user_create(username="xx_admin", password="Zl-demo-2026!", full_name="献县管理员")
    membership_grant(user=user, role=Role.CITY_ADMIN, scope=Area.objects.get(code=int(XIANXIAN)))
    return user


@pytest.fixture
def newcomer(world):
    return user_create(username="wang_fang", password="Zl-demo-2026!", full_name="王芳")


def test_memberships_are_scoped_to_the_grant_scope(gql_as, users, xianxian_admin):
    everything = gql_as(users["city_admin"]).data(GRANTS, {"limit": 100})["memberships"]
    assert everything["totalCount"] == Membership.objects.count()
    page = gql_as(xianxian_admin).data(GRANTS, {"limit": 100})["memberships"]
    assert (
        page["totalCount"]
        == Membership.objects.filter(scope__path__startswith="130900/130929/").count()
        > 0
    )
    assert all(row["scope"]["code"].startswith("130929") for row in page["results"])
    assert (
        gql_as(users["county_centre"]).data(GRANTS, {"limit": 5})["memberships"]["totalCount"] == 0
    )


def test_membership_filters(gql_as, users):
    api = gql_as(users["city_admin"])

    def total(filters: dict) -> int:
        return api.data(GRANTS, {"limit": 1, "filters": filters})["memberships"]["totalCount"]

    assert (
        total({"role": "county_centre"})
        == Membership.objects.filter(role__name="role:county_centre").count()
        == 2
    )
    assert (
        total({"area": XIANXIAN})
        == Membership.objects.filter(scope__path__startswith="130900/130929/").count()
    )
    assert total({"search": "xianxian"}) == 1


def test_the_membership_list_sql_count_does_not_grow_with_the_page(gql_as, users, world):
    town = Area.objects.get(code=int(SUNING_TOWN))
    for i in range(20):
        user = user_create(username=f"grid{i}", password="Zl-demo-2026!", full_name=f"网格员{i}")
        membership_grant(
            user=user,
            role=Role.GRID_WORKER,
            scope=town,
            unit=world.township_units[(int(SUNING_TOWN), "grid_team")],
        )
    api = gql_as(users["city_admin"])
    counts = []
    for limit in (1, 30):
        data, count = counted(api, GRANTS, {"limit": limit})
        assert len(data["memberships"]["results"]) == limit
        counts.append(count)
    assert counts[0] == counts[1], counts


def test_grant_and_revoke_round_trip(gql_as, users, world, newcomer):
    api = gql_as(users["city_admin"])
    team = world.township_units[(int(SUNING_TOWN), "grid_team")]
    village = world.villages_of(Area.objects.get(code=int(SUNING_TOWN)))[0]
    data = {
        "username": "wang_fang",
        "role": "grid_worker",
        "scopeCode": f"{village.code:012d}",
        "unitId": str(team.pk),
    }
    granted = api.data(GRANT, {"data": data})["grantMembership"]
    assert (granted["role"], granted["username"], granted["unit"]["name"]) == (
        "grid_worker",
        "wang_fang",
        team.name,
    )
    assert newcomer.groups.filter(pk=team.group_id).exists()
    revoked = api.data(REVOKE, {"id": granted["id"]})["revokeMembership"]
    assert revoked == {"role": "grid_worker", "username": "wang_fang"}
    assert not Membership.objects.filter(user=newcomer).exists()
    assert not newcomer.groups.filter(pk=team.group_id).exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"role": "emperor"}, "role", "角色不存在"),
        ({"username": "nobody"}, "username", "账号不存在或已停用"),
        ({"scopeCode": "130926"}, "scopeCode", "区划代码不存在"),
    ],
)
def test_bad_grants_get_a_chinese_error_and_write_nothing(
    gql_as, users, newcomer, overrides, field, message
):
    before = Membership.objects.count()
    data = {"username": "wang_fang", "role": "mediator", "scopeCode": SUNING_TOWN, **overrides}
    result = gql_as(users["city_admin"]).data(GRANT, {"data": data})["grantMembership"]
    assert result["messages"] == [{"kind": "VALIDATION", "field": field, "message": message}]
    assert Membership.objects.count() == before


def test_grants_outside_the_granters_scope_read_like_missing(
    gql_as, users, xianxian_admin, newcomer
):
    api = gql_as(xianxian_admin)
    inside = api.data(
        GRANT, {"data": {"username": "wang_fang", "role": "county_centre", "scopeCode": XIANXIAN}}
    )
    assert inside["grantMembership"]["scope"] == {"code": XIANXIAN}
    before = Membership.objects.count()
    outside = api.data(
        GRANT, {"data": {"username": "wang_fang", "role": "mediator", "scopeCode": SUNING_TOWN}}
    )
    assert outside["grantMembership"]["messages"][0]["kind"] == "ERROR"
    assert Membership.objects.count() == before
    suning = Membership.objects.filter(user=users["township_centre"]).first()
    answers = [
        api.data(REVOKE, {"id": pk})["revokeMembership"]["messages"] for pk in (suning.pk, 10**12)
    ]
    assert answers[0] == answers[1]
    assert Membership.objects.filter(pk=suning.pk).exists()
    refused = gql_as(users["county_centre"]).data(REVOKE, {"id": suning.pk})["revokeMembership"]
    assert refused["messages"] == answers[1]


# --- the delegation rule --------------------------------------------------------------------------


def test_the_same_role_is_delegable_inside_the_granters_scope(users):
    suning_town, xianxian = (
        Area.objects.get(code=int(SUNING_TOWN)),
        Area.objects.get(code=int(XIANXIAN)),
    )
    centre = users["county_centre"]
    assert may_delegate(centre, role=Role.COUNTY_CENTRE, scope=suning_town)
    assert not may_delegate(centre, role=Role.COUNTY_CENTRE, scope=xianxian)
    assert not may_delegate(
        centre, role=Role.COUNTY_CENTRE, scope=Area.objects.get(code=130900000000)
    )


def test_a_role_with_more_permissions_than_the_granters_is_never_delegable(users):
    suning_town = Area.objects.get(code=int(SUNING_TOWN))
    centre = users["county_centre"]
    assert may_delegate(centre, role=Role.GRID_WORKER, scope=suning_town)  # a subset of its own
    assert not may_delegate(centre, role=Role.TOWNSHIP_CENTRE, scope=suning_town)  # adds subsidies
    assert not may_delegate(centre, role=Role.CITY_ADMIN, scope=suning_town)
    assert not may_delegate(centre, role="emperor", scope=suning_town)


def test_own_only_grants_pass_on_only_own_only_roles(users, world):
    village = world.villages_of(Area.objects.get(code=int(SUNING_TOWN)))[0]
    resident = users["resident"]
    assert may_delegate(resident, role=Role.RESIDENT, scope=village)
    assert not may_delegate(resident, role=Role.GRID_WORKER, scope=village)


def test_a_unit_grant_needs_the_units_jurisdiction_or_the_unit_itself(users, world):
    suning_town = Area.objects.get(code=int(SUNING_TOWN))
    centre = users["township_centre"]
    own_unit = world.township_units[(int(SUNING_TOWN), "governance_centre")]
    city_unit = world.member_units[10]
    assert may_delegate(centre, role=Role.GRID_WORKER, scope=suning_town, unit=own_unit)
    assert not may_delegate(centre, role=Role.GRID_WORKER, scope=suning_town, unit=city_unit)
    assert may_delegate(
        users["unit_handler"], role=Role.UNIT_HANDLER, scope=suning_town, unit=city_unit
    )


def test_superusers_delegate_anything_and_the_inactive_nothing(users, newcomer):
    city = Area.objects.get(code=130900000000)
    newcomer.is_superuser = True
    assert may_delegate(newcomer, role=Role.CITY_ADMIN, scope=city)
    admin = users["city_admin"]
    admin.is_active = False
    assert not may_delegate(admin, role=Role.GRID_WORKER, scope=city)
