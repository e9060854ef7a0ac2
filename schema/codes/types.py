import strawberry_django
from strawberry import auto

from backend.codes.models import Code


@strawberry_django.type(Code, name="Code", description="GB/T 31000 代码")
class CodeType:
    id: auto
    code: auto
    name: auto
