from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from backend.accounts.tokens import token_authenticate


class ApiTokenMiddleware:
    """`Authorization: Bearer <token>` authenticates an integrator. Such a request carries no
    cookies' authority, so it needs no CSRF token; a session request always does."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        scheme, _, raw = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return self.get_response(request)
        token = token_authenticate(raw.strip())
        if token is None:
            return JsonResponse(
                {"errors": [{"message": "API 令牌无效、已过期或已吊销"}]}, status=401
            )
        # permissions.grants narrows the account's grants to the token's scope
        token.user.api_token = token  # type: ignore[attr-defined]
        request.user = token.user
        request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
        return self.get_response(request)
