"""Screens pushed over the panes: the reader, the entity view, export and help."""
