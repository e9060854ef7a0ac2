"""One group per role (named "role:<code>"). Their model permissions are declared in permissions/."""

from django.db import migrations

ROLE_CODES = [
    "city_admin", "county_centre", "township_centre", "township_commissar", "unit_handler",
    "mediator", "grid_worker", "resident", "leader", "auditor", "integrator",
]


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for code in ROLE_CODES:
        Group.objects.get_or_create(name=f"role:{code}")


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[f"role:{c}" for c in ROLE_CODES]).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
