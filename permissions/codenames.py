"""The actions a policy answers for. Permission codenames are spelled only here: `<action>_<model>`."""

from enum import StrEnum

from django.db import models


class Action(StrEnum):
    VIEW = "view"
    ADD = "add"
    CHANGE = "change"
    DELETE = "delete"
    UNMASK = "unmask"  # read sensitive personal fields unmasked (every such read is audited)
    SUPERVISE = "supervise"  # 督办 an item (never the holding unit's own: the workflow's rule)


def perm_name(model: type[models.Model], action: Action | str) -> str:
    """The Django permission string, e.g. "disputes.view_dispute"."""
    meta = model._meta
    return f"{meta.app_label}.{action}_{meta.model_name}"
