"""The four browsing panes: the shared base, one module per pane, and value formatting."""
