import pytest

from backend.areas.models import Area
from backend.peacevillage.models import AssessmentItem
from tests.api.conftest import gql_as  # noqa: F401  (the GraphQL client fixture)
from tests.permissions.conftest import users, world  # noqa: F401  (the shared demo world)

WOBEI = 130926102201  # a village of 窝北镇 (肃宁县), outside the shared world


@pytest.fixture
def wobei(db) -> Area:
    return Area.objects.get(code=WOBEI)


def results(assessment) -> dict[str, AssessmentItem]:
    return {r.item.code: r for r in assessment.items.select_related("item")}
