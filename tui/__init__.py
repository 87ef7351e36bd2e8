"""zgc's Textual app."""
