"""GraphQL transport (strawberry): thin types, queries and mutations over services and policies."""
