from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PermissionsConfig(AppConfig):
    name = "permissions"
    label = "zhili_permissions"
    verbose_name = "权限策略"

    def ready(self) -> None:
        from backend.workflow.authority import register_authority
        from permissions.sync import sync_role_permissions
        from permissions.workflow import PolicyAuthority

        register_authority(PolicyAuthority())  # the workflow engine asks the policies

        # After every migrate the role groups hold exactly the permissions of roles.py. This app is
        # listed last, so its post_migrate comes after every model's permissions were created.
        post_migrate.connect(
            sync_role_permissions, sender=self, dispatch_uid="zhili-sync-role-permissions"
        )
