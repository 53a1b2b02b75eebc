# spell: filled in by its own issue
