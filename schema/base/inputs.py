from typing import Any

import strawberry


@strawberry.input(description="按编号指定一条记录")
class IdInput:
    id: strawberry.ID


def changes_of(data: Any) -> dict[str, Any]:
    """The fields an update input actually carries: the id and the fields left unset excluded."""
    return {k: v for k, v in vars(data).items() if k != "id" and v is not strawberry.UNSET}
