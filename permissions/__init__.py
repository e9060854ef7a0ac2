"""Authorization policies: one per model (may the user do A; to this object; which objects)."""
