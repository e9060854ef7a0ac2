"""The demo has residents who come back with new disputes (backend/disputes/demo/regulars.py):
the repeated-party query finds exactly the ID numbers the demo's parties share, masked."""

from collections import defaultdict

import pytest

from backend.disputes.models import DisputeParty

pytestmark = pytest.mark.django_db
REPEATED = """query { repeatedParties(areaCode: "130900000000", limit: 100) {
  kind label itemCount } }"""


def test_the_demo_regulars_are_found_as_repeated_parties(world, gql_as, users):
    disputes = defaultdict(set)
    for id_number, dispute in DisputeParty.objects.values_list("id_number", "dispute"):
        disputes[id_number].add(dispute)
    shared = {n: len(d) for n, d in disputes.items() if len(d) > 1}
    assert len(shared) >= 3, "the demo world should have several repeat parties"
    rows = gql_as(users["city_admin"]).data(REPEATED)["repeatedParties"]
    found = {row["label"]: row["itemCount"] for row in rows if row["kind"] == "id"}
    assert found == {n[:6] + "********" + n[-4:]: count for n, count in shared.items()}
