import json

import pytest
from django.test import Client

from tests.permissions.conftest import users, world  # noqa: F401  (the shared demo world)


class Gql:
    """POSTs GraphQL documents to /graphql/ as a browser session or with a bearer token."""

    def __init__(self, client: Client, token: str | None = None) -> None:
        self.client, self.token = client, token

    def __call__(self, query: str, variables: dict | None = None, status: int = 200) -> dict:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}
        response = self.client.post(
            "/graphql/",
            json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **headers,
        )
        assert response.status_code == status, response.content
        return response.json()

    def data(self, query: str, variables: dict | None = None) -> dict:
        body = self(query, variables)
        assert "errors" not in body, body["errors"]
        return body["data"]


@pytest.fixture
def gql_as(client):
    def as_user(user) -> Gql:
        client.force_login(user)
        return Gql(client)

    return as_user
