"""The creation-task process (创建任务) as a declaration: 已分派 → 推进中 (progress reports with
evidence, by the lead unit and the co-units) → 已提交验收 → 验收通过 (已完成) or 退回整改 (已退回,
back to 推进中 on the next report); 重新分派 while the work goes on. The engine (backend/workflow)
runs it; the holders are the lead unit and the co-units (many-to-many, so `holders`)."""

from django.utils.translation import gettext_lazy as _

from backend.creation.models import CreationTask
from backend.creation.models import TaskStatus as S
from backend.creation.workflow import progress, review
from backend.workflow.declarations import Actor, Process, Transition

# Progress is reported while work goes on; a task under review or done is frozen.
CHANGEABLE = (S.ASSIGNED, S.IN_PROGRESS, S.RETURNED)


def responsible_units(task: CreationTask) -> set[int]:
    """The lead unit and the co-units (牵头单位、协办单位): the units holding the task."""
    return {task.lead_unit_id, *(link.unit_id for link in task.co_unit_links.all())}


TASK = Process(
    name="creation_task",
    label=_("创建任务推进"),
    noun=_("任务"),
    model="creation.creationtask",
    holders=responsible_units,
    holders_prefetch=("co_unit_links",),
    deadline_field="deadline",  # the last day (a date: due at 24:00)
    closed_states=(S.COMPLETED,),
    assigned=True,
    transitions=(
        Transition("assign", _("重新分派"), CHANGEABLE, actor=Actor.OVERSEER,
                   required={"lead_unit": _("请指定牵头单位")}, effect=review.assign,
                   refused=_("任务已提交验收或已完成，不能重新分派")),
        Transition("report_progress", _("报送进度"), CHANGEABLE, S.IN_PROGRESS, actor=Actor.HOLDER,
                   required={"narrative": _("请填写进展情况")}, effect=progress.report,
                   refused=_("任务已提交验收或已完成，不能报送进度"),
                   not_holder=_("只有牵头单位或协办单位可以报送进度")),
        Transition("submit", _("提交验收"), (S.IN_PROGRESS, S.RETURNED), S.SUBMITTED,
                   actor=Actor.HOLDER, effect=progress.submit, when=progress.complete,
                   refused=_("只有推进中或已退回的任务可以提交验收"),
                   not_holder=_("只有牵头单位可以提交验收")),
        Transition("accept", _("验收"), (S.SUBMITTED,), S.COMPLETED, actor=Actor.OVERSEER,
                   effect=review.accept, refused=_("只有已提交验收的任务可以验收")),
        Transition("return", _("退回整改"), (S.SUBMITTED,), S.RETURNED, actor=Actor.OVERSEER,
                   required={"reason": _("退回整改须填写退回理由")}, effect=review.return_,
                   notify="returned", refused=_("只有已提交验收的任务可以退回")),
    ),
)  # fmt: skip
