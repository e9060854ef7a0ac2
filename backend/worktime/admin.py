from django.contrib import admin

from backend.worktime.models import CalendarDay, TimeLimit
from permissions.admin import PolicyAdmin

WEEKDAYS = "一二三四五六日"


@admin.register(CalendarDay)
class CalendarDayAdmin(PolicyAdmin):
    list_display = ("day", "weekday", "kind", "name", "note")
    list_filter = ("kind",)
    search_fields = ("name", "note")
    date_hierarchy = "day"

    @admin.display(description="星期")
    def weekday(self, obj: CalendarDay) -> str:
        return f"周{WEEKDAYS[obj.day.weekday()]}"


@admin.register(TimeLimit)
class TimeLimitAdmin(PolicyAdmin):
    list_display = ("process", "category_code", "label", "amount", "unit", "updated_at")
    list_filter = ("unit",)
    search_fields = ("process", "category_code", "label")
