"""Deleting an enterprise registered in error."""

import pytest
from django.core.exceptions import ValidationError

from backend.enterprise.models import Enterprise
from backend.enterprise.services import enterprise_delete

pytestmark = pytest.mark.django_db


def test_an_enterprise_without_problems_is_deleted(enterprise):
    enterprise_delete(enterprise=enterprise)
    assert not Enterprise.objects.exists()


def test_an_enterprise_with_problems_stays(problem):
    with pytest.raises(ValidationError) as error:
        enterprise_delete(enterprise=problem.enterprise)
    assert error.value.messages == ["已有诉求记录的企业不能删除"]
    assert Enterprise.objects.filter(pk=problem.enterprise_id).exists()
