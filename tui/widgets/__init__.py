"""Widgets of their own: the lazy table, the filter line, the facet list."""
