"""The root URL map. It lives in the transport layer so that nothing below imports schema."""

from django.urls import include, path

from schema.schema import schema
from schema.views import csrf, graphql_view

urlpatterns = [
    path("graphql/", graphql_view(schema), name="graphql"),
    path("auth/csrf", csrf, name="csrf"),
    path("", include("backend.urls")),
]
