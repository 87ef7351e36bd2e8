"""Reading files and splitting pages into articles."""
