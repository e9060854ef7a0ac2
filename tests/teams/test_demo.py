import pytest

from backend.teams import demo
from backend.teams.models import TeamKind, TeamMember
from tests.teams.demo_context import small_context

pytestmark = pytest.mark.django_db


def test_seed_gives_every_township_its_eight_teams_and_is_idempotent():
    ctx = small_context()
    first = demo.seed(ctx)
    assert first["team_member"] == TeamMember.objects.count() > 0
    for township in ctx.townships:
        low, high = township.subtree_range()
        kinds = set(
            TeamMember.objects.filter(area__gte=low, area__lte=high).values_list(
                "team_kind", flat=True
            )
        )
        assert kinds == set(TeamKind.values)
    assert demo.seed(ctx) == {"team_member": 0, "team_member_specialty": 0, "team_member_user": 0}


def test_grid_workers_serve_villages_and_mediators_come_from_three_teams():
    ctx = small_context()
    demo.seed(ctx)
    grid = TeamMember.objects.filter(team_kind=TeamKind.GRID_WORKER)
    assert grid.count() == 2 * len(ctx.villages)
    assert not grid.filter(area__level__lt=6).exists()
    kinds = set(TeamMember.objects.filter(is_mediator=True).values_list("team_kind", flat=True))
    assert kinds == {TeamKind.JUDICIAL_OFFICE, TeamKind.CIVIL_MEDIATION, TeamKind.TRIBUNAL}
    assert all(m.specialties.exists() for m in TeamMember.objects.filter(is_mediator=True)[:20])


def test_the_mediator_user_is_a_judicial_office_member_of_suning_town():
    ctx = small_context()
    demo.seed(ctx)
    member = TeamMember.objects.get(user=ctx.users["mediator"])
    assert (member.area_id, member.team_kind) == (130926100000, TeamKind.JUDICIAL_OFFICE)


def test_seeded_members_are_valid():
    demo.seed(small_context())
    for member in TeamMember.objects.order_by("?")[:50]:
        member.full_clean()
