import strawberry


@strawberry.input(description="按编号指定一条记录")
class IdInput:
    id: strawberry.ID
