"""No tables of its own: present so that Django sends this app post_migrate (see apps.py)."""
