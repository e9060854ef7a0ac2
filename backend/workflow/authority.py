"""Who may act: the engine asks the policies through this seam, because backend/ must not import
permissions/. The permissions app registers its implementation when Django starts; until one is
registered every check by a user fails (closed), while system calls (no actor) pass."""

from typing import Any, Protocol


class Authority(Protocol):
    def may(self, user: Any, action: str, obj: Any) -> bool:
        """May `user` do `action` to `obj` (policy scope or object grant)?"""

    def units(self, user: Any) -> set[int]:
        """The units `user` acts for."""


class _Closed:
    def may(self, user: Any, action: str, obj: Any) -> bool:
        return False

    def units(self, user: Any) -> set[int]:
        return set()


_registered: list[Authority] = [_Closed()]


def register_authority(authority: Authority) -> None:
    _registered[0] = authority


def authority() -> Authority:
    return _registered[0]
