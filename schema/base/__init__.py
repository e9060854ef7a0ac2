"""The conventions every entity of the API follows (DESIGN.md, "GraphQL conventions")."""
