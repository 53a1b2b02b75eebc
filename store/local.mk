# store: filled in by its own issue
