import pytest

from backend.disputes.models import Dispute

pytestmark = pytest.mark.django_db
QUERY = """query ($u: String!, $id: ID!) { explainAccess(username: $u, action: "view",
  model: "disputes.dispute", id: $id) { allowed reasons } }"""


def test_an_administrator_sees_why(gql_as, users):
    dispute = Dispute.objects.filter(area__path__startswith="130900/130926/").first()
    api = gql_as(users["city_admin"])
    county = api.data(QUERY, {"u": "county_centre", "id": dispute.pk})["explainAccess"]
    assert county == {
        "allowed": True,
        "reasons": ["角色「县级综治中心」在「肃宁县」范围内有查看权限"],
    }
    sibling = api.data(QUERY, {"u": "xianxian_centre", "id": dispute.pk})["explainAccess"]
    assert sibling["allowed"] is False and "缺少权限" in sibling["reasons"][0]


def test_others_learn_nothing(gql_as, users):
    dispute = Dispute.objects.first()
    assert gql_as(users["county_centre"]).data(QUERY, {"u": "leader", "id": dispute.pk}) == {
        "explainAccess": None
    }
